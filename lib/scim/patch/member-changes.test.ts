import { describe, expect, it } from "vitest";
import type { Filter } from "../filter/ast";
import { GROUP_SCHEMA } from "../urns";
import { catchScimError } from "../values/test-support/catch-scim-error";
import type { ScimObject } from "../values/types";
import { applyPatch } from "./apply-patch";
import type { MemberChange } from "./types";

const GROUP: ScimObject = { id: "e9e30dba", displayName: "Tour Guides" };

const extract = (operations: unknown[]) =>
  applyPatch(GROUP, operations, { kind: "Group", extractMembers: true });

const typeEq = (type: string): Filter => ({
  kind: "compare",
  path: { name: "type" },
  op: "eq",
  value: type,
});

const CASES: [title: string, ops: unknown[], changes: MemberChange[]][] = [
  [
    "Okta add with readOnly display",
    [{ op: "add", path: "members", value: [{ value: "u1", display: "Isaac Brock" }] }],
    [{ kind: "add", members: [{ value: "u1" }] }],
  ],
  [
    "Entra Add of several members with their type",
    [{ op: "Add", path: "members", value: [{ value: "u1" }, { value: "g2", type: "Group" }] }],
    [{ kind: "add", members: [{ value: "u1" }, { value: "g2", type: "Group" }] }],
  ],
  [
    "Okta remove by value filter",
    [{ op: "remove", path: 'members[value eq "u1"]' }],
    [{ kind: "remove", ids: ["u1"] }],
  ],
  [
    "an or-chain of value filters",
    [{ op: "remove", path: 'members[value eq "a" or value eq "b"]' }],
    [{ kind: "remove", ids: ["a", "b"] }],
  ],
  [
    "Entra Remove with a value array",
    [{ op: "Remove", path: "members", value: [{ value: "u1" }, { value: "u2" }] }],
    [{ kind: "remove", ids: ["u1", "u2"] }],
  ],
  [
    "a filter on another sub-attribute",
    [{ op: "remove", path: 'members[type eq "Group"]' }],
    [{ kind: "removeMatching", filter: typeEq("Group") }],
  ],
  ["remove of every member", [{ op: "remove", path: "members" }], [{ kind: "removeAll" }]],
  [
    "replace of every member",
    [{ op: "replace", path: "members", value: [{ value: "u3" }] }],
    [{ kind: "replaceAll", members: [{ value: "u3" }] }],
  ],
  ["replace with null", [{ op: "replace", path: "members", value: null }], [{ kind: "removeAll" }]],
  [
    "a path-less add and a schema-URN path, in order",
    [
      { op: "add", value: { members: [{ value: "u1" }] } },
      { op: "add", path: GROUP_SCHEMA, value: { members: [{ value: "u2" }] } },
      { op: "remove", path: 'members[value eq "u1"]' },
    ],
    [
      { kind: "add", members: [{ value: "u1" }] },
      { kind: "add", members: [{ value: "u2" }] },
      { kind: "remove", ids: ["u1"] },
    ],
  ],
  ["an add of no members", [{ op: "add", path: "members", value: [] }], []],
];

describe("applyPatch with extractMembers", () => {
  it.each(CASES)("translates %s into member changes", (_title, ops, changes) => {
    const result = extract(ops);
    expect(result.memberChanges).toEqual(changes);
    expect(result.resource).toEqual(GROUP);
  });

  it("applies other attributes of a path-less replace to the resource", () => {
    const result = extract([
      { op: "replace", value: { displayName: "Guides", members: [{ value: "u1" }] } },
    ]);
    expect(result.resource).toEqual({ ...GROUP, displayName: "Guides" });
    expect(result.memberChanges).toEqual([{ kind: "replaceAll", members: [{ value: "u1" }] }]);
  });

  it("applies Okta's group rename, which echoes the unchanged readOnly id", () => {
    const result = extract([
      { op: "replace", value: { id: "e9e30dba", displayName: "Test SCIMv2" } },
    ]);
    expect(result.resource).toEqual({ id: "e9e30dba", displayName: "Test SCIMv2" });
    expect(result.memberChanges).toEqual([]);
  });

  it.each([
    [{ op: "add", path: 'members[value eq "u1"].display', value: "x" }, "mutability"],
    [{ op: "replace", path: 'members[value eq "u1"]', value: { value: "u1" } }, "mutability"],
    [{ op: "add", path: "members", value: [{ display: "no id" }] }, "invalidValue"],
    [{ op: "remove", path: "members", value: [{ display: "no id" }] }, "invalidValue"],
  ])("rejects %j", (op, scimType) => {
    expect(catchScimError(() => extract([op]))).toMatchObject({ status: 400, scimType });
  });
});

describe("applyPatch on group members in memory", () => {
  const withMembers: ScimObject = { ...GROUP, members: [{ value: "u1" }, { value: "u2" }] };
  const patch = (operations: unknown[]) =>
    applyPatch(withMembers, operations, { kind: "Group", extractMembers: false });

  it.each([
    [
      "adds new members and skips ones already present",
      [{ op: "add", path: "members", value: [{ value: "u1", display: "x" }, { value: "u3" }] }],
      [{ value: "u1" }, { value: "u2" }, { value: "u3" }],
    ],
    [
      "removes by value filter",
      [{ op: "remove", path: 'members[value eq "u1"]' }],
      [{ value: "u2" }],
    ],
    [
      "removes by value array",
      [{ op: "Remove", path: "members", value: [{ value: "u2" }] }],
      [{ value: "u1" }],
    ],
    [
      "replaces every member",
      [{ op: "replace", path: "members", value: [{ value: "u9" }] }],
      [{ value: "u9" }],
    ],
    ["removes every member", [{ op: "remove", path: "members" }], undefined],
  ])("%s", (_title, ops, members) => {
    const result = patch(ops);
    expect(result.resource.members).toEqual(members);
    expect(result.memberChanges).toEqual([]);
  });
});
