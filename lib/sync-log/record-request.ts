import type { Statement } from "better-sqlite3";
import type { BackgroundInserts } from "@/db/background-inserts";
import type { Db } from "@/db/client";
import { preparedInsert } from "@/db/direct-statements";
import { writesSettled } from "@/db/write-batch";
import { syncRequests } from "@/db/schema";
import { flushLogSync, log } from "@/lib/log";
import { newTimeOrderedId } from "@/lib/time-ordered-ids";
import { capText, redactHeader, redactRawText, storedBody } from "./redact";

const BODY_BYTES_DEFAULT = 64 * 1024;
const HEADERS_OF_NOTE = [
  "authorization",
  "content-type",
  "accept",
  "if-match",
  "if-none-match",
  "user-agent",
];

export type RequestRecord = {
  id: string;
  directoryId: string | undefined;
  tokenId: string | undefined;
  tokenName: string | undefined;
  method: string;
  url: URL;
  headers: Headers;
  status: number;
  scimType: string | undefined;
  durationMs: number;
  /** The body as parsed, or the raw text when it was not JSON. */
  requestBody: unknown;
  rawRequestBody: string | undefined;
  /** The response exactly as sent; responses carry no secrets (RFC 7643 §7 returned: never). */
  responseText: string | undefined;
  resources: { type: string; id: string; label: string | null }[];
  quirks: string[];
};

export const newRequestId = (): string => newTimeOrderedId();

let settings: { isEnabled: boolean; bodyBytesMax: number } | undefined;

/** Read once: every request asks, and the environment stays put while the server runs. */
function logSettings() {
  if (!settings) {
    const configured = Number(process.env.SYNC_LOG_BODY_BYTES_MAX);
    settings = {
      isEnabled: process.env.SYNC_LOG !== "off",
      bodyBytesMax:
        Number.isInteger(configured) && configured > 0 ? configured : BODY_BYTES_DEFAULT,
    };
  }
  return settings;
}

export function isSyncLogEnabled(): boolean {
  return logSettings().isEnabled;
}

function bodyBytesMax(): number {
  return logSettings().bodyBytesMax;
}

/** Stored decoded, so admins read `filter=userName eq "x"` and free-text search finds it. */
function readableQuery(query: string): string {
  try {
    return decodeURIComponent(query.replaceAll("+", " "));
  } catch {
    return query;
  }
}

/** The production server (scripts/server.mjs) puts the client's address there, and only that. */
function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.trim() || null;
}

function noteworthyHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of HEADERS_OF_NOTE) {
    const value = headers.get(name);
    if (value !== null) kept[name] = redactHeader(name, value);
  }
  return kept;
}

function requestBodyOf(record: RequestRecord, maxBytes: number) {
  if (record.requestBody !== undefined) return storedBody(record.requestBody, maxBytes);
  if (!record.rawRequestBody) return { text: null, isTruncated: false };
  return capText(redactRawText(record.rawRequestBody), maxBytes);
}

type RequestRow = typeof syncRequests.$inferInsert;

function toRow(record: RequestRecord): RequestRow {
  const maxBytes = bodyBytesMax();
  const request = requestBodyOf(record, maxBytes);
  const response = capText(record.responseText, maxBytes);
  const main = record.resources[0];
  return {
    id: record.id,
    createdAt: new Date().toISOString(),
    directoryId: record.directoryId ?? null,
    tokenId: record.tokenId ?? null,
    tokenName: record.tokenName ?? null,
    method: record.method,
    path: record.url.pathname,
    query: record.url.search ? readableQuery(record.url.search.slice(1)) : null,
    status: record.status,
    scimType: record.scimType ?? null,
    durationMs: Math.round(record.durationMs),
    clientIp: clientIp(record.headers),
    userAgent: record.headers.get("user-agent"),
    headers: JSON.stringify(noteworthyHeaders(record.headers)),
    requestBody: request.text,
    responseBody: response.text,
    isRequestTruncated: request.isTruncated,
    isResponseTruncated: response.isTruncated,
    resourceType: main?.type ?? null,
    resourceId: main?.id ?? null,
    resourceLabel: main?.label ?? null,
    resources: JSON.stringify(record.resources),
    quirks: JSON.stringify(record.quirks),
  };
}

const FLUSH_DELAY_MS = 25;
const FLUSH_ROWS = 250;

const insertRequest = preparedInsert(syncRequests);

type Pending = {
  db: Db;
  insert: Statement<unknown[]>;
  /** Each entry as the INSERT's parameters, the form a writer thread takes too. */
  rows: unknown[][];
  timer: NodeJS.Timeout | undefined;
  isWaitingForBatch: boolean;
};
const globalForLog = globalThis as unknown as {
  rosterSyncLogQueue?: Pending;
  rosterSyncLogInserts?: BackgroundInserts;
};

/** How long a process about to exit waits for the writer's last rows (a lock held meanwhile). */
const EXIT_DRAIN_MS = 5_000;

/** The INSERT a writer thread runs for each entry, with positional parameters. */
export const syncRequestInsertSql = (db: Db): string => insertRequest(db).sql;

/**
 * From now on, entries go to `inserts`, a writer thread with its own connection (the server
 * starts one); without one, or once it has stopped, they are queued and written here. Entries
 * queued before stay queued.
 */
export function sendSyncLogTo(inserts: BackgroundInserts): void {
  globalForLog.rosterSyncLogInserts = inserts;
  process.once("exit", () => {
    // A writer that stopped earlier said so then; its entries since went to the queue here.
    if (!inserts.isRunning() || inserts.drain(EXIT_DRAIN_MS, true)) return;
    log.error("sync_log.entries_lost_at_exit");
    flushLogSync();
  });
}

/**
 * Writes queued entries in one transaction; synchronous, so it also runs at process exit. While
 * a batch of SCIM writes is open, it waits for that to commit: inside the batch, the entries
 * would be lost with it if its COMMIT failed.
 */
export function flushSyncLog(): void {
  const pending = globalForLog.rosterSyncLogQueue;
  if (!pending || pending.rows.length === 0 || pending.isWaitingForBatch) return;
  clearTimeout(pending.timer);
  pending.timer = undefined;
  const settled = writesSettled();
  if (settled) {
    pending.isWaitingForBatch = true;
    const flushNow = () => {
      pending.isWaitingForBatch = false;
      flushSyncLog();
    };
    settled.then(flushNow, flushNow);
    return;
  }
  const rows = pending.rows.splice(0);
  pending.db.transaction(() => {
    for (const values of rows) pending.insert.run(values);
  });
}

/**
 * Records one sync-log entry, bodies redacted and capped: handed to the writer thread when there
 * is one, or else queued and written here.
 */
export function recordRequest(db: Db, record: RequestRecord): void {
  const values = insertRequest(db).toParameters(toRow(record));
  const inserts = globalForLog.rosterSyncLogInserts;
  if (inserts?.isRunning()) inserts.insert(values);
  else queueSyncLogRows(db, [values]);
}

/**
 * Queues entries, as the INSERT's parameters, to be written here in small batches (every 25 ms
 * at most), as a commit per request would cost a SCIM lookup a third of its speed. A writer
 * thread that stops gives the entries it had not taken back through this.
 */
export function queueSyncLogRows(db: Db, rows: unknown[][]): void {
  let pending = globalForLog.rosterSyncLogQueue;
  if (!pending) {
    const created: Pending = {
      db,
      insert: db.$client.prepare(syncRequestInsertSql(db)),
      rows: [],
      timer: undefined,
      isWaitingForBatch: false,
    };
    globalForLog.rosterSyncLogQueue = pending = created;
    process.once("exit", () => {
      // The open batch, if any, was rolled back just before; these entries go in on their own.
      created.isWaitingForBatch = false;
      flushSyncLog();
    });
  }
  pending.rows.push(...rows);
  if (pending.rows.length >= FLUSH_ROWS) flushSyncLog();
  else pending.timer ??= setTimeout(flushSyncLog, FLUSH_DELAY_MS);
}
