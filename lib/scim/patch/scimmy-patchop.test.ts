import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ResourceKind } from "../schemas";
import { isScimObject, type ScimObject } from "../values/types";
import { applyPatch } from "./apply-patch";

/** PATCH vectors from SCIMMY's unit tests; see shared/conformance/scimmy-fixtures/SOURCE.txt. */
const FIXTURES = new URL(
  "../../../../shared/conformance/scimmy-fixtures/patchop.json",
  import.meta.url,
);

type Vector = { source: ScimObject; target: ScimObject; ops: unknown[] };

/**
 * Vectors whose expectation contradicts RFC 7644 or our schemas: the reason, and what this
 * engine yields instead, so the divergence is pinned rather than ignored.
 */
const DIVERGENT: Record<string, { reason: string; ours: ScimObject }> = {
  "replace[1]": {
    reason:
      "SCIMMY expects `replace name {formatted}` to drop name.honorificPrefix; RFC 7644 " +
      "§3.5.2.3 leaves sub-attributes not named in the value unchanged",
    ours: { id: "1234", userName: "asdf", name: { honorificPrefix: "Mr", formatted: "Test" } },
  },
};

function loadVectors(): [string, Vector][] {
  const parsed: unknown = JSON.parse(readFileSync(FIXTURES, "utf8"));
  const inbound = isScimObject(parsed) ? parsed.inbound : undefined;
  if (!isScimObject(inbound)) throw new Error("patchop.json has no inbound vectors");
  return Object.entries(inbound).flatMap(([group, vectors]) =>
    (Array.isArray(vectors) ? vectors : []).map((vector, i): [string, Vector] => {
      if (!isScimObject(vector) || !isScimObject(vector.source) || !isScimObject(vector.target)) {
        throw new Error(`patchop.json ${group}[${i}] is malformed`);
      }
      const ops = Array.isArray(vector.ops) ? vector.ops : [];
      return [`${group}[${i}]`, { source: vector.source, target: vector.target, ops }];
    }),
  );
}

/**
 * SCIMMY runs every vector against one permissive schema; ours are split, so a vector that
 * touches `members` runs as a Group and the rest as a User.
 */
const kindFor = (vector: Vector): ResourceKind =>
  JSON.stringify(vector.ops).includes('"members') ? "Group" : "User";

const vectors = loadVectors();

const patchVector = (vector: Vector) =>
  applyPatch(vector.source, vector.ops, { kind: kindFor(vector), extractMembers: false }).resource;

describe("applyPatch against SCIMMY's PatchOp vectors", () => {
  it("loads the vectors, and every divergent one is among them", () => {
    const names = vectors.map(([name]) => name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(expect.arrayContaining(Object.keys(DIVERGENT)));
  });

  it.each(vectors.filter(([name]) => !(name in DIVERGENT)))("%s", (_name, vector) => {
    expect(patchVector(vector)).toEqual(vector.target);
  });

  it.each(Object.entries(DIVERGENT))("diverges on %s per the RFC", (name, { ours }) => {
    const vector = vectors.find(([candidate]) => candidate === name)?.[1];
    if (!vector) throw new Error(`No vector ${name}`);
    expect(vector.target).not.toEqual(ours);
    expect(patchVector(vector)).toEqual(ours);
  });
});
