import { and, asc, desc, eq, gt, gte, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncRequests } from "@/db/schema";
import { LOG_SCAN_ROWS } from "./log-query";

export type RequestFilters = {
  directoryId?: string;
  statusClass?: "2xx" | "3xx" | "4xx" | "5xx";
  method?: string;
  resourceType?: "User" | "Group";
  fromIso?: string;
  toIso?: string;
  q?: string;
};

/**
 * An entry is written after its response, so its `createdAt` trails the time in its UUIDv7 id by
 * the request's duration and the write delay. No SCIM request lasts an hour (IdPs give up within
 * minutes), so ids from an hour before `from` onwards bound a time range on the primary key.
 */
const LOG_LAG_MS_MAX = 3_600_000;

/** The leading 48 bits of a UUIDv7 for `ms`, as the id's text begins: `0192f4c3-1a2b`. */
function idPrefixAt(ms: number): string {
  const hex = Math.max(0, Math.trunc(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

function timeConditions({ fromIso, toIso }: RequestFilters): SQL | undefined {
  const fromMs = fromIso ? Date.parse(fromIso) : NaN;
  const toMs = toIso ? Date.parse(toIso) : NaN;
  return and(
    fromIso ? gte(syncRequests.createdAt, fromIso) : undefined,
    Number.isFinite(fromMs) ? gte(syncRequests.id, idPrefixAt(fromMs - LOG_LAG_MS_MAX)) : undefined,
    toIso ? lte(syncRequests.createdAt, toIso) : undefined,
    Number.isFinite(toMs) ? lt(syncRequests.id, idPrefixAt(toMs + 1)) : undefined,
  );
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const RESOURCE_SEGMENTS = { User: "Users", Group: "Groups" } as const;

/**
 * Writes name the resource they touched; reads and rejected writes name none, so for those the
 * path tells: `/Users`, `/users/<id>` and `/Users/.search` are all about users.
 */
function resourceTypeCondition(type: "User" | "Group"): SQL | undefined {
  const segment = RESOURCE_SEGMENTS[type];
  return or(
    eq(syncRequests.resourceType, type),
    and(
      isNull(syncRequests.resourceType),
      or(
        sql`${syncRequests.path} LIKE ${`%/${segment}`}`,
        sql`${syncRequests.path} LIKE ${`%/${segment}/%`}`,
      ),
    ),
  );
}

/** Every filter but the status class, which `pageRequestIds` applies per status code. */
function requestConditions(filters: RequestFilters): SQL | undefined {
  const pattern = filters.q?.trim() ? likePattern(filters.q.trim()) : undefined;
  return and(
    filters.directoryId ? eq(syncRequests.directoryId, filters.directoryId) : undefined,
    filters.method ? eq(syncRequests.method, filters.method.toUpperCase()) : undefined,
    filters.resourceType ? resourceTypeCondition(filters.resourceType) : undefined,
    timeConditions(filters),
    pattern
      ? or(
          sql`${syncRequests.path} LIKE ${pattern} ESCAPE '\\'`,
          sql`${syncRequests.query} LIKE ${pattern} ESCAPE '\\'`,
          sql`${syncRequests.resourceLabel} LIKE ${pattern} ESCAPE '\\'`,
        )
      : undefined,
  );
}

/** The distinct statuses logged within `[floor, floor + 100)`, one index seek each. */
function statusCodesFrom(db: Db, floor: number): number[] {
  const codes: number[] = [];
  let previous = floor - 1;
  for (;;) {
    const row = db
      .select({ code: sql<number | null>`min(${syncRequests.status})` })
      .from(syncRequests)
      .where(and(gt(syncRequests.status, previous), lt(syncRequests.status, floor + 100)))
      .get();
    if (row?.code === null || row?.code === undefined) return codes;
    codes.push(row.code);
    previous = row.code;
  }
}

export type PageCursor = {
  before?: string;
  after?: string;
  limit: number;
  /** How many entries past the cursor a scanning filter reads before it answers (see below). */
  scanRows?: number;
};

function isScanning(filters: RequestFilters): boolean {
  return Boolean(filters.q?.trim() || filters.method || filters.resourceType);
}

/**
 * The id `rows` entries past `cursor` in the scan's direction, if the log goes on that far. A
 * directory's entries are counted on its index, so a quiet directory's stretch is as long as a
 * busy one's.
 */
function scanBoundary(
  db: Db,
  filters: RequestFilters,
  cursor: SQL | undefined,
  isForward: boolean,
  rows: number,
) {
  const directory = filters.directoryId
    ? eq(syncRequests.directoryId, filters.directoryId)
    : undefined;
  return db
    .select({ id: syncRequests.id })
    .from(syncRequests)
    .where(and(directory, cursor))
    .orderBy(isForward ? asc(syncRequests.id) : desc(syncRequests.id))
    .limit(1)
    .offset(rows - 1)
    .get()?.id;
}

/**
 * Ids of one page of requests, newest first; `before` pages to older entries, `after` to newer
 * ones, and `hasMore` tells whether that direction has another page. Every page is a keyset
 * query on the time-ordered id, so it costs the same however deep it lies. A scanning filter
 * that read its limit of entries before filling the page says where to go on from: `resumeAt`.
 */
export function pageRequestIds(
  db: Db,
  filters: RequestFilters,
  { before, after, limit, scanRows = LOG_SCAN_ROWS }: PageCursor,
): { ids: string[]; hasMore: boolean; resumeAt?: string } {
  const isForward = after !== undefined && before === undefined;
  const cursor = isForward
    ? gt(syncRequests.id, after)
    : before
      ? lt(syncRequests.id, before)
      : undefined;
  const boundary = isScanning(filters)
    ? scanBoundary(db, filters, cursor, isForward, scanRows)
    : undefined;
  const window = boundary
    ? isForward
      ? lte(syncRequests.id, boundary)
      : gte(syncRequests.id, boundary)
    : undefined;
  const where = and(requestConditions(filters), cursor, window);
  const run = (status?: SQL) =>
    db
      .select({ id: syncRequests.id })
      .from(syncRequests)
      .where(and(where, status))
      .orderBy(isForward ? asc(syncRequests.id) : desc(syncRequests.id))
      .limit(limit + 1)
      .all()
      .map((row) => row.id);

  let ids: string[];
  if (!filters.statusClass) {
    ids = run();
  } else {
    // A range over status would gather and sort every match; one query per status code walks
    // the (status, id) index in id order and stops after a page.
    const floor = Number(filters.statusClass[0]) * 100;
    const merged = statusCodesFrom(db, floor).flatMap((code) => run(eq(syncRequests.status, code)));
    merged.sort();
    ids = (isForward ? merged : merged.reverse()).slice(0, limit + 1);
  }
  const page = ids.slice(0, limit);
  const ordered = isForward ? page.reverse() : page;
  if (ids.length > limit) return { ids: ordered, hasMore: true };
  return boundary
    ? { ids: ordered, hasMore: true, resumeAt: boundary }
    : { ids: ordered, hasMore: false };
}
