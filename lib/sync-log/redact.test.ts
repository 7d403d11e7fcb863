import { describe, expect, it } from "vitest";
import { capText, redactBody, REDACTED } from "./redact";

describe("capText", () => {
  it("keeps a text within the limit whole, counting UTF-8 bytes rather than characters", () => {
    const text = "é".repeat(50);

    expect(capText(text, 100)).toEqual({ text, isTruncated: false });
    expect(capText(text, 99)).toEqual({ text: "é".repeat(49), isTruncated: true });
  });

  it("cuts a long text at the limit and marks it", () => {
    const capped = capText("x".repeat(1_000), 64);

    expect(capped).toEqual({ text: "x".repeat(64), isTruncated: true });
  });

  it("stores nothing for an absent body", () => {
    expect(capText(undefined, 64)).toEqual({ text: null, isTruncated: false });
  });
});

describe("redactBody", () => {
  it("masks the password and a PATCH operation that sets it, and nothing else", () => {
    const body = {
      userName: "ada@example.com",
      password: "Tr0ub4dor&3",
      Operations: [{ op: "replace", path: "password", value: "n3w-Secret" }],
    };

    expect(redactBody(body)).toEqual({
      userName: "ada@example.com",
      password: REDACTED,
      Operations: [{ op: "replace", path: "password", value: REDACTED }],
    });
  });
});
