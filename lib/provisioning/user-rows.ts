import { and, eq, ne, sql } from "drizzle-orm";
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

const selectUser = preparedFor((db) =>
  db
    .select()
    .from(users)
    .where(
      and(
        eq(users.directoryId, sql.placeholder("directoryId")),
        eq(users.id, sql.placeholder("id")),
      ),
    )
    .prepare(),
);

export function findUserRow(db: Queryable, directoryId: string, id: string): UserRow | undefined {
  return selectUser(db).get({ directoryId, id });
}

const selectUserNameHolder = preparedFor((db) =>
  db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.userNameKey, sql.placeholder("userNameKey")),
        eq(users.directoryId, sql.placeholder("directoryId")),
        ne(users.id, sql.placeholder("exceptId")),
      ),
    )
    .prepare(),
);

/** Whether another user of the directory holds `userNameKey`; `exceptId` is the user itself. */
export function isUserNameTaken(
  db: Queryable,
  directoryId: string,
  userNameKey: string,
  exceptId = "",
): boolean {
  return selectUserNameHolder(db).get({ userNameKey, directoryId, exceptId }) !== undefined;
}

type UserChanges = Partial<Omit<UserRow, "id" | "directoryId" | "createdAt">>;
const updateStatements = new Map<string, ReturnType<typeof prepareUpdate>>();

function prepareUpdate(columns: readonly string[]) {
  const values = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)]));
  return preparedFor((db) =>
    db
      .update(users)
      .set(values)
      .where(eq(users.id, sql.placeholder("id")))
      .prepare(),
  );
}

/**
 * Writes only the columns in `changes`: SQLite rewrites the entry of every index on a column an
 * UPDATE names, changed or not, so a PATCH of `title` leaves the userName index alone.
 */
export function updateUserRow(tx: Tx, id: string, changes: UserChanges): void {
  const key = Object.keys(changes).sort().join(",");
  let update = updateStatements.get(key);
  if (!update) {
    update = prepareUpdate(key.split(","));
    updateStatements.set(key, update);
  }
  update(tx).run({ ...changes, id });
}

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
