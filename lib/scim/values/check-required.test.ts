import { describe, expect, it } from "vitest";
import { checkRequired } from "./check-required";
import { catchScimError } from "./test-support/catch-scim-error";

describe("checkRequired", () => {
  it("accepts a User with a userName and a Group with a displayName", () => {
    expect(() => checkRequired("User", { userName: "bjensen" })).not.toThrow();
    expect(() => checkRequired("Group", { displayName: "Admins" })).not.toThrow();
  });

  it.each([
    ["User", {}, "userName is required"],
    ["User", { userName: "" }, "userName is required"],
    ["User", { userName: null }, "userName is required"],
    ["Group", { displayName: "   " }, "displayName is required"],
  ] as const)("rejects a %s with %j as invalidValue", (kind, resource, detail) => {
    const error = catchScimError(() => checkRequired(kind, resource));
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue", message: detail });
  });
});
