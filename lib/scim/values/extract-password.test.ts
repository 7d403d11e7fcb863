import { describe, expect, it } from "vitest";
import { extractPassword } from "./extract-password";

describe("extractPassword", () => {
  it("splits the password off without mutating the input", () => {
    const input = { userName: "bjensen", password: "t1meMa$heen" };
    expect(extractPassword(input)).toEqual({
      resource: { userName: "bjensen" },
      password: "t1meMa$heen",
    });
    expect(input.password).toBe("t1meMa$heen");
  });

  it("returns no password when there is none", () => {
    expect(extractPassword({ userName: "bjensen" })).toEqual({ resource: { userName: "bjensen" } });
  });
});
