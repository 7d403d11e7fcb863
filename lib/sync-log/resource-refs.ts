import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, users } from "@/db/schema";

export type ResourceKind = "User" | "Group";

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

const RESOURCE_PATH = /\/(users|groups)\/([^/]+)\/?$/i;

/** The resource a path such as `/scim/v2/Users/<id>` addresses, when it names one. */
export function resourceIdInPath(path: string): string | undefined {
  return RESOURCE_PATH.exec(path)?.[2];
}
