import type Database from "better-sqlite3";

/**
 * Group commit, SQLite-only. One connection serves every request, and a COMMIT costs about as
 * much as the writes before it (each dirty page goes to the WAL on its own). Writes that arrive
 * in the same turn of the event loop therefore share one transaction, committed when the turn
 * ends (setImmediate). Each write still runs in its own `db.transaction`, which inside the batch
 * is a savepoint: a write that fails rolls back alone. Nobody is answered before the COMMIT: a
 * write, and equally a read that may have seen the batch, waits for it, so an answer never
 * reports what a failed COMMIT undid.
 */
type Batch = { committed: Promise<void> };

// On globalThis, as Next may load this module more than once in a process that has one connection.
const globalForBatch = globalThis as unknown as { rosterWriteBatch?: Batch };

function openBatch(sqlite: Database.Database): void {
  if (globalForBatch.rosterWriteBatch || sqlite.inTransaction) return;
  sqlite.exec("BEGIN IMMEDIATE");
  const committed = new Promise<void>((resolve, reject) => {
    setImmediate(() => {
      globalForBatch.rosterWriteBatch = undefined;
      try {
        sqlite.exec("COMMIT");
        resolve();
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
        reject(error);
      }
    });
  });
  // Every waiter handles the rejection; this keeps an unobserved one from crashing the process.
  committed.catch(() => undefined);
  globalForBatch.rosterWriteBatch = { committed };
  registerExitRollback(sqlite);
}

let isExitRollbackRegistered = false;

/**
 * A process that exits mid-turn has answered none of the open batch's writes, so they are undone;
 * this runs before other exit handlers, so that the sync log's last flush commits on its own.
 */
function registerExitRollback(sqlite: Database.Database): void {
  if (isExitRollbackRegistered) return;
  isExitRollbackRegistered = true;
  process.prependListener("exit", () => {
    if (globalForBatch.rosterWriteBatch && sqlite.open && sqlite.inTransaction) {
      sqlite.exec("ROLLBACK");
    }
  });
}

/** Resolves once the batch open now, if any, has committed; rejects if its COMMIT failed. */
export function writesSettled(): Promise<void> | undefined {
  return globalForBatch.rosterWriteBatch?.committed;
}

/**
 * Runs `write` inside the current batch (opening one if none is open) and settles only after
 * the batch holding its changes has committed. A `write` that awaits part-way may finish in a
 * later batch, or in a transaction of its own; either way it waits for whatever is open at its end.
 */
export async function batchedWrite<T>(
  sqlite: Database.Database,
  write: () => T | Promise<T>,
): Promise<T> {
  openBatch(sqlite);
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await write() };
  } catch (error) {
    outcome = { error };
  }
  await writesSettled();
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}
