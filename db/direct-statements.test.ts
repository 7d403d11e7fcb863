import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import type { Db } from "./client";
import { directSelect, preparedInsert, preparedSelect, preparedWrite } from "./direct-statements";

let db: Db;
let close: () => void;

const flags = sqliteTable("flag", {
  id: text("id").primaryKey(),
  isOn: integer("is_on", { mode: "boolean" }).notNull(),
  note: text("note"),
  tags: text("tags", { mode: "json" }).$type<string[]>(),
});
const insertFlag = preparedInsert(flags);
const flagRows = () => db.$client.prepare("SELECT id, is_on, note FROM flag ORDER BY id").all();

beforeEach(() => {
  ({ db, close } = openTestDb());
  db.$client.exec(
    "CREATE TABLE flag (id TEXT PRIMARY KEY, is_on INTEGER NOT NULL, note TEXT, tags TEXT)",
  );
});

afterEach(() => close());

describe("preparedInsert", () => {
  it("binds each column through its own mapping, on the database and inside a transaction", () => {
    insertFlag(db).run({ id: "a", isOn: true, note: "first", tags: null });
    db.transaction((tx) => insertFlag(tx).run({ id: "b", isOn: false, note: null, tags: null }));

    expect(flagRows()).toEqual([
      { id: "a", is_on: 1, note: "first" },
      { id: "b", is_on: 0, note: null },
    ]);
  });

  it("prepares on the one connection when first used inside a nested transaction", () => {
    const row = { isOn: true, note: null, tags: null };
    db.transaction((tx) => tx.transaction((nested) => insertFlag(nested).run({ id: "n", ...row })));
    insertFlag(db).run({ id: "o", ...row, isOn: false, note: "outside" });

    expect(flagRows()).toEqual([
      { id: "n", is_on: 1, note: null },
      { id: "o", is_on: 0, note: "outside" },
    ]);
  });

  it("refuses a row that leaves a column out, and writes nothing", () => {
    const partial = { id: "c", isOn: true } as unknown as typeof flags.$inferInsert;

    expect(() => insertFlag(db).run(partial)).toThrow('No value for "note"');
    expect(flagRows()).toEqual([]);
  });
});

describe("preparedSelect", () => {
  const noted = sql<number>`length(${flags.note})`.mapWith(Number);
  const selection = { id: flags.id, isOn: flags.isOn, tags: flags.tags, noteLength: noted };
  const selectFlag = preparedSelect(selection, (handle, fields) =>
    handle
      .select(fields)
      .from(flags)
      .where(eq(flags.id, sql.placeholder("id"))),
  );

  beforeEach(() => {
    insertFlag(db).run({ id: "a", isOn: true, note: "four", tags: ["x", "y"] });
    insertFlag(db).run({ id: "b", isOn: false, note: null, tags: null });
  });

  it("decodes rows as drizzle's own query does, nulls included", () => {
    const drizzled = (id: string) => db.select(selection).from(flags).where(eq(flags.id, id)).get();

    expect(selectFlag(db).get({ id: "a" })).toEqual({
      id: "a",
      isOn: true,
      tags: ["x", "y"],
      noteLength: 4,
    });
    expect(selectFlag(db).get({ id: "b" })).toEqual(drizzled("b"));
    expect(selectFlag(db).get({ id: "a" })).toEqual(drizzled("a"));
    expect(selectFlag(db).get({ id: "none" })).toBeUndefined();
  });

  it("binds placeholders by name beside constants, and refuses a missing one", () => {
    const fields = { id: flags.id };
    const query = db
      .select(fields)
      .from(flags)
      .where(sql`${flags.isOn} = ${sql.placeholder("isOn")} AND ${flags.id} <> ${"z"}`)
      .orderBy(flags.id);
    const select = directSelect(db, fields, query);

    expect(select.all({ isOn: 1 })).toEqual([{ id: "a" }]);
    expect(select.all({ isOn: 0 })).toEqual([{ id: "b" }]);
    expect(() => select.all({})).toThrow('No value for "isOn"');
  });

  it("leaves the shared statement usable by drizzle's own queries of the same SQL", () => {
    const ids = { id: flags.id };
    const query = () =>
      db
        .select(ids)
        .from(flags)
        .where(eq(flags.id, sql.placeholder("id")));
    directSelect(db, ids, query()).get({ id: "a" });

    expect(db.$client.prepare(query().toSQL().sql).get("a")).toEqual({ id: "a" });
  });
});

describe("preparedWrite", () => {
  it("runs a prepared UPDATE with each value encoded by its column", () => {
    insertFlag(db).run({ id: "a", isOn: true, note: null, tags: null });
    const values = Object.fromEntries(["isOn", "note"].map((key) => [key, sql.placeholder(key)]));
    const update = preparedWrite((handle) =>
      handle
        .update(flags)
        .set(values)
        .where(eq(flags.id, sql.placeholder("id"))),
    );

    const result = update(db).run({ id: "a", isOn: false, note: "changed" });

    expect(result.changes).toBe(1);
    expect(flagRows()).toEqual([{ id: "a", is_on: 0, note: "changed" }]);
  });
});
