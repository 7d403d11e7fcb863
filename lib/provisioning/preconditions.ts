import { ScimError } from "@/lib/scim/errors";
import { etagOf, type ScimObject } from "@/lib/scim/resource";

import type { ChangeContext } from "@/lib/sync-log/record-events";

/** If-Match, and the request to attribute the change to in the sync log. */
export type WriteOptions = { ifMatch?: string; change?: ChangeContext };

/** RFC 7232 §3.1 as RFC 7644 §3.14 uses it: `*` or a list of entity tags, compared weakly. */
export function matchesEtag(header: string, version: number): boolean {
  const current = etagOf(version);
  return header
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag.replace(/^W\//, "") === current.replace(/^W\//, ""));
}

/** Refuses a write whose If-Match no longer names the stored version, before anything changes. */
export function checkIfMatch(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || matchesEtag(ifMatch, version)) return;
  throw new ScimError(412, `The resource has changed: its current version is ${etagOf(version)}`);
}

/**
 * The stored attributes leave `id` to its column; PATCH sees it, so that a client repeating the
 * id unchanged (Okta does, in path-less replaces) is not refused as writing a readOnly value.
 */
export function withId(id: string, attributes: ScimObject): ScimObject {
  return { id, ...attributes };
}

export function withoutId(resource: ScimObject): ScimObject {
  const { id: _id, ...attributes } = resource;
  return attributes;
}
