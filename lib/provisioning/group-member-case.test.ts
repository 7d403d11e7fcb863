import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { parseListQuery } from "@/lib/scim/list-query";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { getGroup, listGroups } from "./group-reads";
import { createGroup, patchGroup, replaceGroup } from "./group-writes";
import { createUser } from "./user-writes";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

let db: Db;
let close: () => void;
let directoryId: string;

beforeAll(() => {
  ({ db, close } = openTestDb());
  directoryId = createDirectory(db, { name: "Acme", provider: "generic" }).directory.id;
});

afterAll(() => close());

const patch = (groupId: string, Operations: unknown[]) =>
  patchGroup(db, directoryId, groupId, { schemas: [PATCH], Operations });
const membersOf = (groupId: string) =>
  (getGroup(db, directoryId, groupId).refs ?? []).map((ref) => ({
    value: ref.value,
    display: ref.display,
  }));

async function groupWithMember(name: string) {
  const userId = (await createUser(db, directoryId, { userName: `${name}@example.com` })).stored.id;
  const members = [{ value: userId }];
  const groupId = createGroup(db, directoryId, { displayName: name, members }).stored.id;
  return { userId, groupId, upper: userId.toUpperCase() };
}

describe("patchGroup members, as members.value is caseExact false (RFC 7643 §4.2)", () => {
  it("finds a member named in another case with a filter", async () => {
    const { groupId, upper } = await groupWithMember("filtered");
    const query = parseListQuery(new URLSearchParams({ filter: `members[value eq "${upper}"]` }));

    const ids = listGroups(db, directoryId, query, false).items.map((item) => item.stored.id);

    expect(ids).toEqual([groupId]);
  });

  it("removes a member named in another case by a value filter", async () => {
    const { groupId, upper } = await groupWithMember("removed-by-filter");

    patch(groupId, [{ op: "remove", path: `members[value eq "${upper}"]` }]);

    expect(membersOf(groupId)).toEqual([]);
  });

  it("removes a member named in another case by value", async () => {
    const { groupId, upper } = await groupWithMember("removed-by-value");

    patch(groupId, [{ op: "remove", path: "members", value: [{ value: upper }] }]);

    expect(membersOf(groupId)).toEqual([]);
  });

  it("adds no duplicate when a present member is added in another case", async () => {
    const { groupId, userId, upper } = await groupWithMember("added-again");

    patch(groupId, [{ op: "add", path: "members", value: [{ value: upper }] }]);

    expect(membersOf(groupId)).toEqual([{ value: userId, display: "added-again@example.com" }]);
  });

  it("stores a new member named in another case under its own id", async () => {
    const { userId, upper } = await groupWithMember("new-member");
    const groupId = createGroup(db, directoryId, { displayName: "empty" }).stored.id;

    patch(groupId, [{ op: "add", path: "members", value: [{ value: upper }] }]);

    expect(membersOf(groupId)).toEqual([{ value: userId, display: "new-member@example.com" }]);
  });

  it("keeps a member that a replace names in another case", async () => {
    const { groupId, userId, upper } = await groupWithMember("replaced");

    replaceGroup(db, directoryId, groupId, {
      displayName: "replaced",
      members: [{ value: upper }],
    });

    expect(membersOf(groupId)).toEqual([{ value: userId, display: "replaced@example.com" }]);
  });
});
