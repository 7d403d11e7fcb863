import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createDirectory } from "@/lib/directories/directories";
import { createGroup, deleteGroup, patchGroup } from "@/lib/provisioning/group-writes";
import { createUser, deleteUser } from "@/lib/provisioning/user-writes";
import { openTestDb } from "@/lib/sync-log/test-log-db";
import { timelineOf } from "./timeline";

const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

let db: Db;
let close: () => void;
let directoryId = "";
let tokenId = "";
const userIds: string[] = [];
let salesId = "";
let supportId = "";

const change = (requestId: string) => ({ change: { requestId, tokenId } });
const patchMembers = (groupId: string, op: "add" | "remove", ids: string[], requestId: string) =>
  patchGroup(
    db,
    directoryId,
    groupId,
    {
      schemas: [PATCH],
      Operations: [{ op, path: "members", value: ids.map((value) => ({ value })) }],
    },
    change(requestId),
  );

beforeAll(async () => {
  ({ db, close } = openTestDb());
  const created = createDirectory(db, { name: "Acme", provider: "okta" });
  directoryId = created.directory.id;
  tokenId = created.tokenInfo.id;
  for (const name of ["carol", "dave", "erin", "frank", "grace", "heidi", "ivan"]) {
    const user = await createUser(
      db,
      directoryId,
      { userName: `${name}@acme.example` },
      change("r-users"),
    );
    userIds.push(user.stored.id);
  }
  const members = userIds.map((value) => ({ value }));
  salesId = createGroup(db, directoryId, { displayName: "Sales", members }, change("r-sales"))
    .stored.id;
  supportId = createGroup(db, directoryId, { displayName: "Support" }, change("r-support")).stored
    .id;
  patchMembers(supportId, "add", [userIds[0] ?? ""], "r-support-add");
  patchMembers(salesId, "remove", [userIds[0] ?? ""], "r-sales-remove");
  deleteUser(db, directoryId, userIds[6] ?? "", change("r-ivan-gone"));
  deleteGroup(db, directoryId, supportId, change("r-support-gone"));
});

afterAll(() => close());

describe("timelineOf", () => {
  it("names the first five members a group change added and counts the rest", () => {
    const added = timelineOf(db, "Group", salesId).find((e) => e.type === "group.member_added");

    expect(added?.members.map((member) => member.label)).toEqual([
      "carol@acme.example",
      "dave@acme.example",
      "erin@acme.example",
      "frank@acme.example",
      "grace@acme.example",
    ]);
    expect(added?.members.every((member) => member.exists && member.type === "User")).toBe(true);
    expect(added?.membersMore).toBe(2);
    expect(added?.detail).toEqual({});
  });

  it("names a member that is gone by the userName its last event recorded", () => {
    patchMembers(salesId, "remove", [userIds[5] ?? ""], "r-heidi-out");
    deleteUser(db, directoryId, userIds[5] ?? "", change("r-heidi-gone"));

    const removed = timelineOf(db, "Group", salesId).find((e) => e.requestId === "r-heidi-out");

    expect(removed?.members).toEqual([
      { type: "User", id: userIds[5], label: "heidi@acme.example", exists: false },
    ]);
  });

  it("lists a user's joining and leaving groups among its own events, newest first", () => {
    const timeline = timelineOf(db, "User", userIds[0] ?? "");

    expect(
      timeline.map((event) => [event.type, event.group?.label ?? null, event.requestId]),
    ).toEqual([
      ["group.member_removed", "Sales", "r-sales-remove"],
      ["group.member_added", "Support", "r-support-add"],
      ["group.member_added", "Sales", "r-sales"],
      ["user.created", null, "r-users"],
    ]);
    expect(timeline[0]).toMatchObject({
      resourceId: salesId,
      tokenName: "default",
      group: { type: "Group", id: salesId, label: "Sales", exists: true },
      members: [],
    });
    expect(timeline[1]?.group).toEqual({
      type: "Group",
      id: supportId,
      label: "Support",
      exists: false,
    });
  });

  it("finds a member's events among a 20,000-member group's without naming them all", () => {
    const many = Array.from(
      { length: 20_000 },
      (_, index) => `0190aaaa-0000-7000-8000-${String(index).padStart(12, "0")}`,
    );
    const big = createGroup(
      db,
      directoryId,
      { displayName: "Everyone", members: [{ value: userIds[1] ?? "" }] },
      change("r-everyone"),
    ).stored.id;
    db.$client
      .prepare(
        "UPDATE sync_events SET detail = ? WHERE request_id = 'r-everyone' AND type = 'group.member_added'",
      )
      .run(JSON.stringify({ memberIds: [userIds[1], ...many] }));

    const added = timelineOf(db, "Group", big).find((e) => e.type === "group.member_added");
    const dave = timelineOf(db, "User", userIds[1] ?? "").map((e) => e.group?.label);

    expect(added?.members).toHaveLength(5);
    expect(added?.membersMore).toBe(19_996);
    expect(dave.slice(0, 2)).toEqual(["Everyone", "Sales"]);
  });
});
