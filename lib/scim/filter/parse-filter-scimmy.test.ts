import { describe, expect, it } from "vitest";
import type { Filter } from "./ast";
import { FilterSyntaxError, parseFilter } from "./parse-filter";
import { and, cmp, not, or, pr, sub, vp } from "./test-support/filter-builders";
import { loadScimmyFilterFixture, toScimmyShape } from "./test-support/scimmy-shape";

/** `ours` is "rejects" or the filter we read instead of SCIMMY's structure. */
type Departure = { source: string; ours: "rejects" | Filter; reason: string };

const NO_TRAILING_OPERATOR =
  "RFC 7644 §3.4.2.2 makes a valuePath a complete expression; an operator right after " +
  '"]" has no defined meaning, so we answer invalidFilter';
const NO_CHAINED_VALUE_FILTERS =
  "RFC 7644 §3.4.2.2 valFilter cannot hold a valuePath, and `].sub[` chains are not in " +
  "the grammar";
const DE_MORGAN =
  "SCIMMY pushes `not` into an `or` group without turning it into `and`; RFC 7644 §3.4.2.2 " +
  "`not` negates the whole group";

/** SCIMMY vectors this parser departs from on purpose, each with the rule that decides it. */
const SCIMMY_DEPARTURES: Departure[] = [
  {
    source: "-valid$Name eq -null",
    ours: "rejects",
    reason: 'RFC 7643 §2.1 ATTRNAME starts with a letter; a leading "-" is not a name',
  },
  ...[
    'emails[type eq "work" or type eq "home"].values[domain ew "@example.org"]',
    'emails[type eq "work" or type eq "home"].values[domain ew "@example.org" or domain ew ' +
      '"@example.com"]',
    'emails[type eq "work" or type eq "home"].values[domain ew "@example.org" or domain ew ' +
      '"@example.com"].recipient pr',
    'emails[type eq "work"].values[domain ew "@example.org" or domain ew ' +
      '"@example.com"].recipient pr',
  ].map((source): Departure => ({ source, ours: "rejects", reason: NO_CHAINED_VALUE_FILTERS })),
  ...[
    'emails[type eq "work"] pr',
    'emails[not type eq "work"] pr',
    'emails[type eq "work"] co "A"',
    'emails[not type eq "work"] co "A"',
    'not emails[not type eq "work"] co "A"',
    'userType eq "Employee" and emails[type eq "work" or primary eq true] pr',
    'userType eq "Employee" and emails[type eq "work"] pr or userType eq "Employee" and ' +
      "emails[primary eq true] pr",
  ].map((source): Departure => ({ source, ours: "rejects", reason: NO_TRAILING_OPERATOR })),
  {
    source: 'userName sw "A" and not (userName ew "Z" or displayName co "Bob")',
    ours: and(
      cmp("userName", "sw", "A"),
      not(or(cmp("userName", "ew", "Z"), cmp("displayName", "co", "Bob"))),
    ),
    reason: DE_MORGAN,
  },
  {
    source:
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
    ours: and(
      cmp("userType", "ne", "Employee"),
      not(or(cmp("emails", "co", "example.com"), cmp(sub("emails", "value"), "co", "example.org"))),
    ),
    reason: DE_MORGAN,
  },
  {
    source: 'not emails[type eq "work"].value pr',
    ours: not(vp("emails", and(cmp("type", "eq", "work"), pr("value")))),
    reason:
      "SCIMMY negates only the trailing `.value pr`; `not` binds to the whole expression after " +
      "it, so we read no work email has a value, which SCIMMY's shape cannot express",
  },
];

const fixture = loadScimmyFilterFixture();

/** "parse" vectors as they are, and "expression" vectors read backwards: text to structure. */
const vectors = [
  ...Object.entries(fixture.parse).flatMap(([group, cases]) =>
    cases.map(({ source, target }) => ({ group: `parse.${group}`, source, target })),
  ),
  ...Object.entries(fixture.expression).flatMap(([group, cases]) =>
    cases.map(({ source, target }) => ({
      group: `expression.${group}`,
      source: target,
      target: source,
    })),
  ),
];

const departureOf = (source: string) => SCIMMY_DEPARTURES.find((d) => d.source === source);

describe("parseFilter against the SCIMMY vectors", () => {
  it.each(vectors.filter((vector) => departureOf(vector.source) === undefined))(
    "$group: reads $source as SCIMMY does",
    ({ source, target }) => {
      expect(toScimmyShape(parseFilter(source))).toEqual(target);
    },
  );

  it.each(SCIMMY_DEPARTURES.filter((d) => d.ours === "rejects"))(
    "rejects $source ($reason)",
    ({ source }) => {
      expect(() => parseFilter(source)).toThrow(FilterSyntaxError);
    },
  );

  it.each(SCIMMY_DEPARTURES.filter((d) => d.ours !== "rejects"))(
    "reads $source its own way ($reason)",
    ({ source, ours }) => {
      expect(parseFilter(source)).toEqual(ours);
    },
  );

  it("lists only departures that name a vector in the fixture", () => {
    const sources = new Set(vectors.map((vector) => vector.source));
    expect(SCIMMY_DEPARTURES.filter((d) => !sources.has(d.source))).toEqual([]);
  });
});
