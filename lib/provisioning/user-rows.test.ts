import { describe, expect, it } from "vitest";
import { groupRefsOf } from "./user-rows";

describe("groupRefsOf", () => {
  it("orders a user's groups by folded display name, then id", () => {
    const json = JSON.stringify([
      ["g3", "sales", "sales"],
      ["g2", "Engineering", "engineering"],
      ["g1", "Sales", "sales"],
    ]);

    expect(groupRefsOf(json)).toEqual([
      { value: "g2", display: "Engineering", type: "Group" },
      { value: "g1", display: "Sales", type: "Group" },
      { value: "g3", display: "sales", type: "Group" },
    ]);
  });

  it("reads no memberships as no groups", () => {
    expect(groupRefsOf("[]")).toEqual([]);
  });
});
