import type { ScimObject } from "./types";

/**
 * Splits the writeOnly `password` (RFC 7643 §4.1) off a normalised resource so the caller can
 * hash it; the returned resource never carries it.
 */
export function extractPassword(resource: ScimObject): { resource: ScimObject; password?: string } {
  const { password, ...rest } = resource;
  return typeof password === "string" ? { resource: rest, password } : { resource: rest };
}
