import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";

/**
 * Group commit, SQLite-only. One connection serves every request, and a COMMIT costs about as
 * much as the writes before it (each dirty page goes to the WAL on its own). Writes that arrive
 * within two turns of the event loop therefore share one transaction, committed at the end of
 * the second (see COMMIT_TURNS). Each write still runs in its own `db.transaction`, which inside
 * the batch is a savepoint: a write that fails rolls back alone. Nobody is answered before the
 * COMMIT: a write, and equally a read that may have seen the batch, waits for it, so an answer
 * never reports what a failed COMMIT undid.
 */
type Batch = { committed: Promise<void>; isLost: boolean };

/** The commits a write's statements wait on, gathered as it runs (see noteTransaction). */
type WriteScope = Set<Promise<void>>;

// On globalThis, as Next may load this module more than once in a process that has one connection.
const globalForBatch = globalThis as unknown as {
  rosterWriteBatch?: Batch;
  rosterWriteScope?: AsyncLocalStorage<WriteScope>;
};
const writeScope = (globalForBatch.rosterWriteScope ??= new AsyncLocalStorage<WriteScope>());

/**
 * Under load, what other connections sent while a turn ran is read in the next one; one turn
 * more lets those writes join the batch (fuller batches, fewer COMMITs), at an idle server's
 * cost of a few microseconds.
 */
const COMMIT_TURNS = 2;

function afterTurns(turns: number, callback: () => void): void {
  setImmediate(() => (turns > 1 ? afterTurns(turns - 1, callback) : callback()));
}

/** The batch a write joins: the open one, or a new one; none inside another transaction. */
function openBatch(sqlite: Database.Database): Batch | undefined {
  const open = globalForBatch.rosterWriteBatch;
  if (open && sqlite.inTransaction) return open;
  if (open) {
    // SQLite itself rolled the batch back (disk full, I/O error): its writes are gone.
    open.isLost = true;
    globalForBatch.rosterWriteBatch = undefined;
  }
  if (sqlite.inTransaction) return undefined;
  sqlite.exec("BEGIN IMMEDIATE");
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const committed = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const batch: Batch = { committed, isLost: false };
  // Every waiter handles the rejection; this keeps an unobserved one from crashing the process.
  committed.catch(() => undefined);
  globalForBatch.rosterWriteBatch = batch;
  registerExitRollback(sqlite);
  afterTurns(COMMIT_TURNS, () => {
    if (globalForBatch.rosterWriteBatch === batch) globalForBatch.rosterWriteBatch = undefined;
    if (batch.isLost || !sqlite.inTransaction) {
      settle?.reject(new Error("SQLite rolled back the write batch"));
      return;
    }
    try {
      sqlite.exec("COMMIT");
      settle?.resolve();
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      settle?.reject(error);
    }
  });
  return batch;
}

let isExitRollbackRegistered = false;

/**
 * A process that exits mid-turn has answered none of the open batch's writes, so they are undone;
 * this runs before other exit handlers, so that the sync log's last flush commits on its own.
 */
function registerExitRollback(sqlite: Database.Database): void {
  if (isExitRollbackRegistered) return;
  isExitRollbackRegistered = true;
  // Transactions are synchronous, so one still open at exit is a batch that answered no one.
  process.prependListener("exit", () => {
    globalForBatch.rosterWriteBatch = undefined;
    try {
      if (sqlite.open && sqlite.inTransaction) sqlite.exec("ROLLBACK");
    } catch {
      // Closing the connection rolls back as well.
    }
  });
}

/** Resolves once the batch open now, if any, has committed; rejects if its COMMIT failed. */
export function writesSettled(): Promise<void> | undefined {
  return globalForBatch.rosterWriteBatch?.committed;
}

/** A read's result, handed on once the batch open now, whose writes it may have seen, commits. */
export function afterOpenBatch<T>(result: T): T | Promise<Awaited<T>> {
  const settled = writesSettled();
  if (!settled) return result;
  return Promise.resolve(result).then((value) => settled.then(() => value));
}

/**
 * Every transaction that succeeded calls this: when it ran inside the open batch (as a
 * savepoint), the write it belongs to, if any, must not answer before that batch commits. One
 * that failed left nothing behind, and one that ran on its own has already committed.
 */
export function noteTransaction(sqlite: Database.Database): void {
  const open = globalForBatch.rosterWriteBatch;
  if (open && sqlite.inTransaction) writeScope.getStore()?.add(open.committed);
}

/**
 * Runs `write` inside the current batch (opening one if none is open) and settles only after
 * every batch that holds its changes has committed. A `write` that awaits part-way may go on in
 * a later batch, or in a transaction of its own; each transaction it starts notes the batch it
 * joins, and the batch open when it ends is waited for too, as its reads may have seen it.
 */
export async function batchedWrite<T>(
  sqlite: Database.Database,
  write: () => T | Promise<T>,
): Promise<T> {
  const joined = openBatch(sqlite);
  const batches: WriteScope = new Set(joined ? [joined.committed] : []);
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await writeScope.run(batches, write) };
  } catch (error) {
    outcome = { error };
  }
  const open = writesSettled();
  if (open) batches.add(open);
  const settled = Promise.all([...batches]);
  if ("error" in outcome) {
    // The write's own error is its answer: its savepoint is undone whatever the COMMIT does.
    await settled.catch(() => undefined);
    throw outcome.error;
  }
  await settled;
  return outcome.value;
}
