import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createDirectory } from "@/lib/directories/directories";
import { createUser } from "@/lib/provisioning/user-writes";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { seedDirectory } from "./seed-directory";

let db: Db;
let close: () => void;

beforeAll(() => ({ db, close } = openTestDb()));
afterAll(() => close());

const newDirectory = (name: string) =>
  createDirectory(db, { name, provider: "generic" }).directory.id;

function held(directoryId: string) {
  const count = (table: string) =>
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM ${sql.raw(table)} WHERE directory_id = ${directoryId}`,
    ).n;
  return { users: count("users"), groups: count("groups") };
}

describe("seedDirectory", () => {
  it("adds more people and groups when the directory is seeded again", () => {
    const directoryId = newDirectory("Twice");
    seedDirectory(db, directoryId, { users: 25, groups: 3 });
    const again = seedDirectory(db, directoryId, { users: 25, groups: 3 });

    expect(again).toMatchObject({ users: 25, groups: 3 });
    expect(held(directoryId)).toEqual({ users: 50, groups: 6 });
    const names = db
      .select({ userName: users.userName })
      .from(users)
      .where(eq(users.directoryId, directoryId))
      .all();
    expect(new Set(names.map((row) => row.userName)).size).toBe(50);
  });

  it("refuses, adding nothing, when a name it would give is taken", async () => {
    // A directory in the same state draws the same people: one user, then a seed of five.
    const probe = newDirectory("Probe");
    await createUser(db, probe, { userName: "first@example.com" });
    seedDirectory(db, probe, { users: 5, groups: 1 });
    const seededName = db
      .select({ userName: users.userName })
      .from(users)
      .where(eq(users.directoryId, probe))
      .all()
      .map((row) => row.userName)
      .find((name) => name !== "first@example.com");
    const directoryId = newDirectory("Taken");
    await createUser(db, directoryId, { userName: seededName });

    expect(() => seedDirectory(db, directoryId, { users: 5, groups: 1 })).toThrow(
      /already has a name the seed would give; nothing was added/,
    );
    expect(held(directoryId)).toEqual({ users: 1, groups: 0 });
  });

  it("names a directory that does not exist", () => {
    expect(() => seedDirectory(db, "missing", { users: 1, groups: 1 })).toThrow(
      "No directory with id missing",
    );
  });
});
