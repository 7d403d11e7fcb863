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
const messageOf = (error) => String((error && error.message) || error);
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
      if (!String(error && error.code).startsWith("SQLITE_CONSTRAINT")) throw error;
      refused += 1;
      reason = messageOf(error);
    }
  }
  return { refused, reason };
});
// Counted as the serving thread counts a hand-over (sizeOf below).
const sizeOf = (row) =>
  row.reduce((bytes, value) => bytes + (typeof value === "string" ? value.length : 8), 16);
const drained = new Int32Array(workerData.drained);
let rows = [];
let bytes = 0;
// Rows dropped to stay within the budget since the last report.
let dropped = 0;
let timer;
let isRetrying = false;
let isStopped = false;
const take = (row) => {
  rows.push(row);
  bytes += sizeOf(row);
  while (bytes > workerData.keptBytesMax && rows.length > 1) {
    bytes -= sizeOf(rows.shift());
    dropped += 1;
  }
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
    const reportLoss = (error) => parentPort.postMessage({ error, isLost: true });
    if (refused > 0) reportLoss(refused + " rows refused: " + reason);
    if (dropped > 0) reportLoss(dropped + " oldest rows were dropped");
    dropped = 0;
  } catch (error) {
    const lost = dropped > 0 ? "; the " + dropped + " oldest rows were dropped" : "";
    if (!isRetrying || dropped > 0) {
      parentPort.postMessage({ error: messageOf(error) + lost, isLost: dropped > 0 });
    }
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

/**
 * Starts the worker for `sql`, a single-row INSERT with positional parameters, on `file`.
 * `onError` hears of every failure; `isLost` is false for a write that is kept and tried again.
 */
export function startBackgroundInserts(
  file: string,
  sql: string,
  onError: (message: string, isLost: boolean) => void,
  busyTimeoutMs = BUSY_TIMEOUT_MS,
): BackgroundInserts {
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
      retryMs: RETRY_MS,
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
  const notWritten = (count: number) =>
    onError(`the writer thread has stopped; ${count} rows were not written`, true);
  worker.on("message", (message: { error?: string; isLost?: boolean }) =>
    onError(message.error ?? "unknown", message.isLost ?? true),
  );
  worker.on("error", (error: unknown) => onError(messageOf(error), true));
  worker.once("exit", () => {
    isRunning = false;
    clearTimeout(timer);
    if (waiting.length > 0) notWritten(waiting.length);
    waiting = [];
  });
  // After the listeners, which would hold the process open again.
  worker.unref();
  return {
    insert: (values) => {
      if (!isRunning) return notWritten(1);
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
