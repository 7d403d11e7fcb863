import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { taggedTextRows } from "@/db/dialect";
import { preparedInsert, preparedWrite } from "@/db/direct-statements";
import { syncEventMembers, syncEvents, type SyncEventType } from "@/db/schema";
import type { ScimObject } from "@/lib/scim/values";
import { diffAttributes, type AttributeChange } from "./diff-attributes";
import { newTimeOrderedId } from "@/lib/time-ordered-ids";
import { REDACTED } from "./redact";

/** Who caused a change: the request being served and the token it came with. */
export type ChangeContext = { requestId: string; tokenId: string | undefined };

export type ResourceChange = {
  kind: "User" | "Group";
  directoryId: string;
  id: string;
  label: string | null;
  /** Undefined for a creation. */
  before: ScimObject | undefined;
  /** Undefined for a deletion. */
  after: ScimObject | undefined;
  members?: { added: string[]; removed: string[] };
  /** A write-only attribute changed; it shows in the diff only as redacted. */
  isPasswordChanged?: boolean;
};

const insertEvent = preparedInsert(syncEvents);

/** However many members, one statement, reading them from the event's own detail. */
const insertEventMembers = preparedWrite((db) =>
  db
    .insert(syncEventMembers)
    .select(taggedTextRows(sql.placeholder("eventId"), sql.placeholder("detail"), ["memberIds"])),
);

type EventDraft = { type: SyncEventType; detail: unknown; hasMembers?: boolean };

function userEvents(change: ResourceChange): EventDraft[] {
  const { before, after } = change;
  if (!after) return [{ type: "user.deleted", detail: {} }];
  if (!before) return [{ type: "user.created", detail: { changes: diffAttributes({}, after) } }];
  const changes = diffAttributes(before, after);
  if (change.isPasswordChanged) {
    changes.push({ attribute: "password", before: REDACTED, after: REDACTED });
  }
  const activeChange = changes.find((item) => item.attribute === "active");
  const others = changes.filter((item) => item !== activeChange);
  const events: EventDraft[] = [];
  if (activeChange && (before.active !== false) !== (after.active !== false)) {
    const type = after.active === false ? "user.deactivated" : "user.reactivated";
    events.push({ type, detail: { changes: [activeChange] } });
  } else if (activeChange) {
    others.push(activeChange);
  }
  if (others.length > 0) events.push({ type: "user.updated", detail: { changes: others } });
  return events;
}

function groupEvents(change: ResourceChange): EventDraft[] {
  const { before, after, members } = change;
  if (!after) return [{ type: "group.deleted", detail: {} }];
  const events: EventDraft[] = [];
  const changes: AttributeChange[] = diffAttributes(before ?? {}, after);
  if (!before) events.push({ type: "group.created", detail: { changes } });
  else if (changes.length > 0) events.push({ type: "group.updated", detail: { changes } });
  if (members?.added.length) {
    const detail = { memberIds: members.added };
    events.push({ type: "group.member_added", detail, hasMembers: true });
  }
  if (members?.removed.length) {
    const detail = { memberIds: members.removed };
    events.push({ type: "group.member_removed", detail, hasMembers: true });
  }
  return events;
}

/** Writes the change's events inside the transaction that makes the change. */
export function recordChange(tx: Tx, context: ChangeContext | undefined, change: ResourceChange) {
  if (!context) return;
  const drafts = change.kind === "User" ? userEvents(change) : groupEvents(change);
  if (drafts.length === 0) return;
  const createdAt = new Date().toISOString();
  const insert = insertEvent(tx);
  for (const draft of drafts) {
    const id = newTimeOrderedId();
    const detail = JSON.stringify(draft.detail);
    insert.run({
      id,
      requestId: context.requestId,
      createdAt,
      directoryId: change.directoryId,
      tokenId: context.tokenId ?? null,
      type: draft.type,
      resourceType: change.kind,
      resourceId: change.id,
      resourceLabel: change.label,
      detail,
    });
    if (draft.hasMembers) insertEventMembers(tx).run({ eventId: id, detail });
  }
}
