import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { v7 as uuidv7 } from "uuid";
import { openDb, type Db } from "@/db/client";
import { auditEvents, syncRequests } from "@/db/schema";

/** A fresh database with migrations applied, removed again by the returned `close`. */
export function openTestDb(): { db: Db; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-unit-"));
  const db = openDb(path.join(dir, "roster.db"));
  return {
    db,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every audit row, its detail parsed, in insertion order. */
export function readAudit(db: Db) {
  return db
    .select()
    .from(auditEvents)
    .all()
    .map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
}

type Entry = Partial<typeof syncRequests.$inferInsert> & { atMs: number };

/** Inserts log entries directly, each at `atMs`, as the recorder would have written them. */
export function insertEntries(db: Db, entries: Entry[]): string[] {
  const rows = entries.map(({ atMs, ...entry }) => ({
    id: uuidv7({ msecs: atMs }),
    createdAt: new Date(atMs + 3).toISOString(),
    method: "GET",
    path: "/scim/v2/Users",
    status: 200,
    durationMs: 3,
    headers: "{}",
    isRequestTruncated: false,
    isResponseTruncated: false,
    resources: "[]",
    quirks: "[]",
    ...entry,
  }));
  if (rows.length > 0) db.insert(syncRequests).values(rows).run();
  return rows.map((row) => row.id);
}
