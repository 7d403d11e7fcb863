import { Worker } from "node:worker_threads";
import { driverPath } from "./background-checkpoints";

/**
 * SQLite-only. Appends rows with one INSERT from a worker thread with its own connection, so the
 * one thread that serves every request only hands rows over. Rows are gathered here for a tenth of
 * a second, handed over in one message and inserted in one transaction; `drain` blocks until none
 * is left unwritten.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
// Short lock waits: a failed write is tried again later, and meanwhile rows keep being taken in
// (and held within the budget) rather than queueing unseen in the message port.
db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
// Checkpoints are the checkpoint worker's job (background-checkpoints.ts), not a commit's here.
db.pragma("wal_autocheckpoint = 0");
const insert = db.prepare(workerData.sql);
// Copies of the serving thread's sizeOf and messageOf: this source is not bundled, and cannot
// embed the bundled functions' text either, which may call helpers defined outside them.
const sizeOf = (row) =>
  row.reduce((bytes, value) => bytes + (typeof value === "string" ? value.length : 8), 16);
const messageOf = (error) =>
  error instanceof Error ? error.message : String(error?.code ?? error);
const report = (level, message) => parentPort.postMessage({ level, message });
// A row the table refuses (a constraint) is dropped and reported, so it cannot hold up the rest;
// any other failure (a lock held past the wait, a full disk) undoes the transaction, and its
// rows are tried again.
const insertAll = db.transaction((rows) => {
  let refused = 0;
  let reason = "";
  for (const row of rows) {
    try {
      insert.run(row);
    } catch (error) {
      if (!String(error?.code).startsWith("SQLITE_CONSTRAINT")) throw error;
      refused += 1;
      reason = messageOf(error);
    }
  }
  return { refused, reason };
});
const drained = new Int32Array(workerData.drained);
let rows = [];
let bytes = 0;
// Rows dropped to stay within the budget since the last report.
let dropped = 0;
let timer;
let isRetrying = false;
let nextErrorReportMs = 0;
let isStopped = false;
const take = (row) => {
  rows.push(row);
  bytes += sizeOf(row);
  while (bytes > workerData.keptBytesMax && rows.length > 1) {
    bytes -= sizeOf(rows.shift());
    dropped += 1;
  }
};
// A lock held elsewhere passes by itself: one warning. Any other failure (a full disk, a
// read-only file, a missing table) may last, so it is an error, repeated while it does.
const reportFailure = (error) => {
  const isLockHeld = /^SQLITE_(BUSY|LOCKED)/.test(String(error?.code));
  const isDue = isLockHeld ? !isRetrying : Date.now() >= nextErrorReportMs;
  if (!isDue && dropped === 0) return;
  const lost = dropped > 0 ? "; the " + dropped + " oldest rows were dropped" : "";
  report(isLockHeld && dropped === 0 ? "warn" : "error", messageOf(error) + lost);
  if (!isLockHeld) nextErrorReportMs = Date.now() + workerData.errorReportMs;
};
const write = () => {
  clearTimeout(timer);
  timer = undefined;
  if (rows.length === 0 || isStopped) return;
  try {
    const { refused, reason } = insertAll(rows);
    rows = [];
    bytes = 0;
    isRetrying = false;
    nextErrorReportMs = 0;
    if (refused > 0) report("error", refused + " rows refused: " + reason);
    if (dropped > 0) report("error", dropped + " oldest rows were dropped");
    dropped = 0;
  } catch (error) {
    reportFailure(error);
    dropped = 0;
    isRetrying = true;
    timer = setTimeout(write, workerData.retryMs);
  }
};
// Tries until every row is in or the deadline passes; a final drain then writes nothing more,
// so that the process never stops this thread inside a statement.
const drain = ({ drain: sequence, untilMs, isFinal }) => {
  write();
  while (rows.length > 0 && Date.now() + workerData.busyTimeoutMs < untilMs) write();
  if (isFinal) {
    isStopped = true;
    clearTimeout(timer);
  }
  Atomics.store(drained, 1, rows.length === 0 ? 1 : 0);
  Atomics.store(drained, 0, sequence);
  Atomics.notify(drained, 0);
};
parentPort.on("message", (message) => {
  if (!Array.isArray(message)) return drain(message);
  for (const row of message) take(row);
  if (!isRetrying) write();
});
`;

/**
 * Each commit here empties the serving connection's page cache (SQLite cannot tell which pages
 * changed), so commits are kept rare; one message per hand-over also spares the serving thread a
 * structured clone's fixed cost per row. The byte bound keeps a message well inside HEAP_MB.
 */
const HANDOVER_MS = 100;
const HANDOVER_ROWS_MAX = 500;
const HANDOVER_BYTES_MAX = 4 * 1_048_576;
const RETRY_MS = 1_000;
const ERROR_REPORT_MS = 60_000;
/** What the worker keeps while writes fail (a lock held long, a full disk) before the oldest go. */
const KEPT_BYTES_MAX = 16 * 1_048_576;
const HEAP_MB = 64;
/** Longer than the serving thread's write batches and the sync log's own commits hold the lock. */
const BUSY_TIMEOUT_MS = 250;

/** Roughly what a row costs to hold; the worker counts its byte budget the same way. */
const sizeOf = (row: unknown[]) =>
  row.reduce<number>((bytes, value) => bytes + (typeof value === "string" ? value.length : 8), 16);

/** An error from the worker thread; one thrown while it starts may be a bare `{ code }`. */
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String((error as { code?: unknown })?.code ?? error);

/** A lock held elsewhere is a warning; any other failure, and any row lost, is an error. */
export type ReportLevel = "warn" | "error";

export type BackgroundInserts = {
  /** Queues one row (its values in the statement's parameter order) for the next hand-over. */
  insert: (values: unknown[]) => void;
  /**
   * Blocks until the worker holds no row unwritten (true), or `timeoutMs` has passed (false).
   * Rows refused or dropped were reported when that happened and do not count here. A final
   * drain, at exit, leaves the worker writing nothing more.
   */
  drain: (timeoutMs: number, isFinal?: boolean) => boolean;
  /** False once the worker has stopped: rows must then be written some other way. */
  isRunning: () => boolean;
};

export type BackgroundInsertsOptions = {
  /** Takes the rows not yet handed over when the worker stops, and any queued after. */
  onStopped?: (rows: unknown[][]) => void;
  busyTimeoutMs?: number;
  retryMs?: number;
  /** How often a failure other than a held lock is reported again while it lasts. */
  errorReportMs?: number;
};

/**
 * Starts the worker for `sql`, a single-row INSERT with positional parameters, on `file`. Every
 * failed write is kept and tried again each second, within the byte budget; `onReport` hears of
 * it, and of every row lost.
 */
export function startBackgroundInserts(
  file: string,
  sql: string,
  onReport: (message: string, level: ReportLevel) => void,
  options: BackgroundInsertsOptions = {},
): BackgroundInserts {
  const { onStopped, busyTimeoutMs = BUSY_TIMEOUT_MS } = options;
  // [0]: the last drain the worker finished; [1]: 1 if it left no row unwritten.
  const drained = new Int32Array(new SharedArrayBuffer(8));
  let drains = 0;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driverPath: driverPath(),
      file,
      sql,
      drained: drained.buffer,
      retryMs: options.retryMs ?? RETRY_MS,
      errorReportMs: options.errorReportMs ?? ERROR_REPORT_MS,
      keptBytesMax: KEPT_BYTES_MAX,
      busyTimeoutMs,
    },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 8 },
  });
  let isRunning = true;
  let waiting: unknown[][] = [];
  let waitingBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const handOver = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length === 0 || !isRunning) return;
    worker.postMessage(waiting);
    waiting = [];
    waitingBytes = 0;
  };
  const giveBack = (rows: unknown[][]) =>
    onStopped
      ? onStopped(rows)
      : onReport(`the writer thread has stopped; ${rows.length} rows were not written`, "error");
  worker.on("message", (message: { level: ReportLevel; message: string }) =>
    onReport(message.message, message.level),
  );
  worker.on("error", (error: unknown) => onReport(messageOf(error), "error"));
  worker.once("exit", () => {
    isRunning = false;
    clearTimeout(timer);
    const unsent = waiting;
    waiting = [];
    waitingBytes = 0;
    if (unsent.length > 0) giveBack(unsent);
  });
  // After the listeners, which would hold the process open again.
  worker.unref();
  return {
    insert: (values) => {
      if (!isRunning) return giveBack([values]);
      waiting.push(values);
      waitingBytes += sizeOf(values);
      if (waiting.length >= HANDOVER_ROWS_MAX || waitingBytes >= HANDOVER_BYTES_MAX) handOver();
      else timer ??= setTimeout(handOver, HANDOVER_MS).unref();
    },
    drain: (timeoutMs, isFinal = false) => {
      if (!isRunning) return false;
      handOver();
      drains += 1;
      worker.postMessage({ drain: drains, untilMs: Date.now() + timeoutMs, isFinal });
      // A little longer than the worker's own deadline, by which it has stopped trying.
      const deadline = performance.now() + timeoutMs + busyTimeoutMs;
      for (let done = Atomics.load(drained, 0); done < drains; done = Atomics.load(drained, 0)) {
        const remaining = deadline - performance.now();
        if (remaining <= 0) return false;
        Atomics.wait(drained, 0, done, remaining);
      }
      return Atomics.load(drained, 1) === 1;
    },
    isRunning: () => isRunning,
  };
}
