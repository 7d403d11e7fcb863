import { Worker } from "node:worker_threads";
import { driverPath } from "./background-checkpoints";

/**
 * SQLite-only. Appends rows with one INSERT statement from a worker thread that has its own
 * connection, so that the serving thread only hands each row over. The sync log writes a row per
 * SCIM request: its inserts, their commits and the garbage of rows held until then cost a lookup
 * about a tenth of its time on the one thread that serves every request. The worker gathers rows
 * for a few milliseconds and inserts them in one transaction; its lock waits cost nobody an
 * answer. `drain` blocks the caller until every row handed over is committed: a process exits
 * only after it (the worker is stopped with the process, and would lose what it holds).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
const insert = db.prepare(workerData.sql);
// A row the table refuses (a constraint) is reported and dropped; it must not hold up the rest.
const insertAll = db.transaction((rows) => {
  let refused = 0;
  let reason = "";
  for (const row of rows) {
    try {
      insert.run(row);
    } catch (error) {
      refused += 1;
      reason = String((error && error.message) || error);
    }
  }
  return { refused, reason };
});
const drained = new Int32Array(workerData.drained);
let rows = [];
let timer;
const write = () => {
  clearTimeout(timer);
  timer = undefined;
  if (rows.length === 0) return;
  try {
    const { refused, reason } = insertAll(rows);
    rows = [];
    if (refused > 0) parentPort.postMessage({ error: refused + " rows refused: " + reason });
  } catch (error) {
    if (rows.length > workerData.rowsKeptMax) rows = rows.slice(-workerData.rowsKeptMax);
    parentPort.postMessage({ error: String(error && error.message || error) });
    timer = setTimeout(write, workerData.retryMs);
  }
};
parentPort.on("message", (message) => {
  if (typeof message === "object" && message !== null && "drain" in message) {
    write();
    Atomics.store(drained, 1, rows.length === 0 ? 1 : 0);
    Atomics.store(drained, 0, message.drain);
    Atomics.notify(drained, 0);
    return;
  }
  rows.push(message);
  if (rows.length >= workerData.rowsPerWrite) write();
  else timer ??= setTimeout(write, workerData.delayMs);
});
`;

const DELAY_MS = 20;
const ROWS_PER_WRITE = 250;
const RETRY_MS = 1_000;
/**
 * Rows kept across failed writes (a locked or full disk) before the oldest are dropped: sync-log
 * rows of a few kilobytes each, well inside the worker's heap (HEAP_MB), which they must not fill.
 */
const ROWS_KEPT_MAX = 5_000;
const HEAP_MB = 64;
const BUSY_TIMEOUT_MS = 5_000;

export type BackgroundInserts = {
  /** Hands one row (its values in the statement's parameter order) to the worker. */
  insert: (values: unknown[]) => void;
  /** Blocks until every row handed over is committed (true), or failed or timed out (false). */
  drain: (timeoutMs: number) => boolean;
  /** False once the worker has stopped: rows must then be written some other way. */
  isRunning: () => boolean;
};

/** Starts the worker for `sql`, a single-row INSERT with positional parameters, on `file`. */
export function startBackgroundInserts(
  file: string,
  sql: string,
  onError: (message: string) => void,
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
      delayMs: DELAY_MS,
      rowsPerWrite: ROWS_PER_WRITE,
      retryMs: RETRY_MS,
      rowsKeptMax: ROWS_KEPT_MAX,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
    },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 8 },
  });
  worker.unref();
  let isRunning = true;
  worker.on("message", (message: { error?: string }) => onError(message.error ?? "unknown"));
  worker.on("error", (error) => onError(error.message));
  worker.once("exit", () => (isRunning = false));
  return {
    insert: (values) => worker.postMessage(values),
    drain: (timeoutMs) => {
      if (!isRunning) return false;
      drains += 1;
      worker.postMessage({ drain: drains });
      const deadline = performance.now() + timeoutMs;
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
