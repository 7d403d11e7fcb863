import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directories, syncEvents, syncRequests } from "@/db/schema";

export type SyncEvent = Omit<typeof syncEvents.$inferSelect, "detail"> & { detail: unknown };
export type SyncRequest = typeof syncRequests.$inferSelect;

const toEvent = (row: typeof syncEvents.$inferSelect): SyncEvent => ({
  ...row,
  detail: JSON.parse(row.detail) as unknown,
});

/** Requests and errors per directory and UTC hour since `sinceIso` (hour as `YYYY-MM-DDTHH`). */
export function requestStats(db: Db, { sinceIso }: { sinceIso: string }) {
  return db
    .select({
      directoryId: syncRequests.directoryId,
      hour: sql<string>`substr(${syncRequests.createdAt}, 1, 13)`,
      requests: sql<number>`count(*)`,
      errors: sql<number>`sum(CASE WHEN ${syncRequests.status} >= 400 THEN 1 ELSE 0 END)`,
    })
    .from(syncRequests)
    .where(gte(syncRequests.createdAt, sinceIso))
    .groupBy(syncRequests.directoryId, sql`substr(${syncRequests.createdAt}, 1, 13)`)
    .all()
    .flatMap((row) => (row.directoryId ? [{ ...row, directoryId: row.directoryId }] : []));
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

/** A resource's timeline, newest first. */
export function eventsForResource(
  db: Db,
  resourceType: "User" | "Group",
  resourceId: string,
  { limit }: { limit: number },
) {
  return db
    .select()
    .from(syncEvents)
    .where(and(eq(syncEvents.resourceId, resourceId), eq(syncEvents.resourceType, resourceType)))
    .orderBy(desc(syncEvents.id))
    .limit(limit)
    .all()
    .map(toEvent);
}

export type RequestFilters = {
  directoryId?: string;
  statusClass?: "2xx" | "3xx" | "4xx" | "5xx";
  method?: string;
  resourceType?: "User" | "Group";
  fromIso?: string;
  toIso?: string;
  q?: string;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function requestConditions(filters: RequestFilters): SQL | undefined {
  const statusFloor = filters.statusClass ? Number(filters.statusClass[0]) * 100 : undefined;
  const pattern = filters.q?.trim() ? likePattern(filters.q.trim()) : undefined;
  return and(
    filters.directoryId ? eq(syncRequests.directoryId, filters.directoryId) : undefined,
    statusFloor === undefined
      ? undefined
      : and(gte(syncRequests.status, statusFloor), lt(syncRequests.status, statusFloor + 100)),
    filters.method ? eq(syncRequests.method, filters.method.toUpperCase()) : undefined,
    filters.resourceType ? eq(syncRequests.resourceType, filters.resourceType) : undefined,
    filters.fromIso ? gte(syncRequests.createdAt, filters.fromIso) : undefined,
    filters.toIso ? lte(syncRequests.createdAt, filters.toIso) : undefined,
    pattern
      ? or(
          sql`${syncRequests.path} LIKE ${pattern} ESCAPE '\\'`,
          sql`${syncRequests.query} LIKE ${pattern} ESCAPE '\\'`,
          sql`${syncRequests.resourceLabel} LIKE ${pattern} ESCAPE '\\'`,
        )
      : undefined,
  );
}

/** One page of requests, newest first; `before` is the id of the last row of the previous page. */
export function listRequests(
  db: Db,
  filters: RequestFilters,
  { before, limit }: { before?: string; limit: number },
) {
  const rows = db
    .select()
    .from(syncRequests)
    .where(and(requestConditions(filters), before ? lt(syncRequests.id, before) : undefined))
    .orderBy(desc(syncRequests.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const nextBefore = rows.length > limit ? page[page.length - 1]?.id : undefined;
  return { items: page, nextBefore };
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
