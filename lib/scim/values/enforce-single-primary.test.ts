import { describe, expect, it } from "vitest";
import { enforceSinglePrimary } from "./enforce-single-primary";
import type { ScimValue } from "./types";

describe("enforceSinglePrimary", () => {
  it("leaves a list with at most one primary unchanged", () => {
    const elements: ScimValue[] = [{ value: "a", primary: true }, { value: "b" }];
    expect(enforceSinglePrimary(elements)).toEqual({ elements, changed: false });
  });

  it("keeps the last primary when several claim it", () => {
    const { elements, changed } = enforceSinglePrimary([
      { value: "a", primary: true },
      { value: "b", primary: true },
      { value: "c", primary: true },
    ]);
    expect(changed).toBe(true);
    expect(elements).toEqual([
      { value: "a", primary: false },
      { value: "b", primary: false },
      { value: "c", primary: true },
    ]);
  });

  it("prefers the element at keepIndex when it is primary", () => {
    const { elements } = enforceSinglePrimary(
      [
        { value: "a", primary: true },
        { value: "b", primary: true },
      ],
      0,
    );
    expect(elements).toEqual([
      { value: "a", primary: true },
      { value: "b", primary: false },
    ]);
  });

  it("does not mutate its input", () => {
    const input = [
      { value: "a", primary: true },
      { value: "b", primary: true },
    ];
    enforceSinglePrimary(input);
    expect(input[0]?.primary).toBe(true);
  });
});
