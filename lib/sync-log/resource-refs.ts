import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, users } from "@/db/schema";

export type ResourceKind = "User" | "Group";
export type ResourceRef = { type: ResourceKind; id: string; label: string | null; exists: boolean };
export type PartialRef = { id: string; type?: ResourceKind; label?: string | null };

/** Which of `ids` still exist, as users or groups, with their current names. */
export function existingResources(
  db: Db,
  ids: string[],
): Map<string, { type: ResourceKind; label: string }> {
  const found = new Map<string, { type: ResourceKind; label: string }>();
  if (ids.length === 0) return found;
  const userRows = db
    .select({ id: users.id, label: users.userName })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  const groupRows = db
    .select({ id: groups.id, label: groups.displayName })
    .from(groups)
    .where(inArray(groups.id, ids))
    .all();
  for (const row of userRows) found.set(row.id, { type: "User", label: row.label });
  for (const row of groupRows) found.set(row.id, { type: "Group", label: row.label });
  return found;
}

/** Looks the resources up once; each ref then carries its current name, or is marked gone. */
export function resolverFor(db: Db, ids: string[]) {
  const existing = existingResources(db, [...new Set(ids)]);
  return (ref: PartialRef): ResourceRef => {
    const now = existing.get(ref.id);
    if (now) return { type: now.type, id: ref.id, label: now.label, exists: true };
    return { type: ref.type ?? "User", id: ref.id, label: ref.label ?? null, exists: false };
  };
}

/** The member ids a `group.member_added` or `group.member_removed` event lists. */
export function memberIdsOf(detail: unknown): string[] {
  if (typeof detail !== "object" || detail === null || !("memberIds" in detail)) return [];
  const ids = (detail as { memberIds: unknown }).memberIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}

const RESOURCE_PATH = /\/(users|groups)\/([^/]+)\/?$/i;

/** The resource a path such as `/scim/v2/Users/<id>` addresses, when it names one. */
export function resourceIdInPath(path: string): string | undefined {
  return RESOURCE_PATH.exec(path)?.[2];
}
