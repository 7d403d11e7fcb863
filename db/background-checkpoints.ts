import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/**
 * SQLite-only. By default the connection that commits past 1,000 WAL pages copies them into the
 * database file and fsyncs it, inside that commit, which stalls every request behind it. The
 * server hands that job to a thread with its own connection. A PASSIVE checkpoint never blocks
 * readers or writers; under steady writes it never finds a moment to rewind the WAL, though, so
 * past a few thousand pages a RESTART waits for one (writers pause only for what is left to copy).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
const checkpoint = () => {
  const [passive] = db.pragma("wal_checkpoint(PASSIVE)");
  if (passive.log > workerData.restartPages) db.pragma("wal_checkpoint(RESTART)");
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
parentPort.postMessage("ready");
`;

const INTERVAL_MS = 200;
const RESTART_PAGES = 4_000;
const BUSY_TIMEOUT_MS = 1_000;
const AUTOCHECKPOINT_PAGES_DEFAULT = 1000;

export type BackgroundCheckpoints = { stop: () => Promise<void> };

/** better-sqlite3's entry point, for a worker to require: workers see no bundler's modules. */
export function driverPath(): string {
  const projectRequire = createRequire(
    path.join(/* turbopackIgnore: true */ process.cwd(), "package.json"),
  );
  return projectRequire.resolve("better-sqlite3");
}

/**
 * Starts checkpointing `file` on a worker thread and turns automatic checkpoints off on
 * `sqlite` once the worker runs. If the worker ever fails, automatic checkpoints come back.
 */
export function startBackgroundCheckpoints(
  sqlite: Database.Database,
  file: string,
  onError: (error: unknown) => void,
): BackgroundCheckpoints {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driverPath: driverPath(),
      file,
      intervalMs: INTERVAL_MS,
      restartPages: RESTART_PAGES,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
    },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 },
  });
  worker.unref();
  const restoreAutomatic = () =>
    sqlite.open && sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES_DEFAULT}`);
  worker.once("message", () => sqlite.pragma("wal_autocheckpoint = 0"));
  worker.on("error", (error) => {
    restoreAutomatic();
    onError(error);
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  void exited.then(restoreAutomatic);
  return {
    stop: async () => {
      worker.postMessage("stop");
      await exited;
    },
  };
}
