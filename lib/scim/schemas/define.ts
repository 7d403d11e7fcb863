import type { AttributeDef, AttributeType } from "./types";

type Options = Partial<Omit<AttributeDef, "name" | "type" | "description">>;

/** Builds an attribute definition with RFC 7643 §2.2 defaults for whatever is not given. */
export function attr(
  name: string,
  type: AttributeType,
  description: string,
  options: Options = {},
): AttributeDef {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...options,
  };
}

export function complex(
  name: string,
  description: string,
  subAttributes: AttributeDef[],
  options: Options = {},
): AttributeDef {
  return attr(name, "complex", description, { ...options, subAttributes });
}

/** The value/display/type/primary shape shared by emails, phoneNumbers, ims, photos and others. */
export function multiValued(
  name: string,
  description: string,
  canonicalTypes: string[],
  { type = "string", ...valueOptions }: Options & { type?: AttributeType } = {},
  extra: AttributeDef[] = [],
): AttributeDef {
  return complex(
    name,
    description,
    [
      attr("value", type, `The value of the ${name} entry.`, valueOptions),
      attr("display", "string", "A human-readable name, primarily used for display purposes."),
      attr("type", "string", `A label indicating the ${name} entry's function.`, {
        canonicalValues: canonicalTypes,
      }),
      attr("primary", "boolean", `Whether this is the primary ${name} entry.`),
      ...extra,
    ],
    { multiValued: true },
  );
}
