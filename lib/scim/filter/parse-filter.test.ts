import { describe, expect, it } from "vitest";
import type { Filter, PatchPath } from "./ast";
import {
  FILTER_DEPTH_MAX,
  FILTER_TERMS_MAX,
  parseFilter,
  parseFilterWithNotes,
  parsePatchPath,
  type FilterNote,
} from "./parse-filter";
import { and, cmp, not, or, pr, sub, vp } from "./test-support/filter-builders";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

describe("parseFilter", () => {
  it.each<[string, Filter]>([
    ['userName eq "bjensen"', cmp("userName", "eq", "bjensen")],
    ['userName ne "x"', cmp("userName", "ne", "x")],
    ['name.familyName co "O\'Malley"', cmp(sub("name", "familyName"), "co", "O'Malley")],
    ['userName sw "J"', cmp("userName", "sw", "J")],
    ['userName ew "n"', cmp("userName", "ew", "n")],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      cmp(sub("meta", "lastModified"), "gt", "2011-05-13T04:42:34Z"),
    ],
    ["meta.lastModified ge 1", cmp(sub("meta", "lastModified"), "ge", 1)],
    ["x lt 2", cmp("x", "lt", 2)],
    ["x le 3", cmp("x", "le", 3)],
    ["title pr", pr("title")],
    ['userName EQ "a"', cmp("userName", "eq", "a")],
    ['userName Sw "a"', cmp("userName", "sw", "a")],
    ["title PR", pr("title")],
    ['emails.type eq "work"', cmp(sub("emails", "type"), "eq", "work")],
    ["members.$ref pr", pr(sub("members", "$ref"))],
    [
      'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
      cmp("schemas", "eq", ENTERPRISE),
    ],
  ])("reads the attribute expression %s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, Filter]>([
    [
      `${ENTERPRISE}:employeeNumber eq "1"`,
      cmp({ uri: ENTERPRISE, name: "employeeNumber" }, "eq", "1"),
    ],
    [
      `${CORE_USER}:name.familyName sw "J"`,
      cmp({ uri: CORE_USER, name: "name", subAttr: "familyName" }, "sw", "J"),
    ],
    [`${ENTERPRISE}:manager.value pr`, pr({ uri: ENTERPRISE, name: "manager", subAttr: "value" })],
    [`${CORE_USER}:userName eq "a"`, cmp({ uri: CORE_USER, name: "userName" }, "eq", "a")],
  ])("splits the schema URN off at the last colon in %s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["x eq 42", 42],
    ["x eq -7", -7],
    ["x eq 0", 0],
    ["x eq 1.5", 1.5],
    ["x eq -2.5e-3", -0.0025],
    ["x eq 1E3", 1000],
    ["x eq 2e+2", 200],
    ["x eq true", true],
    ["x eq FALSE", false],
    ["x eq True", true],
    ["x eq Null", null],
    ['x eq ""', ""],
    ['x eq "a\\"b"', 'a"b'],
    ['x eq "back\\\\slash \\/"', "back\\slash /"],
    ['x eq "\\b\\f\\n\\r\\t"', "\b\f\n\r\t"],
    ['x eq "caf\\u00E9"', "café"],
    ['x eq "\\ud83d\\ude00"', "😀"],
    ['x eq "a (b) [c] and or not"', "a (b) [c] and or not"],
    ['x eq "true"', "true"],
    ["value eq 123abc", "123abc"],
    ["value eq 0123", "0123"],
    ["value eq abc@example.com", "abc@example.com"],
  ])("reads the value in %s", (text, value) => {
    expect(parseFilter(text)).toMatchObject({ kind: "compare", value });
  });

  it.each<[string, Filter]>([
    ["a pr or b pr and c pr", or(pr("a"), and(pr("b"), pr("c")))],
    ["a pr and b pr or c pr", or(and(pr("a"), pr("b")), pr("c"))],
    ["a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))],
    ["a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))],
    ["a pr AND b pr Or c pr", or(and(pr("a"), pr("b")), pr("c"))],
    ["(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))],
    ["a pr and (b pr or c pr)", and(pr("a"), or(pr("b"), pr("c")))],
    ["((a pr))", pr("a")],
    ["not (a pr)", not(pr("a"))],
    ["NOT(a pr)", not(pr("a"))],
    ["not (a pr) and b pr", and(not(pr("a")), pr("b"))],
    ["not (a pr or b pr)", not(or(pr("a"), pr("b")))],
    ["a pr and not (b pr) or c pr", or(and(pr("a"), not(pr("b"))), pr("c"))],
    ["not (not (a pr))", not(not(pr("a")))],
  ])("applies not > and > or precedence, left-associative, in %s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, Filter]>([
    [
      'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp("userType", "eq", "Employee"),
        or(cmp("emails", "co", "example.com"), cmp(sub("emails", "value"), "co", "example.org")),
      ),
    ],
    [
      'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
      and(
        cmp("userType", "ne", "Employee"),
        not(
          or(cmp("emails", "co", "example.com"), cmp(sub("emails", "value"), "co", "example.org")),
        ),
      ),
    ],
    [
      'userType eq "Employee" and (emails.type eq "work")',
      and(cmp("userType", "eq", "Employee"), cmp(sub("emails", "type"), "eq", "work")),
    ],
    [
      'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
      and(
        cmp("userType", "eq", "Employee"),
        vp("emails", and(cmp("type", "eq", "work"), cmp("value", "co", "@example.com"))),
      ),
    ],
    [
      'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co ' +
        '"@foo.com"]',
      or(
        vp("emails", and(cmp("type", "eq", "work"), cmp("value", "co", "@example.com"))),
        vp("ims", and(cmp("type", "eq", "xmpp"), cmp("value", "co", "@foo.com"))),
      ),
    ],
    ['emails[not (type eq "work")]', vp("emails", not(cmp("type", "eq", "work")))],
    [
      'emails[type eq "work" or (primary eq true and value pr)]',
      vp("emails", or(cmp("type", "eq", "work"), and(cmp("primary", "eq", true), pr("value")))),
    ],
    [
      `${ENTERPRISE}:manager[value eq "26"]`,
      vp({ uri: ENTERPRISE, name: "manager" }, cmp("value", "eq", "26")),
    ],
  ])("reads the RFC 7644 §3.4.2.2 example %s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, Filter]>([
    [
      'emails[type eq "work"].value eq "a@b.c"',
      vp("emails", and(cmp("type", "eq", "work"), cmp("value", "eq", "a@b.c"))),
    ],
    ['emails[type eq "work"].value pr', vp("emails", and(cmp("type", "eq", "work"), pr("value")))],
    [
      'emails[type eq "work" or type eq "home"].value ew "@x.org"',
      vp(
        "emails",
        and(or(cmp("type", "eq", "work"), cmp("type", "eq", "home")), cmp("value", "ew", "@x.org")),
      ),
    ],
    [
      'addresses[type eq "work"].postalCode eq "98101" and active eq true',
      and(
        vp("addresses", and(cmp("type", "eq", "work"), cmp("postalCode", "eq", "98101"))),
        cmp("active", "eq", true),
      ),
    ],
  ])("folds the Entra ID form %s into the value filter", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each<[string, Filter]>([
    ["pr pr", pr("pr")],
    ["and eq 1", cmp("and", "eq", 1)],
    ["or pr and not pr", and(pr("or"), pr("not"))],
    ['not eq "x"', cmp("not", "eq", "x")],
    ["not pr", pr("not")],
    ['not[type eq "x"]', vp("not", cmp("type", "eq", "x"))],
    ['not userName eq "x"', not(cmp("userName", "eq", "x"))],
    ['not emails[type eq "work"]', not(vp("emails", cmp("type", "eq", "work")))],
    ['a pr and not b eq "x"', and(pr("a"), not(cmp("b", "eq", "x")))],
    ["not not a pr", not(not(pr("a")))],
  ])("tells keywords from attributes of the same name by position in %s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it.each(['  userName   eq    "x"  ', '\tuserName eq "x"\n', 'userName eq"x"'])(
    "tolerates whitespace around tokens in %j",
    (text) => {
      expect(parseFilter(text)).toEqual(cmp("userName", "eq", "x"));
    },
  );

  it.each(['emails[ type eq "work" ]', 'emails [type eq "work"]'])(
    "tolerates spaces inside and before brackets in %j",
    (text) => {
      expect(parseFilter(text)).toEqual(vp("emails", cmp("type", "eq", "work")));
    },
  );

  it("parses a filter nested exactly to the depth limit", () => {
    const text = `${"(".repeat(FILTER_DEPTH_MAX)}a pr${")".repeat(FILTER_DEPTH_MAX)}`;
    expect(parseFilter(text)).toEqual(pr("a"));
  });

  it("parses a flat chain of terms up to the term limit", () => {
    const text = Array.from({ length: FILTER_TERMS_MAX }, (_, i) => `a${i} pr`).join(" or ");
    expect(parseFilter(text)).toMatchObject({ kind: "or", right: pr(`a${FILTER_TERMS_MAX - 1}`) });
  });
});

describe("parseFilterWithNotes", () => {
  it.each<[string, FilterNote[]]>([
    ['userName eq "x" and not (emails[type eq "work"])', []],
    ['emails[type eq "work"].value eq "a@b.c"', ["entra-value-path-filter"]],
    ["value eq 123abc", ["unquoted-value"]],
    ['not userName eq "x"', ["not-without-parentheses"]],
    [
      'not a eq b and emails[type eq "work"].value pr',
      ["not-without-parentheses", "unquoted-value", "entra-value-path-filter"],
    ],
  ])("reports the client quirks used in %s", (text, notes) => {
    expect(parseFilterWithNotes(text).notes).toEqual(notes);
  });

  it("returns the same filter as parseFilter", () => {
    const text = 'emails[type eq "work"].value eq "a@b.c"';
    expect(parseFilterWithNotes(text).filter).toEqual(parseFilter(text));
  });
});

describe("parsePatchPath", () => {
  it.each<[string, PatchPath]>([
    ["userName", { attr: { name: "userName" } }],
    ["name.givenName", { attr: sub("name", "givenName") }],
    [
      'emails[type eq "work"].value',
      { attr: { name: "emails" }, filter: cmp("type", "eq", "work"), subAttr: "value" },
    ],
    [
      'members[value eq "2819c223"]',
      { attr: { name: "members" }, filter: cmp("value", "eq", "2819c223") },
    ],
    [
      'members[value eq "a" or value eq "b"]',
      { attr: { name: "members" }, filter: or(cmp("value", "eq", "a"), cmp("value", "eq", "b")) },
    ],
    [`${ENTERPRISE}:manager`, { attr: { uri: ENTERPRISE, name: "manager" } }],
    [
      `${ENTERPRISE}:manager.value`,
      { attr: { uri: ENTERPRISE, name: "manager", subAttr: "value" } },
    ],
    [
      'addresses[type eq "work"].streetAddress',
      { attr: { name: "addresses" }, filter: cmp("type", "eq", "work"), subAttr: "streetAddress" },
    ],
    [
      '  emails[type eq "work"] .value ',
      { attr: { name: "emails" }, filter: cmp("type", "eq", "work"), subAttr: "value" },
    ],
  ])("reads the RFC 7644 §3.5.2 path %s", (text, expected) => {
    expect(parsePatchPath(text)).toEqual(expected);
  });
});
