import { describe, expect, it } from "vitest";
import { buildChangelog, canonicalJson, diffFields, isEmptyChangelog } from "./changelog";
import type { Entry } from "./types";

function entry(id: string, patch: Partial<Entry> = {}): Entry {
  return {
    id,
    name: `Vendor ${id}`,
    legalEntity: `Vendor ${id} Ltd`,
    website: null,
    purpose: "Hosting",
    role: "hosting",
    dataCategories: ["names"],
    storageRegions: ["EEA"],
    processingRegions: ["EEA"],
    transferMechanism: null,
    certifications: [],
    dpaUrl: null,
    dpaSignedOn: null,
    status: "active",
    effectiveOn: null,
    owner: null,
    notes: null,
    parentId: null,
    revision: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...patch,
  };
}

describe("canonicalJson", () => {
  it("serialises objects the same whatever their key order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
    );
  });
});

describe("diffFields", () => {
  it("reports each changed field with its value before and after", () => {
    const changes = diffFields(entry("a"), entry("a", { storageRegions: ["EEA", "US"] }));
    expect(changes).toEqual([{ field: "storageRegions", before: ["EEA"], after: ["EEA", "US"] }]);
  });

  it("ignores bookkeeping such as revision and timestamps", () => {
    expect(diffFields(entry("a"), entry("a", { revision: 4, updatedAt: "x" }))).toEqual([]);
  });
});

describe("buildChangelog", () => {
  it("lists added, removed and changed entries against the previous version", () => {
    const changelog = buildChangelog(
      [entry("a"), entry("b")],
      [entry("b", { purpose: "Mail" }), entry("c")],
      1,
    );
    expect(changelog.added).toEqual([{ id: "c", name: "Vendor c" }]);
    expect(changelog.removed).toEqual([{ id: "a", name: "Vendor a" }]);
    expect(changelog.changed).toEqual([
      {
        id: "b",
        name: "Vendor b",
        changes: [{ field: "purpose", before: "Hosting", after: "Mail" }],
      },
    ]);
    expect(changelog.previousVersion).toBe(1);
  });

  it("is empty when nothing changed", () => {
    expect(isEmptyChangelog(buildChangelog([entry("a")], [entry("a")], 3))).toBe(true);
  });
});
