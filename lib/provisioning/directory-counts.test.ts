import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directories, users } from "@/db/schema";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import type { ResourceKind } from "@/lib/scim/schemas";
import { PATCH_OP } from "@/lib/scim/urns";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { createGroup, deleteGroup } from "./group-writes";
import { listRows } from "./list-resources";
import { userColumns } from "./user-rows";
import { createUser, deleteUser, patchUser, replaceUser } from "./user-writes";

let db: Db;
let close: () => void;
let seeded: string;
let other: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  seeded = createDirectory(db, { name: "Seeded", provider: "okta" }).directory.id;
  other = createDirectory(db, { name: "Other", provider: "entra" }).directory.id;
  seedDirectory(db, seeded, { users: 120, groups: 7 });
});

afterAll(() => close());

const TABLE = { User: "users", Group: "groups" } as const;

/** The rows the directory really holds, counted the slow way. */
function counted(kind: ResourceKind, directoryId: string): number {
  const table = sql.raw(TABLE[kind]);
  return db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM ${table} WHERE directory_id = ${directoryId}`,
  ).n;
}

/** totalResults of an unfiltered page that is not the last, the case the running count answers. */
function listedTotal(kind: ResourceKind, directoryId: string): number {
  const query = parseListQuery(new URLSearchParams("count=1"));
  return listRows(db, kind, directoryId, query).totalResults;
}

/** A directory's running count of inactive users, beside the count of its rows. */
function inactive(directoryId: string) {
  const stored = db
    .select({ n: directories.inactiveUserCount })
    .from(directories)
    .where(eq(directories.id, directoryId))
    .get();
  const rows = db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM users WHERE directory_id = ${directoryId} AND active = 0`,
  );
  return { stored: stored?.n, counted: rows.n };
}

const setActive = (value: boolean) => ({
  schemas: [PATCH_OP],
  Operations: [{ op: "replace", path: "active", value }],
});

function expectTotals(directoryId: string) {
  for (const kind of ["User", "Group"] as const) {
    expect(listedTotal(kind, directoryId), `${kind} total`).toBe(counted(kind, directoryId));
  }
}

describe("directory running counts", () => {
  it("count what the seed inserts", () => {
    expect(counted("User", seeded)).toBe(120);
    expectTotals(seeded);
    const { stored, counted: rows } = inactive(seeded);
    expect(rows).toBeGreaterThan(0);
    expect(stored).toBe(rows);
  });

  it("count inactive users through creates, deactivations, PUTs and deletes", async () => {
    const dir = createDirectory(db, { name: "Leavers", provider: "okta" }).directory.id;
    const grace = await createUser(db, dir, { userName: "grace@example.com", active: false });
    const linus = await createUser(db, dir, { userName: "linus@example.com" });
    expect(inactive(dir)).toEqual({ stored: 1, counted: 1 });

    patchUser(db, dir, linus.stored.id, setActive(false));
    expect(inactive(dir)).toEqual({ stored: 2, counted: 2 });
    patchUser(db, dir, linus.stored.id, setActive(false));
    await replaceUser(db, dir, grace.stored.id, { userName: "grace@example.com", active: true });
    expect(inactive(dir)).toEqual({ stored: 1, counted: 1 });

    deleteUser(db, dir, linus.stored.id);
    expect(inactive(dir)).toEqual({ stored: 0, counted: 0 });
    expect(inactive(seeded).stored).toBe(inactive(seeded).counted);
  });

  it("follow creates and deletes, in their own directory only", async () => {
    const ada = await createUser(db, other, { userName: "ada@example.com" });
    const alan = await createUser(db, other, { userName: "alan@example.com" });
    const group = createGroup(db, other, {
      displayName: "Engineers",
      members: [{ value: ada.stored.id }],
    });
    expectTotals(other);
    expect(listedTotal("User", other)).toBe(2);
    deleteUser(db, other, alan.stored.id);
    deleteGroup(db, other, group.stored.id);
    expectTotals(other);
    expect(listedTotal("User", other)).toBe(1);
    expect(listedTotal("Group", other)).toBe(0);
    expectTotals(seeded);
  });

  it("do not move when a write is refused and rolled back", async () => {
    const before = listedTotal("User", other);
    await expect(createUser(db, other, { userName: "ADA@example.com" })).rejects.toMatchObject({
      status: 409,
    });
    expect(listedTotal("User", other)).toBe(before);
    expectTotals(other);
  });

  it("do not move when a savepoint that inserted a user is rolled back", () => {
    const before = listedTotal("User", other);
    db.transaction(() => {
      expect(() =>
        db.transaction(() => {
          db.insert(users)
            .values({
              id: "rolled-back",
              directoryId: other,
              ...userColumns({ userName: "undone@example.com" }),
              createdAt: "2026-01-01T00:00:00.000Z",
              lastModified: "2026-01-01T00:00:00.000Z",
              version: 1,
            })
            .run();
          expect(listedTotal("User", other)).toBe(before + 1);
          throw new Error("undo");
        }),
      ).toThrow("undo");
    });
    expect(listedTotal("User", other)).toBe(before);
    expectTotals(other);
  });

  it("are left alone in other directories when a directory is deleted with its users", () => {
    const doomed = createDirectory(db, { name: "Doomed", provider: "generic" }).directory.id;
    seedDirectory(db, doomed, { users: 5, groups: 2 });
    db.delete(directories).where(eq(directories.id, doomed)).run();
    expect(counted("User", doomed)).toBe(0);
    expectTotals(seeded);
    expectTotals(other);
  });

  it("answer unfiltered lists, while a filter still counts its matches", () => {
    const stored = db
      .select({ userCount: directories.userCount })
      .from(directories)
      .where(eq(directories.id, seeded))
      .get();
    // Skewed on purpose, to show which figure each list reports.
    db.update(directories).set({ userCount: 9_999 }).where(eq(directories.id, seeded)).run();
    try {
      expect(listedTotal("User", seeded)).toBe(9_999);
      const filtered = parseListQuery(new URLSearchParams("count=1&filter=userName pr"));
      expect(listRows(db, "User", seeded, filtered).totalResults).toBe(120);
    } finally {
      db.update(directories)
        .set({ userCount: stored?.userCount })
        .where(eq(directories.id, seeded))
        .run();
    }
  });
});
