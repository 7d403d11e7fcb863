import { describe, expect, it } from "vitest";
import { newTimeOrderedId } from "./time-ordered-ids";

describe("newTimeOrderedId", () => {
  it("makes version 7 UUIDs that sort in the order they were made", () => {
    const ids = Array.from({ length: 2_000 }, () => newTimeOrderedId());

    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carries the current time in its first 48 bits", () => {
    const beforeMs = Date.now();
    const id = newTimeOrderedId();
    const stampMs = parseInt(id.replaceAll("-", "").slice(0, 12), 16);

    expect(stampMs).toBeGreaterThanOrEqual(beforeMs);
    expect(stampMs).toBeLessThanOrEqual(Date.now());
  });
});
