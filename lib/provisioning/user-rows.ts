import { eq, sql } from "drizzle-orm";
import { textListPlaceholder } from "@/db/dialect";
import { preparedFor, preparedInsert, type Queryable, type Tx } from "@/db/client";
import { groupMembers, groups, userEmails, users } from "@/db/schema";
import type { ResourceRef, ScimObject, StoredResource } from "@/lib/scim/resource";
import { storedResource } from "./stored-resource";

export type UserRow = typeof users.$inferSelect;

const asText = (value: unknown) => (typeof value === "string" ? value : null);
const fold = (value: string | null) => (value === null ? null : value.toLowerCase());

/** The indexed copies of a user's attributes; `data` stays the source of truth. */
export function userColumns(attributes: ScimObject) {
  const userName = asText(attributes.userName) ?? "";
  const displayName = asText(attributes.displayName);
  return {
    userName,
    userNameKey: userName.toLowerCase(),
    externalId: asText(attributes.externalId),
    displayName,
    displayNameKey: fold(displayName),
    // RFC 7643 §4.1.1 leaves an absent `active` undefined; IdPs treat it as active.
    active: attributes.active !== false,
    data: JSON.stringify(attributes),
  };
}

export const storedUser: (row: UserRow) => StoredResource = storedResource;

function emailRows(userId: string, directoryId: string, attributes: ScimObject) {
  const emails = Array.isArray(attributes.emails) ? attributes.emails : [];
  return emails.flatMap((email: unknown) => {
    if (typeof email !== "object" || email === null) return [];
    const { value, type, primary } = email as ScimObject;
    if (typeof value !== "string") return [];
    const typeKey = typeof type === "string" ? type.toLowerCase() : null;
    return [
      { userId, directoryId, valueKey: value.toLowerCase(), typeKey, isPrimary: primary === true },
    ];
  });
}

/** Keeps the email side table in step with the user's `emails` attribute. */
export function writeUserEmails(
  tx: Tx,
  userId: string,
  directoryId: string,
  attributes: ScimObject,
) {
  tx.delete(userEmails).where(eq(userEmails.userId, userId)).run();
  insertUserEmails(tx, userId, directoryId, attributes);
}

export function insertUserEmails(
  tx: Tx,
  userId: string,
  directoryId: string,
  attributes: ScimObject,
) {
  const rows = emailRows(userId, directoryId, attributes);
  const insert = insertEmail(tx);
  for (const row of rows) insert.run(row);
}

const insertEmail = preparedInsert(userEmails);

const selectUserGroups = preparedFor((db) =>
  db
    .select({ userId: groupMembers.memberId, id: groups.id, display: groups.displayName })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(sql`${groupMembers.memberId} IN ${textListPlaceholder("ids")}`)
    .orderBy(groups.displayNameKey)
    .prepare(),
);

/** The `groups` attribute of each user, computed from memberships (RFC 7643 §4.1.2). */
export function loadUserGroups(db: Queryable, userIds: string[]): Map<string, ResourceRef[]> {
  const byUser = new Map<string, ResourceRef[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = selectUserGroups(db).all({ ids: JSON.stringify(userIds) });
  for (const row of rows) {
    byUser.get(row.userId)?.push({ value: row.id, display: row.display, type: "Group" });
  }
  return byUser;
}
