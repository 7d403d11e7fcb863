import { describe, expect, it } from "vitest";
import { deferMembers, referencedBulkIds, resolveBulkIds } from "./bulk-ids";

describe("referencedBulkIds", () => {
  it("finds references at any depth, and only whole values that start with bulkId:", () => {
    const data = {
      manager: { value: "bulkId:boss" },
      members: [{ value: "bulkId:u1" }, { value: "plain-id" }, { value: "bulkId:u1" }],
      note: "see bulkId:not-a-reference",
    };
    expect([...referencedBulkIds(data)]).toEqual(["boss", "u1"]);
    expect([...referencedBulkIds("/Users/bulkId:u2")]).toEqual([]);
    expect([...referencedBulkIds("bulkId:u2")]).toEqual(["u2"]);
  });
});

describe("resolveBulkIds", () => {
  const outcomes = new Map([
    ["u1", { id: "7d1c" }],
    ["u2", { failed: "its POST failed with status 409" }],
  ]);

  it("replaces each reference with the id its POST created", () => {
    expect(resolveBulkIds({ members: [{ value: "bulkId:u1" }, { value: "x" }] }, outcomes)).toEqual(
      { members: [{ value: "7d1c" }, { value: "x" }] },
    );
  });

  it("answers 409 for a reference whose POST failed, saying so", () => {
    expect(() => resolveBulkIds(["bulkId:u2"], outcomes)).toThrow(
      expect.objectContaining({
        status: 409,
        message: expect.stringMatching(/failed with status 409/),
      }),
    );
  });

  it("answers 409 for a reference to no POST of the request", () => {
    expect(() => resolveBulkIds("bulkId:nobody", outcomes)).toThrow(
      expect.objectContaining({ status: 409, message: expect.stringMatching(/names no POST/) }),
    );
  });
});

describe("deferMembers", () => {
  const waiting = new Set(["b"]);

  it("keeps back the members that refer to waiting bulkIds, whatever the attribute's case", () => {
    const data = {
      displayName: "A",
      Members: [{ value: "bulkId:b" }, { value: "existing-user" }],
    };
    expect(deferMembers(data, waiting)).toEqual({
      data: { displayName: "A", Members: [{ value: "existing-user" }] },
      members: [{ value: "bulkId:b" }],
    });
  });

  it("cannot help when a waiting bulkId is referred to outside the members", () => {
    const data = { displayName: "bulkId:b", members: [{ value: "bulkId:b" }] };
    expect(deferMembers(data, waiting)).toBeUndefined();
  });

  it("has nothing to defer when no member waits", () => {
    expect(deferMembers({ members: [{ value: "bulkId:c" }] }, waiting)).toBeUndefined();
    expect(deferMembers({ displayName: "No members" }, waiting)).toBeUndefined();
  });
});
