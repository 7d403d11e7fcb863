import { describe, expect, it } from "vitest";
import { firstTimeOrderedIdAt, newTimeOrderedId, timeOfTimeOrderedId } from "./time-ordered-ids";

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
    const stampMs = timeOfTimeOrderedId(id);

    expect(stampMs).toBeGreaterThanOrEqual(beforeMs);
    expect(stampMs).toBeLessThanOrEqual(Date.now());
  });
});

describe("timeOfTimeOrderedId", () => {
  it("reads back the millisecond an id was made for", () => {
    const atMs = Date.UTC(2026, 11, 4, 18, 2, 11, 345);
    expect(timeOfTimeOrderedId(firstTimeOrderedIdAt(atMs))).toBe(atMs);
    expect(timeOfTimeOrderedId("01a241b6-830d-7000-ab5c-fc9cca4087c0")).toBe(0x01a241b6830d);
  });
});
