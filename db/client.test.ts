import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { writeUnlessLocked, type Db } from "./client";

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
  db.$client.exec("CREATE TABLE item (id TEXT PRIMARY KEY)");
});

afterEach(() => close());

const add = (id: string) => db.$client.prepare("INSERT INTO item (id) VALUES (?)").run(id);
const ids = () => db.$client.prepare("SELECT id FROM item ORDER BY id").pluck().all();

describe("openDb's shared transaction handle", () => {
  it("commits what the callback wrote and returns its result", () => {
    const result = db.transaction(() => {
      add("a");
      return "done";
    });

    expect(result).toBe("done");
    expect(ids()).toEqual(["a"]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("rolls back a failing callback, and a failing nested one alone", () => {
    expect(() =>
      db.transaction(() => {
        add("a");
        throw new Error("refused");
      }),
    ).toThrow("refused");
    db.transaction((tx) => {
      add("b");
      expect(() =>
        tx.transaction(() => {
          add("c");
          throw new Error("nested");
        }),
      ).toThrow("nested");
    });
    expect(() => db.transaction((tx) => (add("d"), tx.rollback()))).toThrow();

    expect(ids()).toEqual(["b"]);
  });

  it("takes the write lock at once with behavior immediate", () => {
    const other = new Database(db.$client.name, { timeout: 0 });
    try {
      db.transaction(
        () => {
          expect(() => other.prepare("INSERT INTO item (id) VALUES ('x')").run()).toThrow(
            /locked|busy/i,
          );
        },
        { behavior: "immediate" },
      );
      db.transaction(() => {
        expect(() => other.prepare("INSERT INTO item (id) VALUES ('y')").run()).not.toThrow();
      });
    } finally {
      other.close();
    }
    expect(ids()).toEqual(["y"]);
  });
});

describe("writeUnlessLocked", () => {
  const busyTimeout = () => db.$client.pragma("busy_timeout", { simple: true });

  it("writes when the lock is free, and skips at once while another connection holds it", () => {
    const other = new Database(db.$client.name);
    expect(writeUnlessLocked(db, () => add("free"))).toBe(true);
    other.exec("BEGIN IMMEDIATE");
    try {
      const startedMs = performance.now();
      expect(writeUnlessLocked(db, () => add("locked"))).toBe(false);
      // Well under the connection's 5 s busy timeout, which a skipped write must not wait out.
      expect(performance.now() - startedMs).toBeLessThan(1_000);
    } finally {
      other.exec("COMMIT");
      other.close();
    }

    expect(ids()).toEqual(["free"]);
  });

  it("puts back the connection's own busy timeout, also after a failed write", () => {
    db.$client.pragma("busy_timeout = 250");
    writeUnlessLocked(db, () => add("a"));
    expect(busyTimeout()).toBe(250);

    expect(() => writeUnlessLocked(db, () => add("a"))).toThrow(/UNIQUE/);
    expect(busyTimeout()).toBe(250);
  });
});
