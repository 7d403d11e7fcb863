import type { ScimObject, ScimValue } from "./types";

/** The key of `object` spelled like `name` ignoring case (RFC 7643 §2.1), if there is one. */
export function findKey(object: ScimObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const wanted = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === wanted);
}

export function readKey(object: ScimObject, name: string): ScimValue | undefined {
  const key = findKey(object, name);
  return key === undefined ? undefined : object[key];
}

/** Writes under the canonical spelling, in place, dropping any differently cased duplicate. */
export function writeKey(object: ScimObject, name: string, value: ScimValue): void {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key !== name && key.toLowerCase() === wanted) delete object[key];
  }
  object[name] = value;
}

export function deleteKey(object: ScimObject, name: string): void {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key.toLowerCase() === wanted) delete object[key];
  }
}
