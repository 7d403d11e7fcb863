/** A JSON value as it appears in a SCIM resource or request body. */
export type ScimValue = string | number | boolean | null | ScimObject | ScimValue[];

/** A JSON object in SCIM shape: a resource, a complex attribute value or an extension object. */
export type ScimObject = { [key: string]: ScimValue };

export function isScimObject(value: unknown): value is ScimObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
