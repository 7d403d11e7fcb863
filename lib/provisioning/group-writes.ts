import { newTimeOrderedId } from "@/lib/time-ordered-ids";
import { eq } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { badRequest, conflict, notFound } from "@/lib/scim/errors";
import { applyPatch, parsePatchRequest, type MemberChange } from "@/lib/scim/patch";
import type { ResourceRef, ScimObject, StoredResource } from "@/lib/scim/resource";
import { checkRequired, isDeepEqual, normalizeResource } from "@/lib/scim/values";
import { compileMemberCondition } from "./compile-filter";
import {
  addMembers,
  findGroupRow,
  groupColumns,
  isDisplayNameTaken,
  loadGroupMembers,
  memberKeyOf,
  removeMembers,
  removeMembersWhere,
  storedGroup,
  touchGroupsContaining,
  updateGroupRow,
  type GroupColumns,
  type GroupRow,
} from "./group-rows";
import { recordChange } from "@/lib/sync-log/record-events";
import { changedColumns } from "./resource-statements";
import { storedResourceOf, type WriteChange } from "./stored-resource";
import { checkIfMatch, withId, withoutId, type WriteOptions } from "./preconditions";

export type MembershipDelta = { added: string[]; removed: string[] };

export type GroupWrite = {
  stored: StoredResource;
  /** Undefined when the caller asked not to load members (RFC 7644 §3.5.2 lets PATCH say 204). */
  refs: ResourceRef[] | undefined;
  notes: string[];
  before: ScimObject | undefined;
  delta: MembershipDelta;
};

const now = () => new Date().toISOString();

/** A member is named by its id; one without (`{"display": "x"}`) is refused, not dropped. */
function memberIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((member: unknown) => {
    const id = (member as { value?: unknown } | null)?.value;
    if (typeof id === "string" && id !== "") return id;
    throw badRequest("invalidValue", 'Every element of "members" needs a string "value"');
  });
}

function prepare(body: unknown) {
  const { resource, notes } = normalizeResource("Group", body);
  checkRequired("Group", resource);
  const { members, ...attributes } = resource as ScimObject;
  return { attributes, memberIds: memberIds(members), notes };
}

function assertUniqueName(tx: Tx, directoryId: string, columns: GroupColumns, selfId?: string) {
  if (isDisplayNameTaken(tx, directoryId, columns.displayNameKey, selfId)) {
    throw conflict(`displayName "${columns.displayName}" is already taken in this directory`);
  }
}

function loadForWrite(tx: Tx, directoryId: string, id: string, options: WriteOptions): GroupRow {
  const row = findGroupRow(tx, directoryId, id);
  if (!row) throw notFound(`Group "${id}" not found`);
  checkIfMatch(options.ifMatch, row.version);
  return row;
}

/** Applies PATCH member changes in order, each as one set operation in SQL. */
function applyMemberChanges(tx: Tx, row: GroupRow, changes: MemberChange[]): MembershipDelta {
  const added = new Set<string>();
  const removed = new Set<string>();
  const record = (ids: string[], into: Set<string>, from: Set<string>) => {
    for (const id of ids) if (!from.delete(id)) into.add(id);
  };
  for (const change of changes) {
    if (change.kind === "add") {
      record(addMembers(tx, row.directoryId, row.id, memberIds(change.members)), added, removed);
    } else if (change.kind === "remove") {
      record(removeMembers(tx, row.id, change.ids), removed, added);
    } else if (change.kind === "removeAll") {
      record(removeMembersWhere(tx, row.id), removed, added);
    } else if (change.kind === "removeMatching") {
      record(removeMembersWhere(tx, row.id, compileMemberCondition(change.filter)), removed, added);
    } else {
      const keep = memberIds(change.members);
      record(replaceMembers(tx, row, keep), removed, added);
      record(addMembers(tx, row.directoryId, row.id, keep), added, removed);
    }
  }
  return { added: [...added], removed: [...removed] };
}

function replaceMembers(tx: Tx, row: GroupRow, keep: string[]): string[] {
  const keepSet = new Set(keep.map(memberKeyOf));
  const current = tx
    .select({ id: groupMembers.memberId })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, row.id))
    .all();
  return removeMembers(
    tx,
    row.id,
    current.map((member) => member.id).filter((id) => !keepSet.has(id)),
  );
}

function record(
  tx: Tx,
  options: WriteOptions,
  row: GroupRow,
  before: ScimObject | undefined,
  after: ScimObject | undefined,
  members?: MembershipDelta,
) {
  const source = after ?? before;
  const label = typeof source?.displayName === "string" ? source.displayName : null;
  const change = { kind: "Group" as const, directoryId: row.directoryId, id: row.id, label };
  recordChange(tx, options.change, { ...change, before, after, members });
}

function finish(
  tx: Tx,
  stored: StoredResource,
  before: ScimObject | undefined,
  notes: string[],
  delta: MembershipDelta,
  withMembers: boolean,
): GroupWrite {
  const refs = withMembers ? (loadGroupMembers(tx, [stored.id]).get(stored.id) ?? []) : undefined;
  return { stored, refs, notes, before, delta };
}

export function createGroup(
  db: Db,
  directoryId: string,
  body: unknown,
  options: WriteOptions = {},
): GroupWrite {
  const { attributes, memberIds: ids, notes } = prepare(body);
  return db.transaction(
    (tx) => {
      const columns = groupColumns(attributes);
      assertUniqueName(tx, directoryId, columns);
      const timestamp = now();
      const id = newTimeOrderedId();
      const row = tx
        .insert(groups)
        .values({
          id,
          directoryId,
          ...columns,
          createdAt: timestamp,
          lastModified: timestamp,
          version: 1,
        })
        .returning()
        .get();
      const added = addMembers(tx, directoryId, id, ids);
      record(tx, options, row, undefined, attributes, { added, removed: [] });
      const stored = storedResourceOf(row, attributes);
      return finish(tx, stored, undefined, notes, { added, removed: [] }, true);
    },
    { behavior: "immediate" },
  );
}

export function replaceGroup(
  db: Db,
  directoryId: string,
  id: string,
  body: unknown,
  options: WriteOptions = {},
): GroupWrite {
  const { attributes, memberIds: ids, notes } = prepare(body);
  return db.transaction(
    (tx) => {
      const row = loadForWrite(tx, directoryId, id, options);
      const columns = groupColumns(attributes);
      assertUniqueName(tx, directoryId, columns, id);
      const delta = applyMemberChanges(tx, row, [
        { kind: "replaceAll", members: ids.map((value) => ({ value })) },
      ]);
      const before = storedGroup(row).attributes;
      const isUnchanged = delta.added.length === 0 && delta.removed.length === 0;
      if (isUnchanged && isDeepEqual(attributes, before)) {
        return finish(tx, storedResourceOf(row, before), before, notes, delta, true);
      }
      return saveGroup(
        tx,
        row,
        { before, after: attributes, columns },
        notes,
        delta,
        true,
        options,
      );
    },
    { behavior: "immediate" },
  );
}

export function patchGroup(
  db: Db,
  directoryId: string,
  id: string,
  body: unknown,
  options: WriteOptions & { withMembers?: boolean } = {},
): GroupWrite {
  const operations = parsePatchRequest(body);
  return db.transaction(
    (tx) => {
      const row = loadForWrite(tx, directoryId, id, options);
      const current = storedGroup(row).attributes;
      const patched = applyPatch(withId(row.id, current), operations, {
        kind: "Group",
        extractMembers: true,
      });
      const { members: _ignored, ...attributes } = withoutId(patched.resource);
      checkRequired("Group", attributes);
      const delta = applyMemberChanges(tx, row, patched.memberChanges);
      const withMembers = options.withMembers ?? true;
      const changed = delta.added.length > 0 || delta.removed.length > 0;
      if (!changed && isDeepEqual(attributes, current)) {
        const stored = storedResourceOf(row, current);
        return finish(tx, stored, current, patched.notes, delta, withMembers);
      }
      const columns = groupColumns(attributes);
      if (columns.displayNameKey !== row.displayNameKey) {
        assertUniqueName(tx, directoryId, columns, id);
      }
      const change = { before: current, after: attributes, columns };
      return saveGroup(tx, row, change, patched.notes, delta, withMembers, options);
    },
    { behavior: "immediate" },
  );
}

function saveGroup(
  tx: Tx,
  row: GroupRow,
  { before, after, columns }: WriteChange<GroupColumns>,
  notes: string[],
  delta: MembershipDelta,
  withMembers: boolean,
  options: WriteOptions,
): GroupWrite {
  const changes = {
    ...changedColumns(row, columns),
    lastModified: now(),
    version: row.version + 1,
  };
  updateGroupRow(tx, row.id, changes);
  record(tx, options, row, before, after, delta);
  const stored = storedResourceOf({ ...row, ...changes }, after);
  return finish(tx, stored, before, notes, delta, withMembers);
}

export function deleteGroup(db: Db, directoryId: string, id: string, options: WriteOptions = {}) {
  return db.transaction(
    (tx) => {
      const row = loadForWrite(tx, directoryId, id, options);
      touchGroupsContaining(tx, id);
      tx.delete(groupMembers).where(eq(groupMembers.memberId, id)).run();
      tx.delete(groups).where(eq(groups.id, id)).run();
      const stored = storedGroup(row);
      record(tx, options, row, stored.attributes, undefined);
      return stored;
    },
    { behavior: "immediate" },
  );
}
