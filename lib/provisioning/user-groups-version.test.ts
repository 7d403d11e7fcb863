import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { getGroup } from "./group-reads";
import { createGroup, deleteGroup, patchGroup, replaceGroup } from "./group-writes";
import { getUser, listUsers } from "./user-reads";
import { createUser, patchUser } from "./user-writes";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Acme", provider: "entra" }).directory.id;
});

afterAll(() => close());

const versionOf = (id: string) => getUser(db, directoryId, id).stored.version;
const modifiedOf = (id: string) => getUser(db, directoryId, id).stored.lastModified;
const patch = (groupId: string, Operations: unknown[]) =>
  patchGroup(db, directoryId, groupId, { schemas: [PATCH], Operations });

async function newUser(userName: string) {
  return (await createUser(db, directoryId, { userName })).stored.id;
}

describe("a user's version follows its groups", () => {
  it("moves on when the user joins a group, and on nothing else of the group", async () => {
    const ada = await newUser("ada@example.com");
    const before = { version: versionOf(ada), modified: modifiedOf(ada) };
    const group = createGroup(db, directoryId, { displayName: "Engineering" }).stored.id;
    expect(versionOf(ada)).toBe(before.version);

    patch(group, [{ op: "add", path: "members", value: [{ value: ada }] }]);
    expect(versionOf(ada)).toBe(before.version + 1);
    // lastModified stays the user's own attributes' (see migration 0009).
    expect(modifiedOf(ada)).toBe(before.modified);

    // Adding an existing member is a no-op, and so is a change to the group's other attributes.
    patch(group, [{ op: "add", path: "members", value: [{ value: ada }] }]);
    patch(group, [{ op: "replace", path: "externalId", value: "eng" }]);
    expect(versionOf(ada)).toBe(before.version + 1);
  });

  it("moves on when the user leaves, by PATCH, by PUT and by the group's deletion", async () => {
    const alan = await newUser("alan@example.com");
    const grace = await newUser("grace@example.com");
    const members = [{ value: alan }, { value: grace }];
    const group = createGroup(db, directoryId, { displayName: "Ops", members }).stored.id;
    const [alanAt, graceAt] = [versionOf(alan), versionOf(grace)];

    patch(group, [{ op: "remove", path: `members[value eq "${alan}"]` }]);
    expect(versionOf(alan)).toBe(alanAt + 1);
    expect(versionOf(grace)).toBe(graceAt);

    // A PUT that keeps grace leaves her alone; one that drops her moves her on.
    replaceGroup(db, directoryId, group, { displayName: "Ops", members: [{ value: grace }] });
    expect(versionOf(grace)).toBe(graceAt);
    replaceGroup(db, directoryId, group, { displayName: "Ops", members: [] });
    expect(versionOf(grace)).toBe(graceAt + 1);

    patch(group, [{ op: "add", path: "members", value: [{ value: grace }] }]);
    deleteGroup(db, directoryId, group);
    expect(versionOf(grace)).toBe(graceAt + 3);
    expect(getUser(db, directoryId, grace).refs).toEqual([]);
  });

  it("moves on when one of the user's groups is renamed, not when it keeps its name", async () => {
    const linus = await newUser("linus@example.com");
    const members = [{ value: linus }];
    const group = createGroup(db, directoryId, { displayName: "Kernel", members }).stored.id;
    const at = versionOf(linus);

    patch(group, [{ op: "replace", path: "displayName", value: "Kernel" }]);
    expect(versionOf(linus)).toBe(at);
    patch(group, [{ op: "replace", path: "displayName", value: "Kernel Team" }]);
    expect(versionOf(linus)).toBe(at + 1);
    expect(getUser(db, directoryId, linus).refs?.map((ref) => ref.display)).toEqual([
      "Kernel Team",
    ]);
  });

  it("is left alone by a refused membership change", async () => {
    const barbara = await newUser("barbara@example.com");
    const group = createGroup(db, directoryId, { displayName: "Research" }).stored.id;
    const at = versionOf(barbara);
    const unknown = "00000000-0000-7000-8000-000000000000";

    expect(() =>
      patch(group, [
        { op: "add", path: "members", value: [{ value: barbara }, { value: unknown }] },
      ]),
    ).toThrow(/Members must be users or groups of this directory/);
    expect(versionOf(barbara)).toBe(at);
  });
});

describe("a group's version follows its members' display names", () => {
  const groupVersion = (id: string) => getGroup(db, directoryId, id).stored.version;
  const patchOf = (id: string, path: string, value: string) =>
    patchUser(db, directoryId, id, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path, value }],
    });

  it("moves on when a member user is renamed, not when its other attributes change", async () => {
    const edsger = await newUser("edsger@example.com");
    const members = [{ value: edsger }];
    const group = createGroup(db, directoryId, { displayName: "Structured", members }).stored.id;
    const at = groupVersion(group);

    patchOf(edsger, "title", "Professor");
    expect(groupVersion(group)).toBe(at);
    patchOf(edsger, "displayName", "Edsger W. Dijkstra");
    expect(groupVersion(group)).toBe(at + 1);
    const [member] = getGroup(db, directoryId, group).refs ?? [];
    expect(member?.display).toBe("Edsger W. Dijkstra");
  });

  it("moves on when a member group is renamed", () => {
    const inner = createGroup(db, directoryId, { displayName: "Inner" }).stored.id;
    const members = [{ value: inner }];
    const outer = createGroup(db, directoryId, { displayName: "Outer", members }).stored.id;
    const at = groupVersion(outer);

    patch(inner, [{ op: "replace", path: "displayName", value: "Inner Circle" }]);
    expect(groupVersion(outer)).toBe(at + 1);
  });
});

describe("seeded users", () => {
  it("start at version 1 with their groups", () => {
    const seeded = createDirectory(db, { name: "Seeded", provider: "okta" }).directory.id;
    seedDirectory(db, seeded, { users: 30, groups: 3 });
    const page = listUsers(db, seeded, parseListQuery(new URLSearchParams("count=30")));
    expect(page.items).toHaveLength(30);
    expect(page.items.every((item) => (item.refs ?? []).length > 0)).toBe(true);
    expect(new Set(page.items.map((item) => item.stored.version))).toEqual(new Set([1]));
  });
});
