import { describe, expect, it } from "vitest";
import {
  FILTER_DEPTH_MAX,
  FILTER_TERMS_MAX,
  FilterSyntaxError,
  parseFilter,
  parsePatchPath,
} from "./parse-filter";

const NAME_RULE = 'names start with a letter and contain only letters, digits, "-", "_" and "$"';
const AFTER_FILTER = 'expected "and", "or" or the end of the filter';

function syntaxErrorOf(parse: () => unknown): FilterSyntaxError {
  try {
    parse();
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error;
    throw error;
  }
  throw new Error("Expected a FilterSyntaxError, but the text parsed");
}

describe("parseFilter", () => {
  it.each<[string, string, number]>([
    ["", "Empty filter", 0],
    ["   ", "Empty filter", 0],
    [
      "userName",
      'Expected a comparison operator after "userName" at end of filter (position 8)',
      8,
    ],
    [
      'userName equals "x"',
      'Expected a comparison operator after "userName" at position 9 but found "equals"',
      9,
    ],
    [
      'userName un "x"',
      'Expected a comparison operator after "userName" at position 9 but found "un"',
      9,
    ],
    ['userName eq "abc', "Unterminated string starting at position 12", 12],
    ['userName eq "abc\\"', "Unterminated string starting at position 12", 12],
    ['userName eq "x")', `Unexpected ")" at position 15; ${AFTER_FILTER}`, 15],
    ["userName eq", 'Expected a value after "eq" at end of filter (position 11)', 11],
    ["userName eq (", 'Unexpected "(" at position 12; expected a value after "eq"', 12],
    ['userName eq "x" and', 'Expected an attribute name or "(" at end of filter (position 19)', 19],
    [
      'userName eq "x" and ()',
      'Unexpected ")" at position 21; expected an attribute name or "("',
      21,
    ],
    [")", 'Unexpected ")" at position 0; expected an attribute name or "("', 0],
    [".userName pr", 'Unexpected "." at position 0; expected an attribute name or "("', 0],
    [
      '"userName" eq "x"',
      'Unexpected string "userName" at position 0; expected an attribute name or "("',
      0,
    ],
    [
      'userName eq "x" userName eq "y"',
      `Unexpected "userName" at position 16; ${AFTER_FILTER}`,
      16,
    ],
    ["(userName pr", 'Missing ")" to close the "(" at position 0', 12],
    ["not (userName pr", 'Missing ")" to close the "(" at position 4', 16],
    [
      "(userName pr foo",
      'Unexpected "foo" at position 13; expected "and", "or" or ")" to close the "(" at position 0',
      13,
    ],
    ['emails[type eq "work"', 'Missing "]" to close the "[" at position 6', 21],
    [
      'emails[type eq "work")',
      'Unexpected ")" at position 21; expected "and", "or" or "]" to close the "[" at position 6',
      21,
    ],
    ["emails[]", 'Unexpected "]" at position 7; expected an attribute name or "("', 7],
    [
      'emails[type eq "work" and x[y pr]]',
      'Unexpected "[" at position 27: a value filter cannot contain another value filter',
      27,
    ],
    [
      'name.givenName[value eq "x"]',
      'Unexpected "[" at position 14: a value filter must follow a top-level attribute, ' +
        'not the sub-attribute "name.givenName"',
      14,
    ],
    [
      'emails[type eq "work"].value',
      'Expected a comparison operator after "value" at end of filter (position 28)',
      28,
    ],
    [
      'emails[type eq "work"].',
      'Expected a sub-attribute name after "." at end of filter (position 23)',
      23,
    ],
    ['emails[type eq "work"] pr', `Unexpected "pr" at position 23; ${AFTER_FILTER}`, 23],
    [
      'emails[type eq "work"].val.ue pr',
      `Invalid attribute name: "val.ue" at position 23; ${NAME_RULE}`,
      23,
    ],
    ['userName eq "a\\q"', 'Invalid escape "\\q" in string at position 14', 14],
    [
      'userName eq "\\u12G4"',
      'Invalid escape "\\u12G4" in string at position 13; expected four hex digits',
      13,
    ],
    [
      'userName eq "a\nb"',
      "Unescaped control character in string at position 14; write it as a \\u escape",
      14,
    ],
    ["userName eq 1e999", 'Number "1e999" at position 12 is out of range', 12],
    ['1abc eq "x"', `Invalid attribute name: "1abc" at position 0; ${NAME_RULE}`, 0],
    [
      'user name eq "x"',
      'Expected a comparison operator after "user" at position 5 but found "name"',
      5,
    ],
    [
      'name.given.name eq "x"',
      'Attribute "name.given.name" at position 0 has more than one "."; ' +
        "only one sub-attribute level exists",
      0,
    ],
    [
      'urn:foo: eq "x"',
      'Expected an attribute name after the schema URN "urn:foo" at position 8',
      8,
    ],
    ['2.0:User:name eq "x"', 'Invalid schema URN "2.0:User" at position 0', 0],
    [
      'userName eq "x" and not',
      'Expected a comparison operator after "not" at end of filter (position 23)',
      23,
    ],
  ])("rejects %j with a message that says what and where", (text, message, position) => {
    const error = syntaxErrorOf(() => parseFilter(text));
    expect(error).toMatchObject({ name: "FilterSyntaxError", message, position });
  });

  it("cuts long client text short in messages", () => {
    const name = "a".repeat(500);
    const { message } = syntaxErrorOf(() => parseFilter(`${name} equals "x"`));
    expect(message).toBe(
      `Expected a comparison operator after "${"a".repeat(79)}…" ` +
        `at position 501 but found "equals"`,
    );
  });

  it("rejects parentheses nested past the depth limit", () => {
    const depth = FILTER_DEPTH_MAX + 1;
    const text = `${"(".repeat(depth)}a pr${")".repeat(depth)}`;
    expect(syntaxErrorOf(() => parseFilter(text))).toMatchObject({
      message:
        `The filter nests deeper than ${FILTER_DEPTH_MAX} levels ` +
        `at position ${FILTER_DEPTH_MAX}`,
      position: FILTER_DEPTH_MAX,
    });
  });

  it("rejects a chain of bare not past the depth limit", () => {
    const text = `${"not ".repeat(FILTER_DEPTH_MAX + 1)}a pr`;
    expect(syntaxErrorOf(() => parseFilter(text)).position).toBe(FILTER_DEPTH_MAX * 4);
  });

  it("rejects a chain of terms past the term limit", () => {
    const text = Array.from({ length: FILTER_TERMS_MAX + 1 }, () => "a pr").join(" or ");
    expect(syntaxErrorOf(() => parseFilter(text))).toMatchObject({
      message: `The filter has more than ${FILTER_TERMS_MAX} attribute expressions at position ${
        FILTER_TERMS_MAX * 8
      }`,
      position: FILTER_TERMS_MAX * 8,
    });
  });

  it("stops at the term limit on megabytes of input", () => {
    const text = Array.from({ length: 100_000 }, () => 'userName eq "x"').join(" and ");
    expect(() => parseFilter(text)).toThrow(FilterSyntaxError);
  });

  it.each([
    ["(", 100_000],
    ["not ", 100_000],
    ["not (", 50_000],
  ])("rejects %j repeated %i times without exhausting the stack", (chunk, times) => {
    expect(() => parseFilter(`${chunk.repeat(times)}a pr`)).toThrow(FilterSyntaxError);
  });
});

describe("parsePatchPath", () => {
  it.each<[string, string, number]>([
    ["", "Empty path", 0],
    ['userName eq "x"', 'Unexpected "eq" at position 9; expected the end of the path', 9],
    [
      'emails[type eq "work"].value eq "x"',
      'Unexpected "eq" at position 29; expected the end of the path',
      29,
    ],
    ['emails[type eq "work"', 'Missing "]" to close the "[" at position 6', 21],
    [
      'members[value eq "a"] x',
      'Unexpected "x" at position 22; expected "." or the end of the path',
      22,
    ],
    [
      'members[value eq "a"].',
      'Expected a sub-attribute name after "." at end of path (position 22)',
      22,
    ],
    ['"userName"', 'Unexpected string "userName" at position 0; expected an attribute name', 0],
    [
      "emails[x[y pr]]",
      'Unexpected "[" at position 8: a value filter cannot contain another value filter',
      8,
    ],
    [
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
      "Expected an attribute name after the schema URN " +
        '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" at position 59',
      59,
    ],
  ])("rejects %j with a message that says what and where", (text, message, position) => {
    const error = syntaxErrorOf(() => parsePatchPath(text));
    expect(error).toMatchObject({ name: "FilterSyntaxError", message, position });
  });

  it("rejects a value filter nested past the depth limit", () => {
    const depth = FILTER_DEPTH_MAX;
    const text = `members[${"(".repeat(depth)}value pr${")".repeat(depth)}]`;
    expect(syntaxErrorOf(() => parsePatchPath(text)).message).toMatch(/^The path nests deeper/);
  });
});
