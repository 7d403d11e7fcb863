import { describe, expect, it } from "vitest";
import type { ScimType } from "../errors";
import { ENTERPRISE_USER_SCHEMA as EXT, USER_SCHEMA } from "../urns";
import { MULTI_VALUED_ELEMENTS_MAX } from "../values/coerce-value";
import { catchScimError } from "../values/test-support/catch-scim-error";
import type { ScimObject } from "../values/types";
import { applyPatch } from "./apply-patch";

const USER: ScimObject = {
  id: "2819c223",
  userName: "bjensen@example.com",
  emails: [{ type: "work", value: "b@work.example" }],
  meta: { resourceType: "User", created: "2024-01-01T00:00:00Z" },
  [EXT]: { manager: { value: "m1", displayName: "Boss" } },
};

const GROUP: ScimObject = {
  id: "e9e30dba",
  displayName: "Tour Guides",
  members: [{ value: "u1", type: "User" }],
};

type ErrorCase = [title: string, op: unknown, scimType: ScimType, detail: RegExp];

const USER_ERRORS: ErrorCase[] = [
  ["an unknown op", { op: "merge", path: "title", value: "x" }, "invalidSyntax", /"op" must be/],
  ["an operation that is not an object", "add", "invalidSyntax", /must be a JSON object/],
  ["add without a value", { op: "add", path: "title" }, "invalidValue", /requires a "value"/],
  ["remove without a path (§3.5.2.2)", { op: "remove" }, "noTarget", /requires a "path"/],
  [
    "a malformed path",
    { op: "replace", path: "emails[type eq", value: "x" },
    "invalidPath",
    /Invalid path/,
  ],
  ["a non-string path", { op: "replace", path: 7, value: "x" }, "invalidPath", /must be a string/],
  [
    "an unknown attribute",
    { op: "replace", path: "colour", value: "x" },
    "invalidPath",
    /"colour"/,
  ],
  [
    "an unknown sub-attribute",
    { op: "add", path: "name.nick", value: "x" },
    "invalidPath",
    /name\.nick/,
  ],
  [
    "a filter on a single-valued attribute",
    { op: "replace", path: 'title[value eq "x"]', value: "y" },
    "invalidPath",
    /single-valued/,
  ],
  [
    "a filter on an unknown sub-attribute",
    { op: "replace", path: 'emails[colour eq "red"].value', value: "y" },
    "invalidPath",
    /"colour"/,
  ],
  ["replacing id", { op: "replace", path: "id", value: "other" }, "mutability", /"id" is readOnly/],
  ["removing id", { op: "remove", path: "id" }, "mutability", /readOnly/],
  [
    "replacing meta.created",
    { op: "replace", path: "meta.created", value: "2020-01-01T00:00:00Z" },
    "mutability",
    /readOnly/,
  ],
  [
    "adding groups",
    { op: "add", path: "groups", value: [{ value: "g1" }] },
    "mutability",
    /readOnly/,
  ],
  [
    "a path-less value that changes id",
    { op: "replace", value: { id: "other" } },
    "mutability",
    /readOnly/,
  ],
  [
    "writing the manager's displayName",
    { op: "replace", path: `${EXT}:manager.displayName`, value: "x" },
    "mutability",
    /readOnly/,
  ],
  ["removing userName", { op: "remove", path: "userName" }, "mutability", /required/],
  [
    "replacing userName with null",
    { op: "replace", path: "userName", value: null },
    "mutability",
    /required/,
  ],
  ["an empty userName", { op: "replace", path: "userName", value: "" }, "invalidValue", /required/],
  [
    "a non-boolean active",
    { op: "replace", path: "active", value: "nope" },
    "invalidValue",
    /"active"/,
  ],
  ["a path-less string value", { op: "replace", value: "x" }, "invalidValue", /object "value"/],
  [
    "a filter that matches nothing and cannot describe an element (§3.5.2.3)",
    { op: "replace", path: 'emails[value co "zzz"].type', value: "home" },
    "noTarget",
    /matched no value/,
  ],
  ["removing the core schema", { op: "remove", path: USER_SCHEMA }, "invalidPath", /core schema/],
];

const GROUP_ERRORS: ErrorCase[] = [
  [
    "changing an immutable member value",
    { op: "replace", path: 'members[value eq "u1"].value', value: "u9" },
    "mutability",
    /immutable/,
  ],
  [
    "removing an immutable member type",
    { op: "remove", path: 'members[value eq "u1"].type' },
    "mutability",
    /immutable/,
  ],
  ["removing displayName", { op: "remove", path: "displayName" }, "mutability", /required/],
];

describe("applyPatch errors", () => {
  it.each(USER_ERRORS)("answers 400 for %s", (_title, op, scimType, detail) => {
    const error = catchScimError(() =>
      applyPatch(USER, [op], { kind: "User", extractMembers: false }),
    );
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.message).toMatch(detail);
  });

  it.each(GROUP_ERRORS)("answers 400 for %s", (_title, op, scimType, detail) => {
    const error = catchScimError(() =>
      applyPatch(GROUP, [op], { kind: "Group", extractMembers: false }),
    );
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.message).toMatch(detail);
  });

  it("refuses a multi-valued attribute grown past its limit, one operation or many", () => {
    const email = (i: number) => ({ value: `e${i}@x.example`, type: "work" });
    const many = Array.from({ length: MULTI_VALUED_ELEMENTS_MAX }, (_, i) => email(i));
    const options = { kind: "User", extractMembers: false } as const;
    const full = applyPatch(USER, [{ op: "replace", path: "emails", value: many }], options);
    expect(full.resource.emails).toHaveLength(MULTI_VALUED_ELEMENTS_MAX);

    const oneMore = [{ op: "add", path: "emails", value: [email(-1)] }];
    const error = catchScimError(() => applyPatch(full.resource, oneMore, options));
    expect(error).toMatchObject({ status: 400, scimType: "invalidValue" });
    expect(error.message).toMatch(/at most 1000 values, not 1001/);
    const created = [{ op: "add", path: 'emails[type eq "home"].value', value: "h@x.example" }];
    expect(catchScimError(() => applyPatch(full.resource, created, options)).message).toMatch(
      /at most 1000 values/,
    );
    const tooMany = [...many, email(-1)];
    expect(
      catchScimError(() =>
        applyPatch(USER, [{ op: "add", path: "emails", value: tooMany }], options),
      ).message,
    ).toMatch(/not 1001/);
  });

  it("adds an element once whatever the key order, and keeps a re-added one in place", () => {
    const { resource } = applyPatch(
      USER,
      [
        { op: "add", path: "emails", value: [{ value: "b@work.example", type: "work" }] },
        { op: "add", path: "emails", value: [{ type: "home", value: "h@x.example" }] },
        { op: "add", path: "emails", value: [{ value: "h@x.example", type: "home" }] },
      ],
      { kind: "User", extractMembers: false },
    );
    expect(resource.emails).toEqual([
      { type: "work", value: "b@work.example" },
      { type: "home", value: "h@x.example" },
    ]);
  });

  it("ignores meta and groups echoed in a path-less value, and refuses them by path", () => {
    const options = { kind: "User", extractMembers: false } as const;
    const echoed = {
      ...USER,
      displayName: "Barbara",
      groups: [{ value: "g1", display: "Tour Guides" }],
      meta: { ...(USER.meta as ScimObject), lastModified: "2024-02-02T00:00:00Z" },
    };
    const { resource } = applyPatch(USER, [{ op: "replace", value: echoed }], options);
    expect(resource).toEqual({ ...USER, displayName: "Barbara" });

    const byPath = [{ op: "replace", path: "groups", value: [] }];
    expect(catchScimError(() => applyPatch(USER, byPath, options))).toMatchObject({
      status: 400,
      scimType: "mutability",
    });
    const otherId = [{ op: "replace", value: { id: "another" } }];
    expect(catchScimError(() => applyPatch(USER, otherId, options)).scimType).toBe("mutability");
  });

  it("names the failing operation and keeps the input untouched (all or nothing)", () => {
    const before = structuredClone(USER);
    const error = catchScimError(() =>
      applyPatch(
        USER,
        [
          { op: "replace", path: "title", value: "Guide" },
          { op: "replace", path: "id", value: "other" },
        ],
        { kind: "User", extractMembers: false },
      ),
    );
    expect(error.message).toMatch(/^Operations\[1\]: /);
    expect(USER).toEqual(before);
  });

  it("allows setting an immutable member sub-attribute that has no value yet", () => {
    const { resource } = applyPatch(
      { ...GROUP, members: [{ value: "u1" }] },
      [{ op: "add", path: 'members[value eq "u1"].type', value: "User" }],
      { kind: "Group", extractMembers: false },
    );
    expect(resource.members).toEqual([{ value: "u1", type: "User" }]);
  });
});
