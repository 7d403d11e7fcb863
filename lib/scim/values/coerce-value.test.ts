import { describe, expect, it } from "vitest";
import { attr, complex } from "../schemas/define";
import { coerceScalar } from "./coerce-scalar";
import { coerceAttribute } from "./coerce-value";
import { catchScimError } from "./test-support/catch-scim-error";

const notes = () => new Set<string>();

describe("coerceScalar", () => {
  it.each([
    ["boolean", true, true],
    ["boolean", "True", true],
    ["boolean", "FALSE", false],
    ["boolean", " false ", false],
    ["integer", 42, 42],
    ["decimal", 1.5, 1.5],
    ["dateTime", "2008-01-23T04:56:22Z", "2008-01-23T04:56:22Z"],
    ["dateTime", "2011-05-13T04:42:34.123+02:00", "2011-05-13T04:42:34.123+02:00"],
    ["reference", "https://example.com/Users/1", "https://example.com/Users/1"],
    ["binary", "TUlJRE9qQ0NBaUtnQXdJQkFnSUo=", "TUlJRE9qQ0NBaUtnQXdJQkFnSUo="],
  ] as const)("accepts a %s given as %j", (type, input, expected) => {
    expect(coerceScalar(attr("x", type, "x"), input, "x", notes())).toBe(expected);
  });

  it("notes a boolean that arrived as a string", () => {
    const seen = notes();
    coerceScalar(attr("active", "boolean", "x"), "True", "active", seen);
    expect([...seen]).toEqual(["string-boolean"]);
  });

  it.each([
    ["boolean", "yes", /a boolean/],
    ["boolean", 1, /a boolean/],
    ["integer", 1.5, /an integer/],
    ["integer", "3", /an integer/],
    ["decimal", Number.NaN, /a number/],
    ["dateTime", "yesterday", /ISO 8601 dateTime/],
    ["dateTime", "2008-13-45T99:99:99Z", /ISO 8601 dateTime/],
    ["string", { value: "x" }, /a string/],
    ["reference", 12, /a string/],
  ] as const)("rejects a %s given as %j with invalidValue", (type, input, detail) => {
    const error = catchScimError(() => coerceScalar(attr("x", type, "x"), input, "x", notes()));
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(error.message).toMatch(detail);
  });
});

describe("coerceAttribute", () => {
  const emails = complex("emails", "x", [attr("value", "string", "x")], { multiValued: true });
  const manager = complex("manager", "x", [attr("value", "string", "x")]);

  it("returns undefined for null, which means unassigned", () => {
    expect(coerceAttribute(emails, null, "emails", notes())).toBeUndefined();
  });

  it("wraps a lone element of a multi-valued attribute and notes it", () => {
    const seen = notes();
    expect(coerceAttribute(emails, { value: "a" }, "emails", seen)).toEqual([{ value: "a" }]);
    expect([...seen]).toEqual(["single-value-wrapped"]);
  });

  it("unwraps a one-element array for a single-valued attribute", () => {
    const seen = notes();
    expect(coerceAttribute(manager, [{ value: "m" }], "manager", seen)).toEqual({ value: "m" });
    expect([...seen]).toEqual(["single-value-unwrapped"]);
  });

  it("turns a bare manager id into { value } and notes the Entra quirk", () => {
    const seen = notes();
    expect(coerceAttribute(manager, "m1", "manager", seen)).toEqual({ value: "m1" });
    expect([...seen]).toEqual(["bare-manager-id"]);
  });
});
