import { describe, expect, it } from "vitest";
import { entryInput } from "./entry-input";

const VALID = {
  name: "Northwind Cloud",
  legalEntity: "Northwind Cloud GmbH",
  purpose: "Hosting",
  role: "hosting",
  dataCategories: ["names"],
  storageRegions: ["DE"],
  processingRegions: ["DE"],
  certifications: [],
  status: "active",
};

function messageAt(patch: Record<string, unknown>, path: string): string | undefined {
  const result = entryInput.safeParse({ ...VALID, ...patch });
  return result.error?.issues.find((issue) => issue.path.join(".") === path)?.message;
}

describe("entryInput", () => {
  it("accepts the valid entry the cases below start from", () => {
    expect(entryInput.safeParse(VALID).success).toBe(true);
  });

  it.each([
    ["a blank pipeline role", { role: "" }, "role", "Choose a pipeline role."],
    ["a missing pipeline role", { role: undefined }, "role", "Choose a pipeline role."],
    ["a blank status", { status: "" }, "status", "Choose a status."],
    [
      "a blank certification type",
      { certifications: [{ code: "" }] },
      "certifications.0.code",
      "Choose a certification type.",
    ],
    [
      "a blank data category",
      { dataCategories: [""] },
      "dataCategories.0",
      "Choose a data category.",
    ],
    ["a blank region", { storageRegions: [""] }, "storageRegions.0", "Choose a region."],
  ])("asks for a choice, not an unknown value, for %s", (_case, patch, path, message) => {
    expect(messageAt(patch, path)).toBe(message);
  });

  it("names an unknown choice once, with the values it may take", () => {
    expect(messageAt({ role: "crypto_mining" }, "role")).toMatch(
      /^Unknown pipeline role "crypto_mining"\. Use one of: hosting, /,
    );
  });
});
