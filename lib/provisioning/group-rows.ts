import { and, eq, inArray, sql } from "drizzle-orm";
import { boundTextList, jsonArrayRows } from "@/db/dialect";
import { groupMembers, groups, users } from "@/db/schema";
import { badRequest } from "@/lib/scim/errors";
import type { ResourceRef, ScimObject, StoredResource } from "@/lib/scim/resource";
import { columnUpdater, keyHolderCheck, rowFinder } from "./resource-statements";
import { storedResource, type ResourceRow } from "./stored-resource";
import { preparedFor, type Queryable, type Tx } from "@/db/client";

export type GroupRow = typeof groups.$inferSelect;

export function groupColumns(attributes: ScimObject) {
  const displayName = typeof attributes.displayName === "string" ? attributes.displayName : "";
  return {
    displayName,
    displayNameKey: displayName.toLowerCase(),
    externalId: typeof attributes.externalId === "string" ? attributes.externalId : null,
    data: JSON.stringify(attributes),
  };
}

export type GroupColumns = ReturnType<typeof groupColumns>;

export const storedGroup: (row: ResourceRow) => StoredResource = storedResource;

export const findGroupRow = rowFinder(groups);

/** Whether another group of the directory holds `displayNameKey`; `exceptId` is the group. */
export const isDisplayNameTaken = keyHolderCheck(groups, groups.displayNameKey);

export const updateGroupRow = columnUpdater(groups);

/** Members of each group with their display names, in a stable order. */
export function loadGroupMembers(db: Queryable, groupIds: string[]): Map<string, ResourceRef[]> {
  const byGroup = new Map<string, ResourceRef[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = db
    .select({
      groupId: groupMembers.groupId,
      value: groupMembers.memberId,
      type: groupMembers.memberType,
      display: sql<
        string | null
      >`coalesce(${users.displayName}, ${users.userName}, member_group.display_name)`,
    })
    .from(groupMembers)
    .leftJoin(users, eq(users.id, groupMembers.memberId))
    .leftJoin(sql`${groups} AS member_group`, sql`member_group.id = ${groupMembers.memberId}`)
    .where(inArray(groupMembers.groupId, groupIds))
    .orderBy(groupMembers.groupId, groupMembers.memberId)
    .all();
  for (const row of rows) {
    const ref: ResourceRef = { value: row.value, type: row.type };
    if (row.display !== null) ref.display = row.display;
    byGroup.get(row.groupId)?.push(ref);
  }
  return byGroup;
}

// Looked up by primary key alone and checked in code: with directory_id in the WHERE clause the
// planner prefers the directory index and scans every user of the directory.
const findMembers = preparedFor((db) => {
  const ids = boundTextList(sql.placeholder("ids"));
  const typeOf = (type: "User" | "Group") => sql<"User" | "Group">`${type}`;
  return db
    .select({ id: users.id, type: typeOf("User"), directoryId: users.directoryId })
    .from(users)
    .where(sql`${users.id} IN ${ids}`)
    .unionAll(
      db
        .select({ id: groups.id, type: typeOf("Group"), directoryId: groups.directoryId })
        .from(groups)
        .where(sql`${groups.id} IN ${ids}`),
    )
    .prepare();
});

/** Inserts `[groupId, memberId, memberType]` rows; answers the member ids that were new. */
const insertMembers = preparedFor((db) =>
  db
    .insert(groupMembers)
    .select(jsonArrayRows(sql.placeholder("rows"), 3))
    .onConflictDoNothing()
    .returning({ id: groupMembers.memberId })
    .prepare(),
);

/** Types of the given ids among the directory's users and groups; unknown ids are refused. */
function resolveMembers(tx: Tx, directoryId: string, groupId: string, ids: string[]) {
  const found = findMembers(tx).all({ ids: JSON.stringify(ids) });
  const types = new Map(
    found.filter((row) => row.directoryId === directoryId).map((row) => [row.id, row.type]),
  );
  const unknown = ids.filter((id) => !types.has(id));
  if (unknown.length > 0) {
    const listed = unknown
      .slice(0, 5)
      .map((id) => `"${id}"`)
      .join(", ");
    throw badRequest(
      "invalidValue",
      `Members must be users or groups of this directory: ${listed}`,
    );
  }
  if (types.has(groupId)) throw badRequest("invalidValue", "A group cannot be a member of itself");
  return types;
}

/**
 * A member id as stored. RFC 7643 §4.2 makes members.value caseExact false, and filters compare
 * it so; every id is a lower-case UUID (newTimeOrderedId), so folding finds it by key.
 */
export const memberKeyOf = (id: string): string => id.toLowerCase();

/**
 * Adds members in one prepared set operation, however many (the ids travel as one JSON parameter);
 * members already present are left alone, and the insert itself reports which rows were new, so
 * there is no separate look for existing ones.
 */
export function addMembers(tx: Tx, directoryId: string, groupId: string, ids: string[]): string[] {
  const unique = [...new Set(ids.map(memberKeyOf))];
  if (unique.length === 0) return [];
  const types = resolveMembers(tx, directoryId, groupId, unique);
  const rows = unique.map((memberId) => [groupId, memberId, types.get(memberId) ?? "User"]);
  return insertMembers(tx)
    .all({ rows: JSON.stringify(rows) })
    .map((row) => row.id);
}

export function removeMembersWhere(tx: Tx, groupId: string, condition?: ReturnType<typeof sql>) {
  return tx
    .delete(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), condition))
    .returning({ id: groupMembers.memberId })
    .all()
    .map((row) => row.id);
}

const deleteMembers = preparedFor((db) =>
  db
    .delete(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, sql.placeholder("groupId")),
        sql`${groupMembers.memberId} IN ${boundTextList(sql.placeholder("ids"))}`,
      ),
    )
    .returning({ id: groupMembers.memberId })
    .prepare(),
);

/** Removes the listed members (Entra's remove by value array) in one prepared statement. */
export function removeMembers(tx: Tx, groupId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  return deleteMembers(tx)
    .all({ groupId, ids: JSON.stringify(ids.map(memberKeyOf)) })
    .map((row) => row.id);
}

/** A member leaving changes each group that listed it, so their versions move on too. */
export function touchGroupsContaining(tx: Tx, memberId: string): void {
  tx.update(groups)
    .set({ lastModified: new Date().toISOString(), version: sql`${groups.version} + 1` })
    .where(sql`${groups.id} IN (SELECT group_id FROM group_members WHERE member_id = ${memberId})`)
    .run();
}
