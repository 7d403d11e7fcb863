import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tokens } from "@/db/schema";
import {
  eventsForResource,
  membershipEventsOf,
  type SyncEvent,
  type TimelineRow,
} from "@/lib/sync-log/queries";
import { resolverFor, type ResourceKind, type ResourceRef } from "@/lib/sync-log/resource-refs";

export type TimelineEvent = SyncEvent & { tokenName: string | null };

export type TimelineEntry = TimelineEvent & {
  /** Who joined or left, on the group's own timeline: the first few, and how many more. */
  members: ResourceRef[];
  membersMore: number;
  /** The group this resource was added to or removed from, on the member's timeline. */
  group: ResourceRef | null;
};

const TIMELINE_LENGTH_MAX = 100;
const TIMELINE_MEMBERS_SHOWN_MAX = 5;

/** Names the token behind each event, so a timeline says which connection made the change. */
export function withTokenNames<E extends SyncEvent>(
  db: Db,
  events: E[],
): (E & { tokenName: string | null })[] {
  const ids = [...new Set(events.flatMap((event) => (event.tokenId ? [event.tokenId] : [])))];
  const names = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: tokens.id, name: tokens.name })
          .from(tokens)
          .where(inArray(tokens.id, ids))
          .all()
          .map((row) => [row.id, row.name] as const),
  );
  return events.map((event) => ({
    ...event,
    tokenName: event.tokenId ? (names.get(event.tokenId) ?? null) : null,
  }));
}

type Row = TimelineRow & { isJoinedOrLeft: boolean };

/** The rows of both kinds, newest first; ids are time-ordered, so they sort as times. */
function newestRows(db: Db, resourceType: ResourceKind, id: string): Row[] {
  const options = { limit: TIMELINE_LENGTH_MAX, memberIdsMax: TIMELINE_MEMBERS_SHOWN_MAX };
  const own = eventsForResource(db, resourceType, id, options).map((row) => ({
    ...row,
    isJoinedOrLeft: false,
  }));
  const joinedOrLeft = membershipEventsOf(db, id, options).map((row) => ({
    ...row,
    detail: {},
    memberIds: [],
    memberCount: 0,
    isJoinedOrLeft: true,
  }));
  return [...own, ...joinedOrLeft]
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, TIMELINE_LENGTH_MAX);
}

/**
 * A user's or group's changes from the sync log, newest first: its own events, and its being
 * added to or removed from groups. Members and groups are named in one lookup for the page.
 */
export function timelineOf(db: Db, resourceType: ResourceKind, id: string): TimelineEntry[] {
  const rows = newestRows(db, resourceType, id);

  const refOf = resolverFor(db, [
    ...rows.flatMap((row) => row.memberIds),
    ...rows.filter((row) => row.isJoinedOrLeft).map((row) => row.resourceId),
  ]);

  return withTokenNames(db, rows).map(
    ({ memberIds, memberCount, isJoinedOrLeft, ...event }): TimelineEntry => ({
      ...event,
      members: memberIds.map((memberId) => refOf({ id: memberId })),
      membersMore: Math.max(0, memberCount - memberIds.length),
      group: isJoinedOrLeft
        ? refOf({ id: event.resourceId, type: "Group", label: event.resourceLabel })
        : null,
    }),
  );
}
