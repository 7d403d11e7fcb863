import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { tokens } from "@/db/schema";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { createDirectory } from "./directories";
import { authenticate } from "./tokens";

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
  vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-12-04T12:00:00Z") });
});

afterEach(() => {
  vi.useRealTimers();
  close();
});

const lastUsedOf = (id: string) =>
  db.select({ at: tokens.lastUsedAt }).from(tokens).where(eq(tokens.id, id)).get()?.at;

describe("authenticate", () => {
  it("records the token's use at most once a minute", () => {
    const { token } = createDirectory(db, { name: "Acme", provider: "okta" });
    const tokenId = authenticate(db, token)?.tokenId ?? "";
    expect(lastUsedOf(tokenId)).toBe("2026-12-04T12:00:00.000Z");

    vi.setSystemTime(Date.parse("2026-12-04T12:00:30Z"));
    authenticate(db, token);
    expect(lastUsedOf(tokenId)).toBe("2026-12-04T12:00:00.000Z");

    vi.setSystemTime(Date.parse("2026-12-04T12:01:01Z"));
    authenticate(db, token);
    expect(lastUsedOf(tokenId)).toBe("2026-12-04T12:01:01.000Z");
  });

  it("does not wait for a write lock another connection holds, and records the use later", () => {
    const { token } = createDirectory(db, { name: "Acme", provider: "entra" });
    const other = new Database(db.$client.name);
    other.exec("BEGIN IMMEDIATE");

    let tokenId = "";
    let elapsedMs = Infinity;
    try {
      const startedMs = performance.now();
      tokenId = authenticate(db, token)?.tokenId ?? "";
      elapsedMs = performance.now() - startedMs;
    } finally {
      other.exec("COMMIT");
      other.close();
    }

    expect(tokenId).not.toBe("");
    // Well under the 5 s busy timeout, which the request must not wait out.
    expect(elapsedMs).toBeLessThan(1_000);
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5_000);
    expect(lastUsedOf(tokenId)).toBeNull();
    vi.setSystemTime(Date.parse("2026-12-04T12:00:04Z"));
    authenticate(db, token);
    expect(lastUsedOf(tokenId)).toBeNull();
    vi.setSystemTime(Date.parse("2026-12-04T12:00:05Z"));
    authenticate(db, token);
    expect(lastUsedOf(tokenId)).toBe("2026-12-04T12:00:05.000Z");
  });
});
