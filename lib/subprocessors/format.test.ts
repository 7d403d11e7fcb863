import { describe, expect, it } from "vitest";
import { formatTimestampUtc } from "./format";

describe("formatTimestampUtc", () => {
  it.each([
    ["2026-12-04T21:58:07.123Z", "4 December 2026, 21:58 UTC"],
    ["2027-01-01T00:05:00.000Z", "1 January 2027, 00:05 UTC"],
  ])("writes %s as %s", (iso, text) => {
    expect(formatTimestampUtc(iso)).toBe(text);
  });
});
