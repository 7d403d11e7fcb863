import { describe, expect, it } from "vitest";
import type { AttrPath } from "./ast";
import { matchesFilter, scopeAttrInfo, type AttrInfo } from "./match-filter";
import { parseFilter } from "./parse-filter";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

const USER = {
  schemas: [CORE_USER, ENTERPRISE],
  id: "2819c223-7f76-453a-919d-413861904646",
  externalId: "AbC-701984",
  userName: "bjensen@example.com",
  active: true,
  title: "",
  nickName: null,
  loginCount: 7,
  department: "Sales",
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [
    { value: "bjensen@example.com", type: "work", primary: true },
    { value: "babs@jensen.org", type: "home" },
  ],
  ims: [{ value: "" }],
  phoneNumbers: [],
  x509Certificates: [{ value: "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMC" }],
  meta: { lastModified: "2011-05-13T04:42:34Z" },
  [ENTERPRISE]: { employeeNumber: "701984", manager: { value: "26118915" } },
};

const text = (caseExact = false): AttrInfo => ({ caseExact, type: "string", multiValued: false });

const USER_SCHEMA: Record<string, AttrInfo> = {
  id: text(true),
  externalid: text(true),
  username: text(),
  active: { caseExact: false, type: "boolean", multiValued: false },
  "meta.lastmodified": { caseExact: false, type: "dateTime", multiValued: false },
  emails: { caseExact: false, type: "complex", multiValued: true },
  "emails.value": text(),
  "emails.type": text(),
  "emails.primary": { caseExact: false, type: "boolean", multiValued: false },
  "x509certificates.value": { caseExact: true, type: "binary", multiValued: false },
};

function userAttrInfo(path: AttrPath): AttrInfo | undefined {
  const key = path.subAttr === undefined ? path.name : `${path.name}.${path.subAttr}`;
  return USER_SCHEMA[key.toLowerCase()];
}

describe("matchesFilter", () => {
  it.each<[string, boolean]>([
    ['userName eq "BJENSEN@example.com"', true],
    ['USERNAME eq "bjensen@example.com"', true],
    ['userName co "JENSEN"', true],
    ['userName sw "bjen"', true],
    ['userName ew ".COM"', true],
    ['userName gt "a"', true],
    ['userName lt "a"', false],
    ['externalId eq "abc-701984"', false],
    ['externalId eq "AbC-701984"', true],
    ['department eq "SALES"', true],
    ['Name.GivenName sw "b"', true],
  ])("compares strings by the attribute's caseExact in %s", (filter, expected) => {
    expect(matchesFilter(parseFilter(filter), USER, userAttrInfo)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['emails.type eq "home"', true],
    ['emails.value ew "jensen.org"', true],
    ['emails.type eq "work" and emails.value ew "jensen.org"', true],
    ['emails[type eq "work" and value ew "jensen.org"]', false],
    ['emails[type eq "home" and value ew "jensen.org"]', true],
    ['emails[type eq "work"].value eq "BJENSEN@example.com"', true],
    ['emails[type eq "home"].primary eq true', false],
    ["emails[primary eq true]", true],
    ['emails co "jensen.org"', true],
    ['emails.type ne "work"', true],
    ['x509Certificates[value sw "miidq"]', false],
    ['x509Certificates[value sw "MIIDQ"]', true],
  ])("matches a multi-valued attribute when any element matches in %s", (filter, expected) => {
    expect(matchesFilter(parseFilter(filter), USER, userAttrInfo)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ["userName pr", true],
    ["name pr", true],
    ["emails pr", true],
    ["title pr", false],
    ["nickName pr", false],
    ["phoneNumbers pr", false],
    ["ims pr", false],
    ["missing pr", false],
    ['missing ne "x"', true],
    ['missing eq "x"', false],
    ["missing eq null", true],
    ["nickName eq null", true],
    ["userName eq null", false],
    ["userName ne null", true],
    ['userName ne "bjensen@example.com"', false],
    ['not (userName eq "x")', true],
  ])("treats null, empty and missing values as unassigned in %s", (filter, expected) => {
    expect(matchesFilter(parseFilter(filter), USER, userAttrInfo)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ["active eq true", true],
    ["active eq false", false],
    ["active ne false", true],
    ["active gt false", false],
    ['active eq "true"', false],
    ["loginCount gt 5", true],
    ["loginCount le 7", true],
    ['loginCount eq "7"', false],
    ["loginCount co 7", false],
    ['meta.lastModified gt "2011-05-13T04:42:33Z"', true],
    ['meta.lastModified eq "2011-05-13T06:42:34+02:00"', true],
    ['meta.lastModified ge "2011-05-13T04:42:34.000Z"', true],
    ['meta.lastModified lt "2011-05-13"', false],
    ['meta.lastModified lt "2011-05-13T04:42:35"', true],
    ['meta.lastModified gt "yesterday"', false],
    ['meta.lastModified sw "2011-05"', true],
  ])("compares booleans, numbers and dateTimes by type in %s", (filter, expected) => {
    expect(matchesFilter(parseFilter(filter), USER, userAttrInfo)).toBe(expected);
  });

  it.each<[string, boolean]>([
    [`${ENTERPRISE}:employeeNumber eq "701984"`, true],
    [`${ENTERPRISE}:manager.value eq "26118915"`, true],
    [`${ENTERPRISE.toLowerCase()}:EMPLOYEENUMBER pr`, true],
    [`${ENTERPRISE}:userName pr`, false],
    [`${CORE_USER}:userName sw "bjensen"`, true],
    [`${CORE_USER}:name.familyName eq "jensen"`, true],
  ])("reads URN-qualified attributes from their schema in %s", (filter, expected) => {
    expect(matchesFilter(parseFilter(filter), USER, userAttrInfo)).toBe(expected);
  });

  it("selects elements of a multi-valued attribute with a relative filter", () => {
    const emailInfo = scopeAttrInfo({ name: "emails" }, userAttrInfo);
    const filter = parseFilter('type eq "WORK" or value ew "@jensen.org"');
    const selected = USER.emails.filter((email) => matchesFilter(filter, email, emailInfo));
    expect(selected).toEqual(USER.emails);
  });
});

describe("scopeAttrInfo", () => {
  it("looks up names inside a value filter as sub-attributes of the parent", () => {
    const lookups: AttrPath[] = [];
    const scoped = scopeAttrInfo({ uri: ENTERPRISE, name: "manager" }, (path) => {
      lookups.push(path);
      return undefined;
    });
    scoped({ name: "value" });
    expect(lookups).toEqual([{ uri: ENTERPRISE, name: "manager", subAttr: "value" }]);
  });
});
