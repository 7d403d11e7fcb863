import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { jsonTuples } from "@/db/dialect";
import type { Queryable, Tx } from "@/db/client";
import { preparedInsert, preparedSelect } from "@/db/direct-statements";
import { groupMembers, groups, userEmails, users } from "@/db/schema";
import type { ResourceRef, ScimObject, StoredResource } from "@/lib/scim/resource";
import { columnUpdater, keyHolderCheck, rowFinder } from "./resource-statements";
import { storedResource, type ResourceRow } from "./stored-resource";

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
    // Writes store `active` (see withDefaults); rows from before that count as active too.
    active: attributes.active !== false,
    data: JSON.stringify(attributes),
  };
}

export type UserColumns = ReturnType<typeof userColumns>;

export const storedUser: (row: ResourceRow) => StoredResource = storedResource;

/**
 * The user's `groups` (RFC 7643 §4.1.2) as JSON, computed in the statement that reads the user:
 * a second statement per request costs more than the join, as its pages start cold. Sorting a
 * user's few groups here is cheaper than the temporary B-tree an ORDER BY builds in SQLite.
 */
export const USER_GROUPS_JSON = jsonTuples(
  [sql`${groups.id}`, sql`${groups.displayName}`, sql`${groups.displayNameKey}`],
  sql`FROM ${groupMembers} JOIN ${groups} ON ${groups.id} = ${groupMembers.groupId}
    WHERE ${groupMembers.memberId} = ${users.id}`,
).mapWith(String);

type GroupTuple = [id: string, displayName: string, displayNameKey: string];

const byNameThenId = (a: GroupTuple, b: GroupTuple) =>
  a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** The groups of USER_GROUPS_JSON, ordered by display name. */
export function groupRefsOf(json: string): ResourceRef[] {
  const tuples = (JSON.parse(json) as GroupTuple[]).sort(byNameThenId);
  return tuples.map(([value, display]) => ({ value, display, type: "Group" }));
}

const userById = and(
  eq(users.directoryId, sql.placeholder("directoryId")),
  eq(users.id, sql.placeholder("id")),
);
const findUserRow = rowFinder(users);
const selectUserWithGroups = preparedSelect(
  { ...getTableColumns(users), groupsJson: USER_GROUPS_JSON },
  (db, selection) => db.select(selection).from(users).where(userById),
);

export type FoundUser = { row: UserRow; refs: ResourceRef[] | undefined };

/** The user's row, and its groups when `withGroups`. */
export function findUser(
  db: Queryable,
  directoryId: string,
  id: string,
  withGroups: boolean,
): FoundUser | undefined {
  if (!withGroups) {
    const row = findUserRow(db, directoryId, id);
    return row && { row, refs: undefined };
  }
  const found = selectUserWithGroups(db).get({ directoryId, id });
  if (!found) return undefined;
  const { groupsJson, ...row } = found;
  return { row, refs: groupRefsOf(groupsJson) };
}

/** Whether another user of the directory holds `userNameKey`; `exceptId` is the user itself. */
export const isUserNameTaken = keyHolderCheck(users, users.userNameKey);

export const updateUserRow = columnUpdater(users);

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
