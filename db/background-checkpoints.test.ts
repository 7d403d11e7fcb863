import fs from "node:fs";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startBackgroundCheckpoints } from "./background-checkpoints";
import { walDatabases } from "./test-wal-database";

const databases = walDatabases();
const walDatabase = databases.open;

/** About 4 MB of rows: several thousand WAL pages, all still outside the database file. */
function writeRows(sqlite: Database.Database) {
  const insert = sqlite.prepare("INSERT INTO items (body) VALUES (?)");
  sqlite.transaction(() => {
    for (let row = 0; row < 4_000; row += 1) insert.run("x".repeat(1_000));
  })();
}

const databaseBytes = (file: string) => fs.statSync(file).size;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBytes(file: string, bytesMin: number, timeoutMs: number) {
  for (let waited = 0; waited < timeoutMs && databaseBytes(file) < bytesMin; waited += 50) {
    await pause(50);
  }
  return databaseBytes(file);
}

afterEach(() => databases.closeAll());

describe("startBackgroundCheckpoints", () => {
  it("moves committed pages into the database file from its own thread", async () => {
    const { sqlite, file } = walDatabase();
    const checkpoints = startBackgroundCheckpoints(sqlite, file, (error) => {
      throw error;
    });
    await expect.poll(() => sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);

    writeRows(sqlite);

    expect(await waitForBytes(file, 3_000_000, 5_000)).toBeGreaterThan(3_000_000);
    await checkpoints.stop();
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  });

  it("rewinds the WAL while writes never stop", async () => {
    const { sqlite, file } = walDatabase();
    // A rewound WAL is cut back to this size, which is how the test sees the rewind.
    sqlite.pragma("journal_size_limit = 1048576");
    const checkpoints = startBackgroundCheckpoints(sqlite, file, (error) => {
      throw error;
    });
    await expect.poll(() => sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const insert = sqlite.prepare("INSERT INTO items (body) VALUES (?)");
    const walBytes = () => fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

    // Small commits without end, pausing only briefly, until the WAL shrinks (or 20 s pass).
    let peakBytes = 0;
    let isRewound = false;
    const deadlineMs = Date.now() + 20_000;
    for (let commit = 1; !isRewound && Date.now() < deadlineMs; commit += 1) {
      insert.run("x".repeat(3_000));
      if (commit % 200 !== 0) continue;
      await pause(2);
      peakBytes = Math.max(peakBytes, walBytes());
      isRewound = peakBytes > 8_000_000 && walBytes() < peakBytes / 2;
    }

    expect(isRewound).toBe(true);
    await checkpoints.stop();
  }, 30_000);

  it("is what keeps the pages moving once automatic checkpoints are off", async () => {
    const { sqlite, file } = walDatabase();
    sqlite.pragma("wal_autocheckpoint = 0");

    writeRows(sqlite);

    expect(await waitForBytes(file, 3_000_000, 600)).toBeLessThan(100_000);
  });
});
