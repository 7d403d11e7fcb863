import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { getGroup } from "@/lib/provisioning/group-reads";
import { toScimResource } from "@/lib/scim/resource";
import { notFound } from "./errors";
import { directoryNames } from "./list-users";
import { timelineOf } from "./timeline";

/**
 * The group page without its members, which are paged separately: a group of 50,000 members
 * opens as fast as one of five. The raw SCIM JSON is shown without `members` for the same reason.
 */
export function getGroupDetail(db: Db, id: string, scimBaseUrl: string) {
  const row = db
    .select({ directoryId: groups.directoryId })
    .from(groups)
    .where(eq(groups.id, id))
    .get();
  if (!row) throw notFound("Group");

  const { stored } = getGroup(db, row.directoryId, id, false);
  const memberCount =
    db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.groupId, id)).get()?.n ?? 0;
  return {
    id,
    directoryId: row.directoryId,
    directoryName: directoryNames(db, [row.directoryId]).get(row.directoryId) ?? "",
    displayName:
      typeof stored.attributes.displayName === "string" ? stored.attributes.displayName : "",
    externalId:
      typeof stored.attributes.externalId === "string" ? stored.attributes.externalId : null,
    createdAt: stored.createdAt,
    lastModified: stored.lastModified,
    memberCount,
    attributes: stored.attributes,
    scim: toScimResource("Group", stored, undefined, scimBaseUrl),
    timeline: timelineOf(db, "Group", id),
  };
}
