import { describe, expect, it } from "vitest";
import { cloneValue } from "./clone-value";
import type { ScimObject } from "./types";

describe("cloneValue", () => {
  it("copies every level, so changing the copy leaves the original alone", () => {
    const original: ScimObject = {
      userName: "ada",
      active: true,
      name: { givenName: "Ada", middleName: null },
      emails: [{ value: "ada@example.com", primary: true }],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { manager: { value: "m" } },
    };
    const copy = cloneValue(original);
    expect(copy).toEqual(original);
    (copy.name as ScimObject).givenName = "Grace";
    (copy.emails as ScimObject[])[0]!.value = "grace@example.com";
    (copy.emails as ScimObject[]).push({ value: "x@example.com" });
    expect(original.name).toEqual({ givenName: "Ada", middleName: null });
    expect(original.emails).toEqual([{ value: "ada@example.com", primary: true }]);
  });

  it("returns scalars as they are", () => {
    expect(cloneValue("a")).toBe("a");
    expect(cloneValue(0)).toBe(0);
    expect(cloneValue(null)).toBeNull();
  });
});
