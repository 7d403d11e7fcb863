import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { startBackgroundInserts } from "@/db/background-inserts";
import { batchedWrite } from "@/db/write-batch";
import {
  flushSyncLog,
  newRequestId,
  queueSyncLogRows,
  recordRequest,
  sendSyncLogTo,
  syncRequestInsertSql,
} from "./record-request";
import { openTestDb } from "./test-log-db";

let db: Db;
let close: () => void;
let other: Database.Database;

beforeAll(() => {
  ({ db, close } = openTestDb());
  other = new Database(db.$client.name, { readonly: true });
});

afterAll(() => {
  other.close();
  close();
});

function record(id: string) {
  recordRequest(db, {
    id,
    directoryId: undefined,
    tokenId: undefined,
    tokenName: undefined,
    method: "GET",
    url: new URL("http://localhost/scim/v2/Users?filter=userName%20eq%20%22ada%22"),
    headers: new Headers({ authorization: "Bearer secret", "user-agent": "unit" }),
    status: 200,
    scimType: undefined,
    durationMs: 1,
    requestBody: undefined,
    rawRequestBody: undefined,
    responseText: '{"totalResults":0}',
    resources: [],
    quirks: [],
  });
}

const storedIds = () => other.prepare("SELECT id FROM sync_requests").pluck().all();

describe("recordRequest", () => {
  it("keeps entries out of an open write batch, so a failed COMMIT loses none", async () => {
    // A batch whose COMMIT fails: a deferred foreign key is checked only then.
    const failing = batchedWrite(db.$client, () => {
      db.$client.pragma("defer_foreign_keys = ON");
      db.$client
        .prepare(
          "INSERT INTO tokens (id, directory_id, name, secret_hash, created_at)" +
            " VALUES ('t', 'missing', 'n', 'h', 'now')",
        )
        .run();
    });
    const id = newRequestId();
    record(id);
    flushSyncLog();

    await expect(failing).rejects.toThrow(/FOREIGN KEY/);
    expect(storedIds()).toEqual([id]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("stores the query decoded and the authorization header redacted", () => {
    const id = newRequestId();
    record(id);
    flushSyncLog();

    const row = other.prepare("SELECT query, headers FROM sync_requests WHERE id = ?").get(id) as {
      query: string;
      headers: string;
    };
    expect(row.query).toBe('filter=userName eq "ada"');
    expect(JSON.parse(row.headers)).toEqual({
      authorization: "Bearer [redacted]",
      "user-agent": "unit",
    });
  });
});

// Last: from here on, this file's entries go to a writer thread.
describe("queueSyncLogRows", () => {
  it("writes here the entries a writer thread had not taken when it stopped", async () => {
    // The hand-over timer never fires, so the entry is still on this thread when the worker fails.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const sql = "INSERT INTO missing_table VALUES (?)";
      const inserts = startBackgroundInserts(db.$client.name, sql, () => undefined, {
        onStopped: (rows) => queueSyncLogRows(db, rows),
      });
      sendSyncLogTo(inserts);
      const id = newRequestId();
      record(id);
      await expect.poll(() => inserts.isRunning(), { timeout: 5_000, interval: 10 }).toBe(false);
      flushSyncLog();

      expect(storedIds()).toContain(id);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("recordRequest with a writer thread", () => {
  it("hands entries to it, stored as the serving thread would have stored them", () => {
    const errors: string[] = [];
    const inserts = startBackgroundInserts(db.$client.name, syncRequestInsertSql(db), (reason) =>
      errors.push(reason),
    );
    sendSyncLogTo(inserts);
    const id = newRequestId();
    record(id);

    expect(inserts.drain(5_000)).toBe(true);
    const row = other
      .prepare(
        "SELECT query, headers, is_request_truncated AS truncated FROM sync_requests WHERE id = ?",
      )
      .get(id) as { query: string; headers: string; truncated: number };
    expect(row).toEqual({
      query: 'filter=userName eq "ada"',
      headers: JSON.stringify({ authorization: "Bearer [redacted]", "user-agent": "unit" }),
      truncated: 0,
    });
    expect(errors).toEqual([]);
  });

  it("has a server that exits write the entries it had handed over", () => {
    const script = `
      import { openDb } from "@/db/client";
      import { startBackgroundInserts } from "@/db/background-inserts";
      import * as recorder from "@/lib/sync-log/record-request";
      const db = openDb(process.argv[1]);
      const sql = recorder.syncRequestInsertSql(db);
      recorder.sendSyncLogTo(startBackgroundInserts(process.argv[1], sql, () => {}));
      for (let n = 0; n < 40; n += 1) {
        recorder.recordRequest(db, {
          id: recorder.newRequestId(), method: "GET", status: 200, durationMs: 1,
          url: new URL("http://localhost/scim/v2/Users?exit=" + n), headers: new Headers(),
          resources: [], quirks: [],
        });
      }
      process.exit(0);
    `;
    const tsx = path.resolve("node_modules/.bin/tsx");
    const child = spawnSync(tsx, ["--eval", script, db.$client.name], { encoding: "utf8" });

    expect(child.status, child.stderr).toBe(0);
    const stored = other.prepare("SELECT count(*) FROM sync_requests WHERE query LIKE 'exit=%'");
    expect(stored.pluck().get()).toBe(40);
  });
});
