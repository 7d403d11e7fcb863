import { describe, expect, it } from "vitest";
import { changedColumns } from "./resource-statements";

describe("changedColumns", () => {
  it("keeps only the columns whose values differ, null and false included", () => {
    const row = { userName: "ada", externalId: "e1", active: true, title: null, version: 3 };

    const changed = changedColumns(row, {
      userName: "ada",
      externalId: null,
      active: false,
      title: null,
    });

    expect(changed).toEqual({ externalId: null, active: false });
  });
});
