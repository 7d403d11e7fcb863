import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { groups, users } from "@/db/schema";
import { createDirectory } from "@/lib/directories/directories";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { listLog } from "./list-log";
import { insertEntries, openTestDb } from "./test-log-db";

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
});

afterEach(() => close());

describe("listLog", () => {
  it("says which resources of the page still exist, so gone ones are not linked", () => {
    const directoryId = createDirectory(db, { name: "Acme", provider: "okta" }).directory.id;
    seedDirectory(db, directoryId, { users: 1, groups: 1 });
    const userId = db.select({ id: users.id }).from(users).get()?.id ?? "";
    const groupId = db.select({ id: groups.id }).from(groups).get()?.id ?? "";
    const atMs = Date.parse("2026-12-01T00:00:00Z");
    insertEntries(db, [
      { atMs, directoryId, resourceType: "User", resourceId: userId, resourceLabel: "ada" },
      { atMs: atMs + 1, directoryId, resourceType: "User", resourceId: "gone-user" },
      { atMs: atMs + 2, directoryId, resourceType: "Group", resourceId: groupId },
      { atMs: atMs + 3, directoryId, resourceType: "Group", resourceId: "gone-group" },
      { atMs: atMs + 4, directoryId },
    ]);

    const page = listLog(db, {});

    expect(page.items.map((item) => [item.resourceId, item.resourceExists])).toEqual([
      [null, false],
      ["gone-group", false],
      [groupId, true],
      ["gone-user", false],
      [userId, true],
    ]);
  });
});
