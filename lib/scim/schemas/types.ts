export type AttributeType =
  "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "binary" | "complex";

export type Mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly";
export type Returned = "always" | "never" | "default" | "request";
export type Uniqueness = "none" | "server" | "global";

/** An attribute definition as RFC 7643 §7 describes it, served verbatim by `/Schemas`. */
export type AttributeDef = {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDef[];
};

export type SchemaDef = {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDef[];
};

export type ResourceTypeDef = {
  id: "User" | "Group";
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
};
