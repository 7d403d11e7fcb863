import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { createDirectory } from "@/lib/directories/directories";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import type { Db } from "./client";
import { compareSortValues, sortTerms, withOpaqueLimits } from "./dialect";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Dialect", provider: "generic" }).directory.id;
  seedDirectory(db, directoryId, { users: 40, groups: 3 });
});

afterAll(() => close());

describe("withOpaqueLimits", () => {
  it("casts the parameters drizzle writes for limit and offset", () => {
    const query = db
      .select({ id: users.id })
      .from(users)
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .toSQL();
    expect(query.sql).toMatch(/ limit \? offset \?$/);
    expect(withOpaqueLimits(query.sql)).toMatch(
      / limit cast\(\? as integer\) offset cast\(\? as integer\)$/,
    );
  });

  it("leaves statements without parameter limits alone", () => {
    const source = 'select "limit" from t where x = ? limit 5';
    expect(withOpaqueLimits(source)).toBe(source);
  });

  it.each([
    [5, 0],
    [5, 37],
    [-1, 10],
    [0, 0],
    [100, 1000],
  ])("pages exactly as a bare parameter does: limit %i offset %i", (limit, offset) => {
    const bare = "SELECT id FROM users ORDER BY created_at, id LIMIT ? OFFSET ?";
    // The app's connection rewrites every statement; a plain one runs the bare text.
    const plain = new Database(db.$client.name, { readonly: true });
    const expected = plain.prepare(bare).pluck().all(limit, offset);
    plain.close();
    expect(db.$client.prepare(bare).source).toContain("cast(? as integer)");
    expect(db.$client.prepare(bare).pluck().all(limit, offset)).toEqual(expected);
  });
});

describe("measurePlannerStatistics", () => {
  it("keeps measured row counts and drops stat4 samples", () => {
    const stat1 = db.$client
      .prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'users_user_name'")
      .pluck()
      .get() as string;
    expect(stat1.split(" ")[0]).toBe("40");
    const samples = db.$client.prepare("SELECT count(*) FROM sqlite_stat4").pluck().get();
    expect(samples).toBe(0);
  });
});

describe("compareSortValues", () => {
  const values: unknown[] = [
    "b",
    null,
    3,
    "B",
    Buffer.from([0, 2]),
    -1,
    "\u{1F600}",
    2.5,
    "",
    "\uE000",
    "ab",
    10,
    "\u00E9",
    Buffer.from([1]),
    "a",
    "\uFFFD",
  ];

  it.each([false, true])("orders values as sortTerms does in SQL (descending: %s)", (desc) => {
    db.$client.exec("CREATE TEMP TABLE IF NOT EXISTS sort_values (v)");
    db.$client.exec("DELETE FROM sort_values");
    const insert = db.$client.prepare("INSERT INTO sort_values (v) VALUES (?)");
    for (const value of values) insert.run(value);
    const order = sql.join(sortTerms(sql.raw("v"), desc), sql`, `);
    const fromSql = db
      .all<{ v: unknown }>(sql`SELECT v FROM sort_values ORDER BY ${order}`)
      .map((row) => row.v);

    expect([...values].sort((a, b) => compareSortValues(a, b, desc))).toEqual(fromSql);
  });
});
