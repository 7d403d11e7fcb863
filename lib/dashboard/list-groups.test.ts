import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { createGroup } from "@/lib/provisioning/group-writes";
import { createUser } from "@/lib/provisioning/user-writes";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { listGroups } from "./list-groups";

let db: Db;
let close: () => void;

beforeAll(async () => {
  ({ db, close } = openTestDb());
  const acme = createDirectory(db, { name: "Acme", provider: "okta" }).directory.id;
  const ids: string[] = [];
  for (const name of ["ada", "alan", "grace"]) {
    ids.push((await createUser(db, acme, { userName: `${name}@acme.example` })).stored.id);
  }
  // Created out of name order, each with as many members as its name's digit.
  for (const [displayName, size] of [
    ["Team 2", 2],
    ["Team 0", 0],
    ["Team 3", 3],
    ["Team 1", 1],
  ]) {
    const members = ids.slice(0, Number(size)).map((value) => ({ value }));
    createGroup(db, acme, { displayName, members });
  }
});

afterAll(() => close());

const summary = (input: Record<string, string>) =>
  listGroups(db, input).items.map((group) => `${group.displayName}:${group.memberCount}`);

describe("listGroups", () => {
  it("keeps the page in its order, each group with its own member count", () => {
    expect(summary({})).toEqual(["Team 0:0", "Team 1:1", "Team 2:2", "Team 3:3"]);
    expect(summary({ order: "desc" })).toEqual(["Team 3:3", "Team 2:2", "Team 1:1", "Team 0:0"]);
    expect(summary({ sort: "lastModified", order: "desc" })[0]).toBe("Team 1:1");
    expect(summary({ q: "team 2" })).toEqual(["Team 2:2"]);
    expect(listGroups(db, { page: "2", pageSize: "25" })).toMatchObject({ items: [], total: 4 });
  });
});
