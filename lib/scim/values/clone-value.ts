import type { ScimValue } from "./types";

/**
 * A deep copy of a JSON value. Resources are plain JSON, so this walks them directly; it is
 * several times cheaper than structuredClone, which serialises and deserialises.
 */
export function cloneValue<T extends ScimValue>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => cloneValue(item)) as T;
  const copy: Record<string, ScimValue> = {};
  for (const key in value) {
    if (Object.hasOwn(value, key)) copy[key] = cloneValue(value[key] as ScimValue);
  }
  return copy as T;
}
