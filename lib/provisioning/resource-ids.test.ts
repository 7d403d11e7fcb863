import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { createGroup } from "./group-writes";
import { createUser } from "./user-writes";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Ids", provider: "generic" }).directory.id;
});

afterAll(() => close());

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Ids that sort in creation order keep each new row's index entries on the B-trees' last pages.
describe("resource ids", () => {
  it("are UUIDv7s in creation order for users and groups, created or seeded", async () => {
    const first = await createUser(db, directoryId, { userName: "first@example.com" });
    const group = createGroup(db, directoryId, { displayName: "Ordered" });
    const second = await createUser(db, directoryId, { userName: "second@example.com" });
    const ids = [first.stored.id, group.stored.id, second.stored.id];

    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect([...ids].sort()).toEqual(ids);

    seedDirectory(db, directoryId, { users: 20, groups: 2 });
    const seeded = db.$client
      .prepare("SELECT id FROM users WHERE directory_id = ? ORDER BY rowid")
      .pluck()
      .all(directoryId) as string[];
    for (const id of seeded) expect(id).toMatch(UUID_V7);
    expect([...seeded].sort()).toEqual(seeded);
  });
});
