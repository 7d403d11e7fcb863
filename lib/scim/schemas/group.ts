import { GROUP_SCHEMA } from "../urns";
import { attr, complex } from "./define";
import type { SchemaDef } from "./types";

export const GROUP_SCHEMA_DEF: SchemaDef = {
  id: GROUP_SCHEMA,
  name: "Group",
  description: "Group",
  attributes: [
    attr("displayName", "string", "A human-readable name for the Group.", {
      required: true,
      uniqueness: "server",
    }),
    complex(
      "members",
      "A list of members of the Group.",
      [
        attr("value", "string", "Identifier of the member of this Group.", {
          mutability: "immutable",
        }),
        attr("$ref", "reference", "The URI of the member resource.", {
          mutability: "immutable",
          referenceTypes: ["User", "Group"],
        }),
        attr("display", "string", "The member's display name.", { mutability: "readOnly" }),
        attr("type", "string", "The type of the member.", {
          mutability: "immutable",
          canonicalValues: ["User", "Group"],
        }),
      ],
      { multiValued: true },
    ),
  ],
};
