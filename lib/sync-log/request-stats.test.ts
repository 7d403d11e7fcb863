import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { pruneSyncLog } from "./prune";
import { requestStats } from "./queries";
import { insertEntries, openTestDb } from "./test-log-db";

const HOUR_MS = 3_600_000;
const NOON_MS = Date.parse("2026-12-01T12:00:00Z");

let db: Db;
let close: () => void;

beforeEach(() => ({ db, close } = openTestDb()));
afterEach(() => close());

/** The same figures counted from the requests themselves, the way they were before. */
function countedFromRequests(sinceIso: string) {
  return db.all<{ directoryId: string; hour: string; requests: number; errors: number }>(sql`
    SELECT directory_id AS directoryId, substr(created_at, 1, 13) AS hour, count(*) AS requests,
      sum(status >= 400) AS errors
    FROM sync_requests WHERE directory_id IS NOT NULL AND created_at >= ${sinceIso}
    GROUP BY 1, 2 ORDER BY 2, 1`);
}

const byHour = (rows: { hour: string; directoryId: string }[]) =>
  [...rows].sort((a, b) => (a.hour + a.directoryId).localeCompare(b.hour + b.directoryId));

describe("requestStats", () => {
  it("answers each directory's requests and errors per hour as the requests count them", () => {
    insertEntries(db, [
      { atMs: NOON_MS - 2 * HOUR_MS, directoryId: "acme" },
      { atMs: NOON_MS - 30 * 60_000, directoryId: "acme", status: 409 },
      { atMs: NOON_MS - 20 * 60_000, directoryId: "acme" },
      { atMs: NOON_MS - 10 * 60_000, directoryId: "globex", status: 500 },
      { atMs: NOON_MS + 5 * 60_000, directoryId: "acme", status: 401 },
      { atMs: NOON_MS, directoryId: null, status: 401 },
    ]);
    const sinceIso = new Date(NOON_MS - HOUR_MS).toISOString();

    const stats = requestStats(db, { sinceIso });

    expect(byHour(stats)).toEqual([
      { directoryId: "acme", hour: "2026-12-01T11", requests: 2, errors: 1 },
      { directoryId: "globex", hour: "2026-12-01T11", requests: 1, errors: 1 },
      { directoryId: "acme", hour: "2026-12-01T12", requests: 1, errors: 1 },
    ]);
    expect(byHour(stats)).toEqual(countedFromRequests(sinceIso));
  });

  it("keeps an hour while its requests are kept, and lets it go with them", async () => {
    const DAY_MS = 24 * HOUR_MS;
    insertEntries(db, [
      { atMs: NOON_MS - 31 * DAY_MS, directoryId: "acme" },
      { atMs: NOON_MS - 29 * DAY_MS, directoryId: "acme" },
    ]);

    await pruneSyncLog(db, { requestDays: 30, eventDays: 365 }, NOON_MS);

    const hours = requestStats(db, { sinceIso: "2000-01-01T00:00:00.000Z" });
    expect(hours).toEqual([{ directoryId: "acme", hour: "2026-11-02T12", requests: 1, errors: 0 }]);
  });
});
