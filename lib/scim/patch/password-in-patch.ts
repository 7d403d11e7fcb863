import { USER_SCHEMA } from "../urns";
import { readKey } from "../values/object-keys";
import { isScimObject } from "../values/types";

const PASSWORD_NAMES: ReadonlySet<string> = new Set([
  "password",
  `${USER_SCHEMA}:password`.toLowerCase(),
]);

const isPasswordName = (name: unknown) =>
  typeof name === "string" && PASSWORD_NAMES.has(name.trim().toLowerCase());

/**
 * The last password a PATCH request sets, by path or in a path-less value, so the caller can
 * hash it off the event loop before the operations run. Only the last one can survive them.
 */
export function lastPasswordIn(operations: readonly unknown[]): string | undefined {
  let password: string | undefined;
  for (const raw of operations) {
    if (!isScimObject(raw)) continue;
    const path = readKey(raw, "path");
    const value = readKey(raw, "value");
    if (isPasswordName(path) && typeof value === "string") password = value;
    if (path !== undefined || !isScimObject(value)) continue;
    for (const [key, candidate] of Object.entries(value)) {
      if (isPasswordName(key) && typeof candidate === "string") password = candidate;
    }
  }
  return password;
}
