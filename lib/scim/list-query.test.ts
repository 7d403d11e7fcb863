import { describe, expect, it } from "vitest";
import { ScimError } from "./errors";
import { parseListQuery, parseSearchRequest } from "./list-query";

function refusal(parse: () => unknown): { status: number; scimType?: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof ScimError) return { status: error.status, scimType: error.scimType };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseSearchRequest", () => {
  it.each([
    { count: 2.5 },
    { count: 0.5 },
    { startIndex: 2.5 },
    { count: "2.5" },
    { count: true },
    { startIndex: [1] },
  ])("refuses %o as the GET form refuses count=1.5 (RFC 7644 §3.4.2.4)", (body) => {
    const expected = refusal(() => parseListQuery(new URLSearchParams("count=1.5")));

    expect(expected).toEqual({ status: 400, scimType: "invalidValue" });
    expect(refusal(() => parseSearchRequest(body))).toEqual(expected);
  });

  it.each([{ startIndex: 1e300 }, { startIndex: "9223372036854775807" }])(
    "refuses %o, which it could not echo as sent",
    (body) => {
      expect(refusal(() => parseSearchRequest(body))).toEqual({
        status: 400,
        scimType: "invalidValue",
      });
      const query = new URLSearchParams({ startIndex: String(body.startIndex) });
      expect(refusal(() => parseListQuery(query))).toEqual({
        status: 400,
        scimType: "invalidValue",
      });
    },
  );

  it("accepts integers as numbers or digit strings", () => {
    expect(parseSearchRequest({ count: 2, startIndex: "3" })).toMatchObject({
      count: 2,
      startIndex: 3,
    });
  });
});
