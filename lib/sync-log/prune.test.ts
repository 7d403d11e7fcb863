import { v7 as uuidv7 } from "uuid";
import { afterEach, describe, expect, it } from "vitest";
import { syncEventMembers, syncEvents, syncRequests } from "@/db/schema";
import { firstTimeOrderedIdAt } from "@/lib/time-ordered-ids";
import { pruneSyncLog } from "./prune";
import { insertEntries, openTestDb } from "./test-log-db";

const DAY_MS = 86_400_000;
const NOW_MS = Date.parse("2026-12-01T12:00:00Z");

let close = () => {};
afterEach(() => close());

function insertEvents(db: ReturnType<typeof openTestDb>["db"], agesDays: number[]) {
  const rows = agesDays.map((ageDays) => {
    const atMs = NOW_MS - ageDays * DAY_MS;
    return {
      id: uuidv7({ msecs: atMs }),
      createdAt: new Date(atMs).toISOString(),
      directoryId: "directory",
      type: "user.created" as const,
      resourceType: "User" as const,
      resourceId: `user-${ageDays}`,
      detail: "{}",
    };
  });
  db.insert(syncEvents).values(rows).run();
}

describe("pruneSyncLog", () => {
  it("deletes requests and events past their retention and keeps the rest", async () => {
    const opened = openTestDb();
    close = opened.close;
    const { db } = opened;
    insertEntries(
      db,
      [40, 31, 29, 1].map((ageDays) => ({ atMs: NOW_MS - ageDays * DAY_MS })),
    );
    insertEvents(db, [400, 366, 364, 31, 1]);

    const deleted = await pruneSyncLog(db, { requestDays: 30, eventDays: 365 }, NOW_MS);

    expect(deleted).toEqual({ requests: 2, events: 2 });
    expect(db.select().from(syncRequests).all()).toHaveLength(2);
    const kept = db.select({ resourceId: syncEvents.resourceId }).from(syncEvents).all();
    expect(kept.map((event) => event.resourceId).sort()).toEqual(["user-1", "user-31", "user-364"]);
  });

  it("deletes the member rows of expired membership events with them", async () => {
    const opened = openTestDb();
    close = opened.close;
    const { db } = opened;
    const eventIds = [400, 366, 1].map((ageDays) => uuidv7({ msecs: NOW_MS - ageDays * DAY_MS }));
    db.insert(syncEventMembers)
      .values(
        eventIds.flatMap((eventId) => ["ada", "alan"].map((memberId) => ({ eventId, memberId }))),
      )
      .run();

    await pruneSyncLog(db, { requestDays: 30, eventDays: 365 }, NOW_MS);

    const kept = db.select({ eventId: syncEventMembers.eventId }).from(syncEventMembers).all();
    expect(kept).toEqual([{ eventId: eventIds[2] }, { eventId: eventIds[2] }]);
  });
});

describe("firstTimeOrderedIdAt", () => {
  it("sorts after every id made earlier and not after any id made at that time or later", () => {
    const atMs = NOW_MS;

    expect(uuidv7({ msecs: atMs - 1 }) < firstTimeOrderedIdAt(atMs)).toBe(true);
    expect(firstTimeOrderedIdAt(atMs) <= uuidv7({ msecs: atMs })).toBe(true);
    expect(firstTimeOrderedIdAt(atMs) < uuidv7({ msecs: atMs + 1 })).toBe(true);
  });
});
