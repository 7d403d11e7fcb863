import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { registerFunctions, withOpaqueLimits } from "./dialect";
import { noteTransaction } from "./write-batch";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const DEFAULT_PATH = "./data/roster.db";
const BUSY_TIMEOUT_MS = 5_000;
const WAL_BYTES_KEPT = 16 * 1_048_576;

export function databasePath(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_PATH || DEFAULT_PATH);
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares a new statement for every query; SCIM traffic repeats a few dozen shapes, so
 * statements are kept by SQL text (least recently used dropped first). better-sqlite3 runs one
 * statement at a time on this thread, so sharing them is safe. Every statement of the app passes
 * here, which is where LIMIT and OFFSET parameters are made opaque to the planner.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      return cached;
    }
    const statement = prepare(withOpaqueLimits(source));
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
    return statement;
  }) as Database.Database["prepare"];
}

type TransactionBehavior = "deferred" | "immediate" | "exclusive";

/**
 * drizzle's `transaction` builds a transaction handle (a query builder per schema table) and
 * better-sqlite3 a wrapper function for every call: about 20 µs, as much as a SCIM write's own
 * statements. The handle holds no state of its own and works on the one connection, so one is
 * made here and shared, and one wrapper takes the callback as an argument. Nesting, savepoints
 * and rollback behave exactly as before. Each one that succeeds also tells the write batch which
 * batch now holds it (`noteTransaction`).
 */
function shareTransactionHandles(db: Db): void {
  const tx = db.transaction((handle) => handle);
  type Callback = (handle: Tx) => unknown;
  const run = db.$client.transaction((callback: Callback, handle: Tx) => callback(handle));
  db.transaction = ((callback: Callback, config?: { behavior?: TransactionBehavior }) => {
    const result = run[config?.behavior ?? "deferred"](callback, tx);
    noteTransaction(db.$client);
    return result;
  }) as Db["transaction"];
}

/** Opens the database file, tunes SQLite for a server and applies pending migrations. */
export function openDb(file = databasePath()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  // A WAL rewound after a burst of writes is cut back to this size rather than kept at its peak.
  sqlite.pragma(`journal_size_limit = ${WAL_BYTES_KEPT}`);
  sqlite.pragma("foreign_keys = ON");
  cacheStatements(sqlite);
  registerFunctions(sqlite);
  const db = drizzle(sqlite, { schema });
  shareTransactionHandles(db);
  migrate(db, {
    migrationsFolder: path.join(/* turbopackIgnore: true */ process.cwd(), "db/migrations"),
  });
  return db;
}

// Next may evaluate this module more than once per process; one connection serves them all.
const globalForDb = globalThis as unknown as { rosterDb?: Db };

export function getDb(): Db {
  globalForDb.rosterDb ??= openDb();
  return globalForDb.rosterDb;
}

/** A transaction handle; better-sqlite3 transactions are synchronous, so no await inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Queryable = Db | Tx;

export function isDatabaseReachable(): boolean {
  try {
    return getDb().$client.prepare("SELECT 1 AS ok").get() !== undefined;
  } catch {
    return false;
  }
}

/**
 * Runs `write` without waiting out the busy timeout when another connection (another process,
 * or a worker thread's) holds the write lock: for writes that may be skipped, which must not
 * hold up or fail the request that makes them. Answers false when nothing was written.
 */
export function writeUnlessLocked(db: Db, write: () => void): boolean {
  const sqlite = db.$client;
  const busyTimeoutMs = Number(sqlite.pragma("busy_timeout", { simple: true }));
  sqlite.pragma("busy_timeout = 0");
  try {
    write();
    return true;
  } catch (error) {
    if (String((error as { code?: unknown }).code).startsWith("SQLITE_BUSY")) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
}

/**
 * One drizzle prepared query per connection (or transaction) and builder, so hot lookups skip
 * query building. `build` must always produce the same SQL; parameters go in placeholders.
 */
export function preparedFor<T>(build: (db: Queryable) => T): (db: Queryable) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    // A transaction runs on its database's session (one connection), so they share statements.
    const key = (db as unknown as { session?: object }).session ?? db;
    let prepared = cache.get(key);
    if (prepared === undefined) {
      prepared = build(db);
      cache.set(key, prepared);
    }
    return prepared;
  };
}
