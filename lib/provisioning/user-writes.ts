import { newTimeOrderedId } from "@/lib/time-ordered-ids";
import { eq } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { preparedInsert } from "@/db/direct-statements";
import { groupMembers, users } from "@/db/schema";
import { conflict, notFound } from "@/lib/scim/errors";
import { applyPatch, lastPasswordIn, parsePatchRequest } from "@/lib/scim/patch";
import type { ResourceRef, ScimObject, StoredResource } from "@/lib/scim/resource";
import { checkRequired, extractPassword, isDeepEqual, normalizeResource } from "@/lib/scim/values";
import { touchGroupsContaining } from "./group-rows";
import { hashPassword, hashPasswordSync } from "./password";
import { recordChange } from "@/lib/sync-log/record-events";
import { changedColumns } from "./resource-statements";
import { storedResourceOf, type WriteChange } from "./stored-resource";
import { checkIfMatch, withId, withoutId, type WriteOptions } from "./preconditions";
import {
  findUser,
  insertUserEmails,
  isUserNameTaken,
  storedUser,
  updateUserRow,
  userColumns,
  type UserColumns,
  writeUserEmails,
  type FoundUser,
  type UserRow,
} from "./user-rows";

const insertUser = preparedInsert(users);

/** `withGroups: false` when the answer will not show the user's groups (a 204). */
/** A PATCH's password, hashed before its transaction by `prehashPatchPassword`. */
export type PrehashedPassword = { password: string; hash: string };

export type UserWriteOptions = WriteOptions & {
  withGroups?: boolean;
  prehashed?: PrehashedPassword;
};

export type UserWrite = {
  stored: StoredResource;
  refs: ResourceRef[];
  notes: string[];
  /** The attributes before the write, for change records; undefined on create. */
  before: ScimObject | undefined;
};

const now = () => new Date().toISOString();

/**
 * A user without `active` is active, and says so: RFC 7643 §4.1.1 leaves the absent value
 * undefined, but IdPs and the dashboard count such a user as active, and a filter on `active`
 * must agree with them. Clearing it (PUT without it, remove, null) restores the default.
 */
function withDefaults(attributes: ScimObject): ScimObject {
  return attributes.active === undefined ? { ...attributes, active: true } : attributes;
}

function prepare(body: unknown) {
  const { resource, notes } = normalizeResource("User", body);
  const { resource: attributes, password } = extractPassword(resource);
  checkRequired("User", attributes);
  return { attributes: withDefaults(attributes as ScimObject), password, notes };
}

function assertUniqueUserName(tx: Tx, directoryId: string, columns: UserColumns, selfId?: string) {
  if (isUserNameTaken(tx, directoryId, columns.userNameKey, selfId)) {
    throw conflict(`userName "${columns.userName}" is already taken in this directory`);
  }
}

/** The row to change, with its groups when the answer shows them (they never change here). */
function loadForWrite(
  tx: Tx,
  directoryId: string,
  id: string,
  options: UserWriteOptions,
): FoundUser {
  const found = findUser(tx, directoryId, id, options.withGroups ?? true);
  if (!found) throw notFound(`User "${id}" not found`);
  checkIfMatch(options.ifMatch, found.row.version);
  return found;
}

function record(
  tx: Tx,
  options: WriteOptions,
  row: UserRow,
  before: ScimObject | undefined,
  after: ScimObject | undefined,
  isPasswordChanged = false,
) {
  const userName = (after ?? before)?.userName;
  recordChange(tx, options.change, {
    kind: "User",
    directoryId: row.directoryId,
    id: row.id,
    label: typeof userName === "string" ? userName : null,
    before,
    after,
    isPasswordChanged,
  });
}

function finish(
  found: FoundUser,
  stored: StoredResource,
  before: ScimObject | undefined,
  notes: string[],
): UserWrite {
  return { stored, refs: found.refs ?? [], notes, before };
}

export async function createUser(
  db: Db,
  directoryId: string,
  body: unknown,
  options: WriteOptions = {},
): Promise<UserWrite> {
  const { attributes, password, notes } = prepare(body);
  const passwordHash = password === undefined ? null : await hashPassword(password);
  return db.transaction(
    (tx) => {
      const columns = userColumns(attributes);
      assertUniqueUserName(tx, directoryId, columns);
      const timestamp = now();
      const row: UserRow = {
        id: newTimeOrderedId(),
        directoryId,
        ...columns,
        passwordHash,
        createdAt: timestamp,
        lastModified: timestamp,
        version: 1,
      };
      insertUser(tx).run(row);
      insertUserEmails(tx, row.id, directoryId, attributes);
      record(tx, options, row, undefined, attributes);
      return { stored: storedResourceOf(row, attributes), refs: [], notes, before: undefined };
    },
    { behavior: "immediate" },
  );
}

/** PUT (RFC 7644 §3.5.1): the body replaces every client-writable attribute. */
export async function replaceUser(
  db: Db,
  directoryId: string,
  id: string,
  body: unknown,
  options: UserWriteOptions = {},
): Promise<UserWrite> {
  const { attributes, password, notes } = prepare(body);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  return db.transaction(
    (tx) => {
      const found = loadForWrite(tx, directoryId, id, options);
      const columns = userColumns(attributes);
      assertUniqueUserName(tx, directoryId, columns, id);
      const before = storedUser(found.row).attributes;
      // Okta PUTs the whole profile on every push: an unchanged one keeps its version.
      if (isDeepEqual(attributes, before) && passwordHash === undefined) {
        return finish(found, storedResourceOf(found.row, before), before, notes);
      }
      return saveUser(
        tx,
        found,
        { before, after: attributes, columns },
        passwordHash,
        notes,
        options,
      );
    },
    { behavior: "immediate" },
  );
}

/**
 * Hashes the password a PATCH body sets, if any, off the event loop: scrypt takes about 50 ms,
 * which inside the transaction would stall every other request for as long.
 */
export function prehashPatchPassword(body: unknown): Promise<PrehashedPassword> | undefined {
  const password = lastPasswordIn(parsePatchRequest(body));
  if (password === undefined) return undefined;
  return hashPassword(password).then((hash) => ({ password, hash }));
}

export function patchUser(
  db: Db,
  directoryId: string,
  id: string,
  body: unknown,
  options: UserWriteOptions = {},
): UserWrite {
  const operations = parsePatchRequest(body);
  return db.transaction(
    (tx) => {
      const found = loadForWrite(tx, directoryId, id, options);
      const { row } = found;
      const current = storedUser(row).attributes;
      const patched = applyPatch(withId(row.id, current), operations, {
        kind: "User",
        extractMembers: false,
      });
      const { resource: patchedAttributes, password } = extractPassword(
        withoutId(patched.resource),
      );
      checkRequired("User", patchedAttributes);
      const attributes = withDefaults(patchedAttributes as ScimObject);
      const { prehashed } = options;
      const passwordHash =
        password === undefined
          ? undefined
          : password === prehashed?.password
            ? prehashed.hash
            : hashPasswordSync(password);
      if (isDeepEqual(attributes, current) && passwordHash === undefined) {
        return finish(found, storedResourceOf(row, current), current, patched.notes);
      }
      const columns = userColumns(attributes);
      if (columns.userNameKey !== row.userNameKey) {
        assertUniqueUserName(tx, directoryId, columns, id);
      }
      const change = { before: current, after: attributes as ScimObject, columns };
      return saveUser(tx, found, change, passwordHash, patched.notes, options);
    },
    { behavior: "immediate" },
  );
}

function saveUser(
  tx: Tx,
  found: FoundUser,
  { before, after, columns }: WriteChange<UserColumns>,
  passwordHash: string | undefined,
  notes: string[],
  options: UserWriteOptions,
): UserWrite {
  const { row } = found;
  const changes = {
    ...changedColumns(row, columns),
    ...(passwordHash === undefined ? {} : { passwordHash }),
    lastModified: now(),
    version: row.version + 1,
  };
  updateUserRow(tx, row.id, changes);
  if (!isDeepEqual(before.emails, after.emails)) {
    writeUserEmails(tx, row.id, row.directoryId, after);
  }
  record(tx, options, row, before, after, passwordHash !== undefined);
  return finish(found, storedResourceOf({ ...row, ...changes }, after), before, notes);
}

export function deleteUser(db: Db, directoryId: string, id: string, options: WriteOptions = {}) {
  return db.transaction(
    (tx) => {
      const { row } = loadForWrite(tx, directoryId, id, { ...options, withGroups: false });
      touchGroupsContaining(tx, id);
      tx.delete(groupMembers).where(eq(groupMembers.memberId, id)).run();
      tx.delete(users).where(eq(users.id, id)).run();
      const stored = storedUser(row);
      record(tx, options, row, stored.attributes, undefined);
      return stored;
    },
    { behavior: "immediate" },
  );
}
