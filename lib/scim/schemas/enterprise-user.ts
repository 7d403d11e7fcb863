import { ENTERPRISE_USER_SCHEMA } from "../urns";
import { attr, complex } from "./define";
import type { SchemaDef } from "./types";

export const ENTERPRISE_USER_SCHEMA_DEF: SchemaDef = {
  id: ENTERPRISE_USER_SCHEMA,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    attr("employeeNumber", "string", "A string identifier, typically numeric or alphanumeric."),
    attr("costCenter", "string", "Identifies the name of a cost center."),
    attr("organization", "string", "Identifies the name of an organization."),
    attr("division", "string", "Identifies the name of a division."),
    attr("department", "string", "Identifies the name of a department."),
    complex("manager", "The User's manager.", [
      attr("value", "string", "The id of the SCIM resource representing the User's manager."),
      attr("$ref", "reference", "The URI of the SCIM resource of the User's manager.", {
        referenceTypes: ["User"],
      }),
      attr("displayName", "string", "The displayName of the User's manager.", {
        mutability: "readOnly",
      }),
    ]),
  ],
};
