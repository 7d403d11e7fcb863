import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { syncEvents } from "@/db/schema";
import { exportLog } from "./export-log";
import { insertEntries, openTestDb } from "./test-log-db";

const START_MS = Date.parse("2026-11-01T00:00:00.000Z");

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
});

afterEach(() => close());

describe("exportLog", () => {
  it("writes RFC 4180 CSV: a header, CRLF lines, quoted commas, quotes and newlines", async () => {
    insertEntries(db, [
      { atMs: START_MS, resourceLabel: 'Ada "the first", Lovelace', userAgent: "line\nbreak" },
    ]);
    const response = exportLog(db, { format: "csv" });
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toMatch(/^time,id,directory_id,directory,token,method,path/);
    expect(text).toContain('"Ada ""the first"", Lovelace"');
    const [header, row] = parse(text) as string[][];
    expect(row?.[header?.indexOf("resource") ?? -1]).toBe('Ada "the first", Lovelace');
    expect(row?.[header?.indexOf("user_agent") ?? -1]).toBe("line\nbreak");
  });

  it("neutralises cells a spreadsheet would run as a formula", async () => {
    insertEntries(db, [
      { atMs: START_MS, resourceLabel: '=HYPERLINK("http://evil")', userAgent: "@SUM(A1)" },
      { atMs: START_MS + 1, resourceLabel: "+1+2", userAgent: "-2+3" },
    ]);
    const [header, ...rows] = parse(await exportLog(db, { format: "csv" }).text()) as string[][];
    const cells = (name: string) => rows.map((row) => row[header?.indexOf(name) ?? -1]);
    expect(cells("resource")).toEqual(["'+1+2", '\'=HYPERLINK("http://evil")']);
    expect(cells("user_agent")).toEqual(["'-2+3", "'@SUM(A1)"]);
    expect(cells("duration_ms")).toEqual(["3", "3"]);
  });

  it("goes on past the stretch a text search reads at a time, to the oldest match", async () => {
    const [needle] = insertEntries(db, [{ atMs: START_MS, resourceLabel: "needle@example.com" }]);
    db.transaction(() => {
      for (let chunk = 0; chunk < 11; chunk += 1) {
        const atMs = START_MS + 1 + chunk * 1_000;
        insertEntries(
          db,
          Array.from({ length: 1_000 }, (_, i) => ({ atMs: atMs + i })),
        );
      }
    });
    const text = await exportLog(db, { format: "ndjson", q: "needle" }).text();
    const lines = text.trimEnd().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([needle]);
  });

  it("streams every matching entry past the first batch, newest first, and no other", async () => {
    const ids = insertEntries(
      db,
      Array.from({ length: 1_203 }, (_, i) => ({
        atMs: START_MS + i,
        status: i % 3 === 0 ? 404 : 200,
      })),
    );
    const lines = (await exportLog(db, { format: "ndjson", status: "4xx" }).text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; status: number });
    const expected = ids.filter((_, i) => i % 3 === 0).reverse();
    expect(lines.map((line) => line.id)).toEqual(expected);
    expect(lines.every((line) => line.status === 404)).toBe(true);
  });

  it("writes NDJSON entries with parsed bodies, headers and the events they produced", async () => {
    const [id] = insertEntries(db, [
      {
        atMs: START_MS,
        method: "PATCH",
        headers: JSON.stringify({ "content-type": "application/scim+json" }),
        requestBody: JSON.stringify({ Operations: [{ op: "Replace" }] }),
        responseBody: "not json",
        quirks: JSON.stringify(["capitalised-op"]),
      },
    ]);
    db.insert(syncEvents)
      .values({
        id: "event-1",
        requestId: id ?? "",
        createdAt: new Date(START_MS).toISOString(),
        directoryId: "dir",
        type: "user.updated",
        resourceType: "User",
        resourceId: "user-1",
        detail: JSON.stringify({ changes: [{ attribute: "title", before: "A", after: "B" }] }),
      })
      .run();
    const response = exportLog(db, { format: "ndjson" });
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const entry = JSON.parse(await response.text()) as Record<string, unknown>;
    expect(entry).toMatchObject({
      id,
      method: "PATCH",
      headers: { "content-type": "application/scim+json" },
      requestBody: { Operations: [{ op: "Replace" }] },
      responseBody: "not json",
      quirks: ["capitalised-op"],
      events: [
        {
          type: "user.updated",
          detail: { changes: [{ attribute: "title", before: "A", after: "B" }] },
        },
      ],
    });
  });

  it("answers a header line alone when nothing matches", async () => {
    const text = await exportLog(db, { format: "csv", q: "nothing" }).text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});
