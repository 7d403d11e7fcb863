import { USER_SCHEMA } from "../urns";
import { readKey } from "../values/object-keys";
import { isScimObject, type ScimObject } from "../values/types";

const PASSWORD_NAMES: ReadonlySet<string> = new Set([
  "password",
  `${USER_SCHEMA}:password`.toLowerCase(),
]);

const isNamed = (name: unknown, names: ReadonlySet<string>) =>
  typeof name === "string" && names.has(name.trim().toLowerCase());

const CORE_SCHEMA_NAMES: ReadonlySet<string> = new Set([USER_SCHEMA.toLowerCase()]);

/** The last password a value object sets, directly or in its core schema's object. */
function passwordInValue(value: ScimObject, found: string | undefined): string | undefined {
  let password = found;
  for (const [key, candidate] of Object.entries(value)) {
    if (isNamed(key, PASSWORD_NAMES) && typeof candidate === "string") password = candidate;
    if (isNamed(key, CORE_SCHEMA_NAMES) && isScimObject(candidate)) {
      password = passwordInValue(candidate, password);
    }
  }
  return password;
}

/**
 * The last password a PATCH request sets, by path or in a path-less value, so the caller can
 * hash it off the event loop before the operations run. Only the last one can survive them.
 * A value under the core schema's URN (as a path or a key) is read as a path-less one is.
 */
export function lastPasswordIn(operations: readonly unknown[]): string | undefined {
  let password: string | undefined;
  for (const raw of operations) {
    if (!isScimObject(raw)) continue;
    const path = readKey(raw, "path");
    const value = readKey(raw, "value");
    if (isNamed(path, PASSWORD_NAMES) && typeof value === "string") password = value;
    const isObjectPath = path === undefined || isNamed(path, CORE_SCHEMA_NAMES);
    if (isObjectPath && isScimObject(value)) password = passwordInValue(value, password);
  }
  return password;
}
