import { describe, expect, it } from "vitest";
import { capText, isSecretKey, REDACTED, storedBody } from "./redact";

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

const secretBody = {
  userName: "ada@example.com",
  password: "Tr0ub4dor&3",
  "urn:ietf:params:scim:schemas:core:2.0:User:password": "0ther",
  Operations: [
    { op: "replace", path: "password", value: "n3w-Secret" },
    { op: "replace", path: "title", value: "Countess" },
    { op: "add", value: { password: "x", "name.givenName": "Ada" } },
  ],
  emails: [{ value: "ada@example.com", primary: true }],
};

const redactedBody = {
  userName: "ada@example.com",
  password: REDACTED,
  "urn:ietf:params:scim:schemas:core:2.0:User:password": REDACTED,
  Operations: [
    { op: "replace", path: "password", value: REDACTED },
    { op: "replace", path: "title", value: "Countess" },
    { op: "add", value: { password: REDACTED, "name.givenName": "Ada" } },
  ],
  emails: [{ value: "ada@example.com", primary: true }],
};

describe("isSecretKey", () => {
  it("knows the password by any spelling and path, and nothing else", () => {
    expect(isSecretKey("Password")).toBe(true);
    expect(isSecretKey("urn:ietf:params:scim:schemas:core:2.0:User:password")).toBe(true);
    expect(isSecretKey("userName")).toBe(false);
  });
});

describe("storedBody", () => {
  it("masks the password and a PATCH operation that sets it, and nothing else", () => {
    const stored = storedBody(secretBody, 64 * 1024);

    expect(JSON.parse(stored.text ?? "null")).toEqual(redactedBody);
    expect(stored.text).not.toContain("Tr0ub4dor");
    expect(stored.text).not.toContain("n3w-Secret");
  });
});
