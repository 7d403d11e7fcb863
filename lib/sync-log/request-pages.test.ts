import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { pageRequestSummaries } from "./queries";
import { pageRequestIds } from "./request-pages";
import { insertEntries, openTestDb } from "./test-log-db";

const START_MS = Date.parse("2026-11-01T00:00:00.000Z");
const STATUSES = [200, 201, 404, 409, 500, 204, 400, 200, 503, 304];

let db: Db;
let close: () => void;
let ids: string[];

beforeEach(() => {
  ({ db, close } = openTestDb());
  ids = insertEntries(
    db,
    Array.from({ length: 30 }, (_, i) => ({
      atMs: START_MS + i * 60_000,
      status: STATUSES[i % STATUSES.length],
      directoryId: i % 2 === 0 ? "dir-a" : "dir-b",
      resourceLabel: `user${i}@example.com`,
    })),
  );
});

afterEach(() => close());

const newestFirst = () => [...ids].reverse();

describe("pageRequestIds", () => {
  it("pages from the newest entry to the oldest with no gaps or repeats", () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = pageRequestIds(db, {}, { before, limit: 7 });
      seen.push(...page.ids);
      if (!page.hasMore) break;
      before = page.ids.at(-1);
    }
    expect(seen).toEqual(newestFirst());
  });

  it("pages back towards newer entries with after, still newest first within a page", () => {
    const all = newestFirst();
    const page = pageRequestIds(db, {}, { after: all[20], limit: 5 });
    expect(page.ids).toEqual(all.slice(15, 20));
    expect(page.hasMore).toBe(true);
    const top = pageRequestIds(db, {}, { after: all[5], limit: 5 });
    expect(top).toEqual({ ids: all.slice(0, 5), hasMore: false });
  });

  it("merges every status of a class in id order across pages", () => {
    const errors = newestFirst().filter((_, i) => {
      const status = STATUSES[(29 - i) % STATUSES.length] ?? 0;
      return status >= 400 && status < 500;
    });
    const first = pageRequestIds(db, { statusClass: "4xx" }, { limit: 4 });
    const second = pageRequestIds(
      db,
      { statusClass: "4xx" },
      { before: first.ids.at(-1), limit: 4 },
    );
    expect([...first.ids, ...second.ids]).toEqual(errors.slice(0, 8));
    expect(first.hasMore).toBe(true);
  });

  it("answers an empty page for a status class nothing has", () => {
    db.$client.exec("DELETE FROM sync_requests WHERE status >= 300 AND status < 400");
    expect(pageRequestIds(db, { statusClass: "3xx" }, { limit: 10 })).toEqual({
      ids: [],
      hasMore: false,
    });
  });

  it("keeps entries whose log time is inside the range, bounds included", () => {
    const all = [...ids];
    const fromIso = new Date(START_MS + 10 * 60_000 + 3).toISOString();
    const toIso = new Date(START_MS + 12 * 60_000 + 3).toISOString();
    const page = pageRequestIds(db, { fromIso, toIso }, { limit: 50 });
    expect(page.ids).toEqual([all[12], all[11], all[10]]);
  });

  it("combines directory, status class and free text", () => {
    const page = pageRequestIds(
      db,
      { directoryId: "dir-a", statusClass: "2xx", q: "USER2" },
      { limit: 50 },
    );
    const expected = newestFirst().filter((_, index) => {
      const i = 29 - index;
      const status = STATUSES[i % STATUSES.length] ?? 0;
      return i % 2 === 0 && status < 300 && String(i).startsWith("2");
    });
    expect(page.ids).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("counts reads of a resource type by their path, whatever its case", () => {
    const [read, search, group] = insertEntries(db, [
      { atMs: START_MS + 97 * 60_000, path: "/scim/v2/users/abc" },
      { atMs: START_MS + 98 * 60_000, path: "/scim/v2/Users/.search", method: "POST" },
      { atMs: START_MS + 99 * 60_000, path: "/scim/v2/Groups/abc", resourceType: "Group" },
    ]);
    const users = pageRequestIds(db, { resourceType: "User" }, { limit: 3 }).ids;
    expect(users.slice(0, 2)).toEqual([search, read]);
    expect(pageRequestIds(db, { resourceType: "Group" }, { limit: 50 }).ids).toEqual([group]);
  });

  it("treats % and _ in free text literally", () => {
    insertEntries(db, [{ atMs: START_MS + 99 * 60_000, path: "/scim/v2/Users/100%_done" }]);
    expect(pageRequestIds(db, { q: "0%_d" }, { limit: 50 }).ids).toHaveLength(1);
    expect(pageRequestIds(db, { q: "%" }, { limit: 50 }).ids).toHaveLength(1);
  });

  it("reads a stretch of the log per text-search page and says where to go on", () => {
    // "user1" is in the labels of entries 1 and 10 to 19.
    const matches = ids.filter((_, i) => i === 1 || (i >= 10 && i <= 19)).reverse();
    const found: string[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const page = pageRequestIds(db, { q: "user1" }, { before, limit: 4, scanRows: 5 });
      found.push(...page.ids);
      pages += 1;
      if (!page.hasMore) break;
      before = page.resumeAt ?? page.ids.at(-1);
    }
    expect(found).toEqual(matches);
    const head = pageRequestIds(db, { q: "user1" }, { limit: 4, scanRows: 5 });
    expect(head).toEqual({ ids: [], hasMore: true, resumeAt: newestFirst()[4] });
    expect(pages).toBeGreaterThan(3);
  });

  it("pages a text search towards newer entries a stretch at a time too", () => {
    const oldest = ids[0];
    const page = pageRequestIds(db, { q: "user2" }, { after: oldest, limit: 4, scanRows: 5 });
    expect(page).toEqual({ ids: [ids[2]], hasMore: true, resumeAt: ids[5] });
  });

  it("bounds a method and resource type filter that matches nothing", () => {
    // Every entry is a GET of a user; a DELETE of a group matches none of them.
    const filters = { method: "DELETE", resourceType: "Group" } as const;
    const head = pageRequestIds(db, filters, { limit: 4, scanRows: 5 });
    expect(head).toEqual({ ids: [], hasMore: true, resumeAt: newestFirst()[4] });
    const last = pageRequestIds(db, filters, { before: ids[3], limit: 4, scanRows: 5 });
    expect(last).toEqual({ ids: [], hasMore: false });
  });

  it("counts a directory's stretch on its own entries", () => {
    const inA = newestFirst().filter((_, i) => i % 2 === 1);
    const page = pageRequestIds(
      db,
      { directoryId: "dir-a", method: "PUT" },
      { limit: 4, scanRows: 5 },
    );
    expect(page).toEqual({ ids: [], hasMore: true, resumeAt: inA[4] });
  });
});

describe("pageRequestSummaries", () => {
  it("counts every resource a request touched, for a Bulk request's summary", () => {
    const touched = (n: number) =>
      JSON.stringify(
        Array.from({ length: n }, (_, i) => ({ type: "User", id: `u${i}`, label: `u${i}` })),
      );
    const [bulk, single] = insertEntries(db, [
      { atMs: START_MS + 98 * 60_000, path: "/scim/v2/Bulk", resources: touched(40) },
      { atMs: START_MS + 99 * 60_000, resources: touched(1) },
    ]);
    const { items } = pageRequestSummaries(db, {}, { limit: 3 });
    expect(items.map((item) => [item.id, item.resourceCount])).toEqual([
      [single, 1],
      [bulk, 40],
      [newestFirst()[0], 0],
    ]);
  });
});
