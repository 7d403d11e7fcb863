import { isDeepEqual } from "@/lib/scim/values";
import type { ScimObject, ScimValue } from "@/lib/scim/values";
import { isSecretKey, REDACTED } from "./redact";

export type AttributeChange = { attribute: string; before: unknown; after: unknown };

function isObject(value: ScimValue | undefined): value is ScimObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Attribute-level differences between two versions of a resource. Complex attributes (and the
 * extension object) are compared per sub-attribute; multi-valued ones as whole lists.
 */
export function diffAttributes(
  before: ScimObject,
  after: ScimObject,
  prefix = "",
  separator = ".",
): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => {
    const left = before[key];
    const right = after[key];
    if (isDeepEqual(left, right)) return [];
    const attribute = prefix ? `${prefix}${separator}${key}` : key;
    if (isObject(left) && isObject(right)) {
      // Extension attributes are named `urn:…:User:department`, sub-attributes `name.givenName`.
      return diffAttributes(left, right, attribute, key.startsWith("urn:") ? ":" : ".");
    }
    const isSecret = isSecretKey(key);
    return [
      {
        attribute,
        before: isSecret && left !== undefined ? REDACTED : (left ?? null),
        after: isSecret ? REDACTED : (right ?? null),
      },
    ];
  });
}
