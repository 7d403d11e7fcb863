import { describe, expect, it } from "vitest";
import { PATCH_OP } from "../urns";
import { catchScimError } from "../values/test-support/catch-scim-error";
import { parseOperation, parsePatchRequest, PATCH_OPERATIONS_MAX } from "./parse-patch-request";

const OP = { op: "add", path: "title", value: "Guide" };

describe("parsePatchRequest", () => {
  it("takes up to PATCH_OPERATIONS_MAX operations and refuses more", () => {
    const ops = (n: number) => Array.from({ length: n }, () => OP);
    expect(
      parsePatchRequest({ schemas: [PATCH_OP], Operations: ops(PATCH_OPERATIONS_MAX) }),
    ).toHaveLength(PATCH_OPERATIONS_MAX);
    const error = catchScimError(() =>
      parsePatchRequest({ schemas: [PATCH_OP], Operations: ops(PATCH_OPERATIONS_MAX + 1) }),
    );
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(error.message).toMatch(/at most 1000 operations, not 1001/);
  });

  it("returns the operations of a well-formed PatchOp body", () => {
    expect(parsePatchRequest({ schemas: [PATCH_OP], Operations: [OP] })).toEqual([OP]);
  });

  it("accepts a lower-case operations key", () => {
    expect(parsePatchRequest({ schemas: [PATCH_OP], operations: [OP] })).toEqual([OP]);
  });

  it.each([
    ["a body that is not an object", [OP], "invalidSyntax"],
    ["missing schemas", { Operations: [OP] }, "invalidSyntax"],
    ["schemas without the PatchOp URN", { schemas: ["urn:x"], Operations: [OP] }, "invalidSyntax"],
    ["missing Operations", { schemas: [PATCH_OP] }, "invalidSyntax"],
    ["Operations that is not an array", { schemas: [PATCH_OP], Operations: OP }, "invalidSyntax"],
    ["empty Operations", { schemas: [PATCH_OP], Operations: [] }, "invalidValue"],
  ])("rejects %s", (_title, body, scimType) => {
    expect(catchScimError(() => parsePatchRequest(body))).toMatchObject({ status: 400, scimType });
  });
});

describe("parseOperation", () => {
  it("lower-cases Entra ID's capitalised op names and notes it", () => {
    const notes = new Set<string>();
    expect(parseOperation({ op: "Replace", path: "active", value: "False" }, notes)).toEqual({
      op: "replace",
      path: "active",
      value: "False",
    });
    expect([...notes]).toEqual(["capitalised-op"]);
  });

  it("treats an empty path as absent and keeps a remove's value", () => {
    expect(parseOperation({ op: "remove", path: "", value: [{ value: "u1" }] }, new Set())).toEqual(
      {
        op: "remove",
        value: [{ value: "u1" }],
      },
    );
  });

  it("rejects replace without a value as invalidValue (RFC 7644 §3.12)", () => {
    const error = catchScimError(() => parseOperation({ op: "replace", path: "title" }, new Set()));
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
  });
});
