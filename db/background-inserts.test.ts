import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startBackgroundInserts, type ReportLevel } from "./background-inserts";
import { walDatabases } from "./test-wal-database";

const INSERT = "INSERT INTO items (id, body) VALUES (?, ?)";
const databases = walDatabases();
const walDatabase = databases.open;

/** Holds the write lock of argv[2] for argv[3] ms, saying "locked" once it has it. */
const LOCK_HOLDER = `
  const Database = require(process.argv[1]);
  const db = new Database(process.argv[2]);
  db.exec("BEGIN IMMEDIATE");
  process.stdout.write("locked");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3]));
  db.exec("COMMIT");
`;

const ids = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT id FROM items ORDER BY id").pluck().all();
const count = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT count(*) FROM items").pluck().get();
/** About what a request and its response come to at the sync log's default 64 kB cap. */
const bigBody = (id: number) => `${id}:`.padEnd(100_000, "x");
const droppedIn = (reports: string[]) =>
  reports.reduce(
    (sum, reason) => sum + Number(/(\d+) oldest rows were dropped/.exec(reason)?.[1] ?? 0),
    0,
  );

afterEach(() => {
  vi.useRealTimers();
  databases.closeAll();
});

describe("startBackgroundInserts", () => {
  it("commits the rows handed over from its own thread, all of them by the end of drain", () => {
    const { sqlite, file } = walDatabase();
    const errors: string[] = [];
    const inserts = startBackgroundInserts(file, INSERT, (reason) => errors.push(reason));
    for (let id = 1; id <= 300; id += 1) inserts.insert([id, `row ${id}`]);

    expect(inserts.drain(5_000)).toBe(true);

    expect(ids(sqlite)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(errors).toEqual([]);
    expect(inserts.isRunning()).toBe(true);
  });

  it("writes a few rows within a fraction of a second, without a drain", async () => {
    const { sqlite, file } = walDatabase();
    const inserts = startBackgroundInserts(file, INSERT, () => undefined);
    inserts.insert([1, "one"]);

    await expect.poll(() => ids(sqlite), { timeout: 2_000, interval: 10 }).toEqual([1]);
  });

  it("hands rows over a tenth of a second at a time, so that they commit together", async () => {
    const { sqlite, file } = walDatabase();
    const inserts = startBackgroundInserts(file, INSERT, () => undefined);
    inserts.insert([0, "the worker has started once this is in"]);
    await expect.poll(() => ids(sqlite), { timeout: 2_000, interval: 5 }).toEqual([0]);

    inserts.insert([1, "one"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    inserts.insert([2, "two"]);

    await expect.poll(() => ids(sqlite).length, { timeout: 2_000, interval: 5 }).toBeGreaterThan(1);
    expect(ids(sqlite)).toEqual([0, 1, 2]);
  });

  it("hands a burst over in parts small enough that its byte budget keeps every row", () => {
    const { sqlite, file } = walDatabase();
    const errors: string[] = [];
    const inserts = startBackgroundInserts(file, INSERT, (reason) => errors.push(reason));
    for (let id = 1; id <= 200; id += 1) inserts.insert([id, bigBody(id)]);

    expect(inserts.drain(5_000)).toBe(true);

    expect(count(sqlite)).toBe(200);
    expect(errors).toEqual([]);
  });

  it("drains true once the rows it kept are in, after reporting those it dropped", async () => {
    const { sqlite, file } = walDatabase();
    const reports: string[] = [];
    const inserts = startBackgroundInserts(file, INSERT, (reason) => reports.push(reason), {
      busyTimeoutMs: 50,
    });
    sqlite.exec("BEGIN IMMEDIATE");
    for (let id = 1; id <= 300; id += 1) inserts.insert([id, bigBody(id)]);
    await expect.poll(() => reports.length, { timeout: 5_000, interval: 10 }).toBeGreaterThan(0);
    sqlite.exec("COMMIT");

    expect(inserts.drain(5_000)).toBe(true);

    await expect.poll(() => Number(count(sqlite)) + droppedIn(reports)).toBe(300);
    expect(droppedIn(reports)).toBeGreaterThan(0);
  });

  it("drops and reports a row the table refuses, and keeps the others", async () => {
    const { sqlite, file } = walDatabase();
    const errors: string[] = [];
    const inserts = startBackgroundInserts(file, INSERT, (reason) => errors.push(reason));
    inserts.insert([1, "first"]);
    inserts.insert([1, "same id"]);
    inserts.insert([2, "second"]);

    expect(inserts.drain(5_000)).toBe(true);

    expect(ids(sqlite)).toEqual([1, 2]);
    await expect.poll(() => errors).toEqual([expect.stringMatching(/^1 rows refused: UNIQUE/)]);
  });

  it("warns once of a lock held past its wait, keeps the rows, and writes them later", async () => {
    const { sqlite, file } = walDatabase();
    const reports: { reason: string; level: ReportLevel }[] = [];
    const report = (reason: string, level: ReportLevel) => reports.push({ reason, level });
    const inserts = startBackgroundInserts(file, INSERT, report, { busyTimeoutMs: 50 });
    sqlite.exec("BEGIN IMMEDIATE");
    inserts.insert([1, "waits"]);
    inserts.insert([2, "waits too"]);

    expect(inserts.drain(300)).toBe(false);
    sqlite.exec("COMMIT");

    expect(inserts.drain(2_000)).toBe(true);
    expect(ids(sqlite)).toEqual([1, 2]);
    await expect
      .poll(() => reports)
      .toEqual([{ reason: expect.stringMatching(/locked/), level: "warn" }]);
  });

  it("reports any other failure as an error, again while it lasts, and retries", async () => {
    const { sqlite, file } = walDatabase();
    const reports: { level: ReportLevel; atMs: number }[] = [];
    const report = (reason: string, level: ReportLevel) =>
      reason.includes("no such table") && reports.push({ level, atMs: performance.now() });
    const options = { retryMs: 20, errorReportMs: 400 };
    const inserts = startBackgroundInserts(file, INSERT, report, options);
    inserts.insert([0, "the worker has started once this is in"]);
    await expect.poll(() => ids(sqlite), { timeout: 2_000, interval: 5 }).toEqual([0]);
    sqlite.exec("ALTER TABLE items RENAME TO items_away");
    inserts.insert([1, "kept"]);
    await expect.poll(() => reports.length, { timeout: 5_000, interval: 10 }).toBe(2);
    sqlite.exec("ALTER TABLE items_away RENAME TO items");

    expect(inserts.drain(2_000)).toBe(true);
    expect(ids(sqlite)).toEqual([0, 1]);
    expect(reports.map(({ level }) => level)).toEqual(["error", "error"]);
    const [first, second] = reports.map(({ atMs }) => atMs);
    // Against a retry every 20 ms: the repeat waits for errorReportMs, give or take delivery.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThan(300);
  });

  it("gives back rows not yet handed over, and those queued later, once stopped", async () => {
    // The hand-over timer never fires, so the first row is still here when the worker fails.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { file } = walDatabase();
    const givenBack: unknown[][] = [];
    const inserts = startBackgroundInserts(file, "INSERT INTO missing VALUES (?)", () => 0, {
      onStopped: (rows) => givenBack.push(...rows),
    });
    inserts.insert(["before"]);
    await expect.poll(() => inserts.isRunning(), { timeout: 5_000, interval: 10 }).toBe(false);
    inserts.insert(["after"]);

    expect(givenBack).toEqual([["before"], ["after"]]);
  });

  it("keeps trying through a drain while another process holds the lock", async () => {
    const { sqlite, file } = walDatabase();
    const inserts = startBackgroundInserts(file, INSERT, () => undefined, { busyTimeoutMs: 100 });
    const holder = spawn(
      process.execPath,
      ["-e", LOCK_HOLDER, path.resolve("node_modules/better-sqlite3"), file, "700"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(holder.stdout, "data");
    inserts.insert([1, "after the lock"]);

    expect(inserts.drain(5_000)).toBe(true);
    expect(ids(sqlite)).toEqual([1]);
    await once(holder, "exit");
  });

  it("loses nothing when the process exits right after handing rows over", () => {
    const { sqlite, file } = walDatabase();
    const module = JSON.stringify(path.resolve("db/background-inserts.ts"));
    const script = `
      import { startBackgroundInserts } from ${module};
      const inserts = startBackgroundInserts(process.argv[1], process.argv[2], () => {});
      process.once("exit", () => inserts.drain(5000));
      for (let id = 1; id <= 50; id += 1) inserts.insert([id, "x"]);
      process.exit(0);
    `;
    const tsx = path.resolve("node_modules/.bin/tsx");
    const child = spawnSync(tsx, ["--eval", script, file, INSERT], { encoding: "utf8" });

    expect(child.status, child.stderr).toBe(0);
    expect(ids(sqlite)).toHaveLength(50);
  });
});
