import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import type { Db } from "./client";
import { batchedWrite, writesSettled } from "./write-batch";

let db: Db;
let close: () => void;
let other: Database.Database;

beforeEach(() => {
  ({ db, close } = openTestDb());
  db.$client.exec(
    "CREATE TABLE parent (id TEXT PRIMARY KEY);" +
      "CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT REFERENCES parent (id));",
  );
  other = new Database(db.$client.name, { readonly: true });
});

afterEach(() => {
  other.close();
  close();
});

const insert = (id: string) => () =>
  db.transaction(() => db.$client.prepare("INSERT INTO parent (id) VALUES (?)").run(id));
const seenByOther = () => other.prepare("SELECT id FROM parent ORDER BY id").pluck().all();
const commitsSeenByOther = () => other.pragma("data_version", { simple: true }) as number;

describe("batchedWrite", () => {
  it("commits writes of one turn together, and answers none before the commit", async () => {
    const versionBefore = commitsSeenByOther();
    const first = batchedWrite(db.$client, insert("a"));
    const second = batchedWrite(db.$client, insert("b"));

    expect(writesSettled()).toBeDefined();
    expect(seenByOther()).toEqual([]);
    await Promise.all([first, second]);

    expect(seenByOther()).toEqual(["a", "b"]);
    expect(commitsSeenByOther()).toBe(versionBefore + 1);
    expect(db.$client.inTransaction).toBe(false);
    expect(writesSettled()).toBeUndefined();
  });

  it("lets a write of the next turn join, and commits after that turn", async () => {
    const versionBefore = commitsSeenByOther();
    const first = batchedWrite(db.$client, insert("a"));
    const batch = writesSettled();
    await new Promise((resolve) => setImmediate(resolve));
    const second = batchedWrite(db.$client, insert("b"));

    expect(writesSettled()).toBe(batch);
    await Promise.all([first, second]);
    expect(seenByOther()).toEqual(["a", "b"]);
    expect(commitsSeenByOther()).toBe(versionBefore + 1);
  });

  it("rolls back a failing write alone", async () => {
    const kept = batchedWrite(db.$client, insert("kept"));
    const failing = batchedWrite(db.$client, () =>
      db.transaction(() => {
        db.$client.prepare("INSERT INTO parent (id) VALUES ('undone')").run();
        throw new Error("invalid");
      }),
    );

    await expect(failing).rejects.toThrow("invalid");
    await kept;
    expect(seenByOther()).toEqual(["kept"]);
  });

  it("fails every write of the batch, and keeps none, when the COMMIT fails", async () => {
    const first = batchedWrite(db.$client, insert("a"));
    // A deferred foreign key is checked at COMMIT, which then refuses the whole batch.
    const orphan = batchedWrite(db.$client, () => {
      db.$client.pragma("defer_foreign_keys = ON");
      db.$client.prepare("INSERT INTO child (id, parent_id) VALUES ('c', 'missing')").run();
    });

    await expect(first).rejects.toThrow(/FOREIGN KEY/);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
    expect(seenByOther()).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("waits, for a write that awaits part-way, for the batch open when it ends", async () => {
    const slow = batchedWrite(db.$client, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      batchedWrite(db.$client, insert("later")).catch(() => undefined);
      insert("slow")();
    });

    await slow;
    expect(seenByOther()).toEqual(["later", "slow"]);
  });

  it("fails a write that awaits twice when a batch it wrote into in between fails", async () => {
    const spanning = batchedWrite(db.$client, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Another request opens a batch, which this write's next transaction joins.
      const orphan = batchedWrite(db.$client, () => {
        db.$client.pragma("defer_foreign_keys = ON");
        db.$client.prepare("INSERT INTO child (id, parent_id) VALUES ('c', 'missing')").run();
      });
      insert("middle")();
      await orphan.catch(() => undefined);
      // That batch failed and is gone; nothing is open when this write ends.
      expect(writesSettled()).toBeUndefined();
    });

    await expect(spanning).rejects.toThrow(/FOREIGN KEY/);
    expect(seenByOther()).toEqual([]);
  });

  it("is not failed by a batch it did not write into", async () => {
    const unrelated = batchedWrite(db.$client, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Started from inside this write, but a write of its own, in a batch of its own.
      const orphan = batchedWrite(db.$client, () =>
        db.transaction(() => {
          db.$client.pragma("defer_foreign_keys = ON");
          db.$client.prepare("INSERT INTO child (id, parent_id) VALUES ('c', 'missing')").run();
        }),
      );
      await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
      insert("after")();
    });

    await unrelated;
    expect(seenByOther()).toEqual(["after"]);
  });

  it("fails the writes of a batch SQLite rolled back, and commits the ones after it", async () => {
    const lost = batchedWrite(db.$client, () => {
      insert("lost")();
      // What SQLite does itself on a full disk or an I/O error.
      db.$client.exec("ROLLBACK");
    });
    const after = batchedWrite(db.$client, insert("after"));

    await expect(lost).rejects.toThrow(/rolled back/);
    await after;
    expect(seenByOther()).toEqual(["after"]);
  });

  it("answers a failed write with its own error even when the COMMIT fails", async () => {
    const invalid = batchedWrite(db.$client, () => {
      throw new RangeError("its own error");
    });
    const orphan = batchedWrite(db.$client, () => {
      db.$client.pragma("defer_foreign_keys = ON");
      db.$client.prepare("INSERT INTO child (id, parent_id) VALUES ('c', 'missing')").run();
    });

    await expect(invalid).rejects.toThrow(RangeError);
    await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
  });
});
