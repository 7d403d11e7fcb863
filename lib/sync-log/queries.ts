import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jsonArrayHead, jsonArrayLength } from "@/db/dialect";
import {
  directories,
  syncEventMembers,
  syncEvents,
  syncRequestHours,
  syncRequests,
} from "@/db/schema";
import { pageRequestIds, type PageCursor, type RequestFilters } from "./request-pages";

export type SyncEvent = Omit<typeof syncEvents.$inferSelect, "detail"> & { detail: unknown };
export type SyncRequest = typeof syncRequests.$inferSelect;

const toEvent = (row: typeof syncEvents.$inferSelect): SyncEvent => ({
  ...row,
  detail: JSON.parse(row.detail) as unknown,
});

/**
 * Requests and errors per directory and UTC hour (as `YYYY-MM-DDTHH`), from the hour of
 * `sinceIso` on, as counted when each request was logged.
 */
export function requestStats(db: Db, { sinceIso }: { sinceIso: string }) {
  return db
    .select({
      directoryId: syncRequestHours.directoryId,
      hour: syncRequestHours.hour,
      requests: syncRequestHours.requests,
      errors: syncRequestHours.errors,
    })
    .from(syncRequestHours)
    .where(gte(syncRequestHours.hour, sinceIso.slice(0, 13)))
    .all();
}

/** The time of each directory's newest request that succeeded. */
export function lastSuccessfulSync(db: Db): Map<string, string> {
  const result = new Map<string, string>();
  for (const { id } of db.select({ id: directories.id }).from(directories).all()) {
    const row = db
      .select({ createdAt: syncRequests.createdAt })
      .from(syncRequests)
      .where(and(eq(syncRequests.directoryId, id), lt(syncRequests.status, 400)))
      .orderBy(desc(syncRequests.id))
      .limit(1)
      .get();
    if (row) result.set(id, row.createdAt);
  }
  return result;
}

export function recentEvents(
  db: Db,
  { limit, directoryId }: { limit: number; directoryId?: string },
) {
  return db
    .select()
    .from(syncEvents)
    .where(directoryId ? eq(syncEvents.directoryId, directoryId) : undefined)
    .orderBy(desc(syncEvents.id))
    .limit(limit)
    .all()
    .map(toEvent);
}

const MEMBERSHIP_TYPES = ["group.member_added", "group.member_removed"] as const;

const EVENT_COLUMNS = {
  id: syncEvents.id,
  requestId: syncEvents.requestId,
  createdAt: syncEvents.createdAt,
  directoryId: syncEvents.directoryId,
  tokenId: syncEvents.tokenId,
  type: syncEvents.type,
  resourceType: syncEvents.resourceType,
  resourceId: syncEvents.resourceId,
  resourceLabel: syncEvents.resourceLabel,
};

/** An event as a timeline lists it: a membership event names its first members and counts all. */
export type TimelineRow = SyncEvent & { memberIds: string[]; memberCount: number };

/**
 * A resource's own events, newest first. A membership event of a 100,000-member group lists
 * every id; only the first `memberIdsMax` leave SQLite, so its detail is left out.
 */
export function eventsForResource(
  db: Db,
  resourceType: "User" | "Group",
  resourceId: string,
  { limit, memberIdsMax }: { limit: number; memberIdsMax: number },
): TimelineRow[] {
  const detail = sql`${syncEvents.detail}`;
  const isMembership = inArray(syncEvents.type, [...MEMBERSHIP_TYPES]);
  return db
    .select({
      ...EVENT_COLUMNS,
      detail: sql<string>`CASE WHEN ${isMembership} THEN '{}' ELSE ${detail} END`,
      memberIds: jsonArrayHead(detail, ["memberIds"], memberIdsMax),
      memberCount: jsonArrayLength(detail, ["memberIds"]),
    })
    .from(syncEvents)
    .where(and(eq(syncEvents.resourceId, resourceId), eq(syncEvents.resourceType, resourceType)))
    .orderBy(desc(syncEvents.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row,
      detail: JSON.parse(row.detail) as unknown,
      memberIds: JSON.parse(row.memberIds) as string[],
      memberCount: row.memberCount ?? 0,
    }));
}

/** The membership events that list `memberId`: the groups it joined and left, newest first. */
export function membershipEventsOf(db: Db, memberId: string, { limit }: { limit: number }) {
  return db
    .select(EVENT_COLUMNS)
    .from(syncEventMembers)
    .innerJoin(syncEvents, eq(syncEvents.id, syncEventMembers.eventId))
    .where(eq(syncEventMembers.memberId, memberId))
    .orderBy(desc(syncEventMembers.eventId))
    .limit(limit)
    .all();
}

export type { RequestFilters };

/** One page of requests, newest first; `before` is the id of the last row of the previous page. */
export function listRequests(
  db: Db,
  filters: RequestFilters,
  { before, limit }: { before?: string; limit: number },
) {
  const { ids, hasMore, resumeAt } = pageRequestIds(db, filters, { before, limit });
  const byId = new Map(
    ids.length === 0
      ? []
      : db
          .select()
          .from(syncRequests)
          .where(inArray(syncRequests.id, ids))
          .all()
          .map((row) => [row.id, row] as const),
  );
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  return { items, nextBefore: resumeAt ?? (hasMore ? items.at(-1)?.id : undefined) };
}

export function getRequest(db: Db, id: string) {
  const request = db.select().from(syncRequests).where(eq(syncRequests.id, id)).get();
  if (!request) return undefined;
  const events = db
    .select()
    .from(syncEvents)
    .where(eq(syncEvents.requestId, id))
    .orderBy(syncEvents.id)
    .all()
    .map(toEvent);
  return { request, events };
}

/** Events of several requests at once, for list views and exports. */
export function eventsForRequests(db: Db, requestIds: string[]): Map<string, SyncEvent[]> {
  const byRequest = new Map<string, SyncEvent[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = db.select().from(syncEvents).where(inArray(syncEvents.requestId, requestIds)).all();
  for (const row of rows) {
    if (!row.requestId) continue;
    const list = byRequest.get(row.requestId) ?? [];
    list.push(toEvent(row));
    byRequest.set(row.requestId, list);
  }
  return byRequest;
}

/** The columns a list of requests shows: everything but bodies and headers. */
const SUMMARY_COLUMNS = {
  id: syncRequests.id,
  createdAt: syncRequests.createdAt,
  directoryId: syncRequests.directoryId,
  tokenName: syncRequests.tokenName,
  method: syncRequests.method,
  path: syncRequests.path,
  query: syncRequests.query,
  status: syncRequests.status,
  scimType: syncRequests.scimType,
  durationMs: syncRequests.durationMs,
  resourceType: syncRequests.resourceType,
  resourceId: syncRequests.resourceId,
  resourceLabel: syncRequests.resourceLabel,
  quirks: syncRequests.quirks,
};
export type RequestSummary = { [K in keyof typeof SUMMARY_COLUMNS]: SyncRequest[K] } & {
  /** Every resource the request touched: a Bulk request names more than its first. */
  resourceCount: number;
};

/** Like `listRequests`, without bodies and headers, and able to page towards newer entries. */
export function pageRequestSummaries(
  db: Db,
  filters: RequestFilters,
  cursor: PageCursor,
): { items: RequestSummary[]; hasMore: boolean; resumeAt?: string } {
  const { ids, hasMore, resumeAt } = pageRequestIds(db, filters, cursor);
  if (ids.length === 0) return { items: [], hasMore, resumeAt };
  const rows = db
    .select({ ...SUMMARY_COLUMNS, resourceCount: jsonArrayLength(sql`${syncRequests.resources}`) })
    .from(syncRequests)
    .where(inArray(syncRequests.id, ids))
    .orderBy(desc(syncRequests.id))
    .all();
  return { items: rows, hasMore, resumeAt };
}
