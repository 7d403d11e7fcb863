import { inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, syncEvents, users } from "@/db/schema";

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

/** The type and name each of `ids` had in its newest recorded event, for those now gone. */
function lastRecorded(db: Db, ids: string[]): Map<string, { type: ResourceKind; label: string }> {
  const found = new Map<string, { type: ResourceKind; label: string }>();
  if (ids.length === 0) return found;
  const newest = db
    .select({ id: max(syncEvents.id) })
    .from(syncEvents)
    .where(inArray(syncEvents.resourceId, ids))
    .groupBy(syncEvents.resourceId);
  const rows = db
    .select({
      id: syncEvents.resourceId,
      type: syncEvents.resourceType,
      label: syncEvents.resourceLabel,
    })
    .from(syncEvents)
    .where(inArray(syncEvents.id, newest))
    .all();
  for (const row of rows) if (row.label) found.set(row.id, { type: row.type, label: row.label });
  return found;
}

/**
 * Looks the resources up once; each ref then carries its current name, or is marked gone and
 * keeps the name it was given or, failing that, the one its last event recorded.
 */
export function resolverFor(db: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  const existing = existingResources(db, unique);
  const gone = lastRecorded(
    db,
    unique.filter((id) => !existing.has(id)),
  );
  return (ref: PartialRef): ResourceRef => {
    const now = existing.get(ref.id);
    if (now) return { type: now.type, id: ref.id, label: now.label, exists: true };
    const then = gone.get(ref.id);
    const type = ref.type ?? then?.type ?? "User";
    return { type, id: ref.id, label: ref.label ?? then?.label ?? null, exists: false };
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
