import { describe, expect, it } from "vitest";
import type { AttrPath } from "./ast";
import { matchesFilter, type AttrInfo } from "./match-filter";
import { fromScimmyShape, loadScimmyFilterFixture } from "./test-support/scimmy-shape";

/** `ours` is the ids we match instead, or "inexpressible" when our AST has no such filter. */
type Departure = { expression: unknown; ours: number[] | "inexpressible"; reason: string };

const CASE_INSENSITIVE =
  'RFC 7643 §4.1.1 gives userName caseExact false, so "MeganB" contains "a"; SCIMMY compares ' +
  "case-sensitively";
const STRING_IS_NOT_BOOLEAN =
  'RFC 7644 §3.4.2.2 "eq" needs identical values, and the JSON string "True" is not the ' +
  "literal true (our parser reads unquoted True as the boolean)";

const SCIMMY_MATCH_DEPARTURES: Departure[] = [
  { expression: { userName: ["co", "A"] }, ours: [1, 2, 4], reason: CASE_INSENSITIVE },
  {
    expression: { userName: ["co", "A"], name: { formatted: ["co", "a"] } },
    ours: [1, 2, 4],
    reason: CASE_INSENSITIVE,
  },
  {
    expression: [{ date: ["gt", "2021-09-08"] }, { userName: ["co", "a"] }],
    ours: [1, 2, 4],
    reason: CASE_INSENSITIVE,
  },
  { expression: { exists: ["eq", "True"] }, ours: [], reason: STRING_IS_NOT_BOOLEAN },
  { expression: { exists: ["eq", "False"] }, ours: [], reason: STRING_IS_NOT_BOOLEAN },
  {
    expression: { emails: [{ type: ["eq", "work"] }, ["pr"]] },
    ours: "inexpressible",
    reason: "an operator after a value filter is not RFC 7644 syntax; the parser rejects it",
  },
  {
    expression: { userName: ["un", "AdeleV"] },
    ours: "inexpressible",
    reason: '"un" is not an RFC 7644 §3.4.2.2 operator; the parser rejects it',
  },
];

const FIXTURE_SCHEMA: Record<string, AttrInfo> = {
  username: { caseExact: false, type: "string", multiValued: false },
  date: { caseExact: false, type: "dateTime", multiValued: false },
  number: { caseExact: false, type: "integer", multiValued: false },
  exists: { caseExact: false, type: "boolean", multiValued: false },
  emails: { caseExact: false, type: "complex", multiValued: true },
};

function fixtureAttrInfo(path: AttrPath): AttrInfo | undefined {
  return path.subAttr === undefined ? FIXTURE_SCHEMA[path.name.toLowerCase()] : undefined;
}

const fixture = loadScimmyFilterFixture();

const vectors = Object.entries(fixture.match.targets).flatMap(([group, cases]) =>
  cases.map((vector) => ({ group, ...vector, key: JSON.stringify(vector.expression) })),
);

const departureOf = (key: string) =>
  SCIMMY_MATCH_DEPARTURES.find((d) => JSON.stringify(d.expression) === key);

function matchingIds(expression: unknown): unknown[] {
  const filter = fromScimmyShape(expression);
  return fixture.match.source
    .filter((resource) => matchesFilter(filter, resource, fixtureAttrInfo))
    .map((resource) => resource.id);
}

describe("matchesFilter against the SCIMMY vectors", () => {
  it.each(vectors.filter((vector) => departureOf(vector.key) === undefined))(
    "$group: $key matches $expected",
    ({ expression, expected }) => {
      expect(matchingIds(expression)).toEqual(expected);
    },
  );

  it.each(SCIMMY_MATCH_DEPARTURES.filter((d) => d.ours !== "inexpressible"))(
    "matches $ours for $expression ($reason)",
    ({ expression, ours }) => {
      expect(matchingIds(expression)).toEqual(ours);
    },
  );

  it("lists only departures that name a vector in the fixture", () => {
    const keys = new Set(vectors.map((vector) => vector.key));
    const stale = SCIMMY_MATCH_DEPARTURES.filter((d) => !keys.has(JSON.stringify(d.expression)));
    expect(stale).toEqual([]);
  });
});
