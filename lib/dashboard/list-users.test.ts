import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { createUser } from "@/lib/provisioning/user-writes";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { insertEntries, openTestDb } from "@/lib/sync-log/test-log-db";
import { changeStamp } from "./change-stamp";
import { listUsers } from "./list-users";

let db: Db;
let close: () => void;
let acme: string;
let globex: string;

beforeAll(async () => {
  ({ db, close } = openTestDb());
  acme = createDirectory(db, { name: "Acme", provider: "okta" }).directory.id;
  globex = createDirectory(db, { name: "Globex", provider: "entra" }).directory.id;
  seedDirectory(db, acme, { users: 60, groups: 3 });
  await createUser(db, globex, { userName: "hank@globex.example", active: false });
  await createUser(db, globex, { userName: "frank@globex.example" });
});

afterAll(() => close());

/** The users a filter selects, counted row by row. */
function counted(directoryId: string | undefined, active: boolean | undefined): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM users
    WHERE (${directoryId ?? null} IS NULL OR directory_id = ${directoryId ?? null})
      AND (${active === undefined ? null : Number(active)} IS NULL
        OR active = ${active === undefined ? null : Number(active)})`).n;
}

describe("listUsers", () => {
  it("totals every directory and status filter as counting the rows would", () => {
    for (const directory of [undefined, acme, globex]) {
      for (const active of [undefined, true, false]) {
        const input = { directory, active: active === undefined ? undefined : String(active) };
        expect(listUsers(db, input).total, JSON.stringify(input)).toBe(counted(directory, active));
      }
    }
    expect(counted(acme, false)).toBeGreaterThan(0);
  });

  it("totals a search by its matches, and one that matches nothing as none", () => {
    expect(listUsers(db, { q: "globex" }).total).toBe(2);
    expect(
      listUsers(db, { q: "globex", active: "false" }).items.map((user) => user.userName),
    ).toEqual(["hank@globex.example"]);
    expect(listUsers(db, { q: "no such person" })).toMatchObject({ total: 0, items: [] });
    expect(listUsers(db, { q: "globex", page: "9" }).total).toBe(2);
  });
});

describe("changeStamp", () => {
  it("moves when a user is created, changed or deleted, and stays put otherwise", async () => {
    const first = changeStamp(db);
    expect(changeStamp(db)).toEqual(first);

    const created = await createUser(db, globex, { userName: "new@globex.example" });
    const afterCreate = changeStamp(db);
    expect(afterCreate.users).not.toBe(first.users);
    expect(afterCreate.groups).toBe(first.groups);

    db.run(sql`UPDATE users SET last_modified = '2999-01-01T00:00:00.000Z'
      WHERE id = ${created.stored.id}`);
    const afterChange = changeStamp(db);
    expect(afterChange.users).not.toBe(afterCreate.users);

    db.run(sql`DELETE FROM users WHERE user_name = 'hank@globex.example'`);
    expect(changeStamp(db).users).not.toBe(afterChange.users);
  });

  it("moves its requests part with each new sync-log entry, and only that part", () => {
    const before = changeStamp(db);
    const [entry] = insertEntries(db, [{ atMs: Date.now(), method: "GET", status: 401 }]);
    const after = changeStamp(db);
    expect(after).toEqual({ ...before, requests: entry });
  });
});
