import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER_SCHEMA as EXT } from "../urns";
import type { ScimObject } from "../values/types";
import { applyPatch } from "./apply-patch";

const BJENSEN: ScimObject = {
  id: "2819c223",
  userName: "bjensen@example.com",
  active: true,
  name: { givenName: "Barbara", familyName: "Jensen" },
  emails: [{ type: "home", value: "babs@home.example", primary: true }],
  meta: { resourceType: "User", created: "2024-01-01T00:00:00Z" },
};

const patchUser = (operations: unknown[], resource: ScimObject = BJENSEN) =>
  applyPatch(resource, operations, { kind: "User", extractMembers: false });

type Case = {
  title: string;
  ops: unknown[];
  expected: ScimObject;
  /** The resource to patch, when not BJENSEN. */
  resource?: ScimObject;
  notes?: string[];
};

const ENTRA_CASES: Case[] = [
  {
    title: 'coerces Replace active "False" to false',
    ops: [{ op: "Replace", path: "active", value: "False" }],
    expected: { ...BJENSEN, active: false },
    notes: ["capitalised-op", "string-boolean"],
  },
  {
    title: "creates the work email a value-filtered Add names",
    ops: [{ op: "Add", path: 'emails[type eq "work"].value', value: "a@b.c" }],
    expected: {
      ...BJENSEN,
      emails: [
        { type: "home", value: "babs@home.example", primary: true },
        { type: "work", value: "a@b.c" },
      ],
    },
    notes: ["capitalised-op", "filter-created-element"],
  },
  {
    title: "replaces the sub-attribute of the element a filter matches",
    ops: [{ op: "Replace", path: 'emails[type eq "home"].value', value: "new@home.example" }],
    expected: { ...BJENSEN, emails: [{ type: "home", value: "new@home.example", primary: true }] },
  },
  {
    title: "turns a bare manager id into the enterprise manager object",
    ops: [{ op: "Add", path: `${EXT}:manager`, value: "id123" }],
    expected: { ...BJENSEN, [EXT]: { manager: { value: "id123" } } },
    notes: ["capitalised-op", "bare-manager-id"],
  },
  {
    title: "applies a path-less Replace whose keys are paths and URN-qualified names",
    ops: [
      {
        op: "Replace",
        value: {
          displayName: "Babs Jensen",
          "name.givenName": "Babs",
          [`${EXT}:department`]: "Tour Operations",
          'emails[type eq "work"].value': "babs@work.example",
        },
      },
    ],
    expected: {
      ...BJENSEN,
      displayName: "Babs Jensen",
      name: { givenName: "Babs", familyName: "Jensen" },
      [EXT]: { department: "Tour Operations" },
      emails: [
        { type: "home", value: "babs@home.example", primary: true },
        { type: "work", value: "babs@work.example" },
      ],
    },
    notes: ["capitalised-op", "path-in-value", "urn-qualified-key", "filter-created-element"],
  },
  {
    title: "fills a filter-created address in two steps",
    ops: [
      { op: "Add", path: 'addresses[type eq "work"].streetAddress', value: "1 Main St" },
      { op: "Add", path: 'addresses[type eq "work"].locality', value: "Springfield" },
    ],
    expected: {
      ...BJENSEN,
      addresses: [{ type: "work", streetAddress: "1 Main St", locality: "Springfield" }],
    },
  },
  {
    title: "merges an extension object given under its URN",
    ops: [{ op: "Add", value: { [EXT]: { employeeNumber: "701984", costCenter: "4130" } } }],
    expected: { ...BJENSEN, [EXT]: { employeeNumber: "701984", costCenter: "4130" } },
  },
  {
    title: "removes the manager and drops the emptied extension object",
    resource: { ...BJENSEN, [EXT]: { manager: { value: "m1", displayName: "Boss" } } },
    ops: [{ op: "Remove", path: `${EXT}:manager` }],
    expected: BJENSEN,
  },
  {
    title: 'coerces "False" inside element values of a multi-valued add',
    ops: [
      {
        op: "Add",
        path: "roles",
        value: [{ primary: "False", type: "WindowsAzureActiveDirectoryRole", value: "Admin" }],
      },
    ],
    expected: {
      ...BJENSEN,
      roles: [{ primary: false, type: "WindowsAzureActiveDirectoryRole", value: "Admin" }],
    },
  },
  {
    title: "replaces userName and adds externalId",
    ops: [
      { op: "Replace", path: "userName", value: "babs@example.com" },
      { op: "Add", path: "externalId", value: "0a21f0f2" },
    ],
    expected: { ...BJENSEN, userName: "babs@example.com", externalId: "0a21f0f2" },
  },
];

const OKTA_CASES: Case[] = [
  {
    title: "deactivates with a path-less replace",
    ops: [{ op: "replace", value: { active: false } }],
    expected: { ...BJENSEN, active: false },
    notes: [],
  },
  {
    title: "tolerates the unchanged readOnly id in a full-profile replace",
    ops: [
      {
        op: "replace",
        value: { id: "2819c223", userName: "bjensen@example.com", name: { givenName: "Babs" } },
      },
    ],
    expected: { ...BJENSEN, name: { givenName: "Babs", familyName: "Jensen" } },
  },
];

const RFC_CASES: Case[] = [
  {
    title: "merges sub-attributes when adding to a complex attribute (§3.5.2.1)",
    ops: [{ op: "add", path: "name", value: { middleName: "Ann" } }],
    expected: {
      ...BJENSEN,
      name: { givenName: "Barbara", familyName: "Jensen", middleName: "Ann" },
    },
  },
  {
    title: "leaves unnamed sub-attributes unchanged when replacing a complex one (§3.5.2.3)",
    ops: [{ op: "replace", path: "name", value: { givenName: "Babs" } }],
    expected: { ...BJENSEN, name: { givenName: "Babs", familyName: "Jensen" } },
  },
  {
    title: "appends to a multi-valued attribute and skips an exact duplicate",
    ops: [
      {
        op: "add",
        path: "emails",
        value: [
          { type: "home", value: "babs@home.example", primary: true },
          { type: "other", value: "b@other.example" },
        ],
      },
    ],
    expected: {
      ...BJENSEN,
      emails: [
        { type: "home", value: "babs@home.example", primary: true },
        { type: "other", value: "b@other.example" },
      ],
    },
  },
  {
    title: "skips a duplicate that differs only in case where the schema ignores case",
    ops: [
      {
        op: "add",
        path: "emails",
        value: [{ type: "Home", value: "BABS@home.example", primary: true }],
      },
    ],
    expected: BJENSEN,
  },
  {
    title: "makes a present element primary when it is added again as primary",
    resource: {
      ...BJENSEN,
      emails: [
        { type: "work", value: "w@x" },
        { type: "home", value: "babs@home.example", primary: true },
      ],
    },
    ops: [{ op: "add", path: "emails", value: [{ type: "work", value: "w@x", primary: true }] }],
    expected: {
      ...BJENSEN,
      emails: [
        { type: "work", value: "w@x", primary: true },
        { type: "home", value: "babs@home.example", primary: false },
      ],
    },
  },
  {
    title: "adds an element sent twice in one operation once, keeping its primary",
    ops: [
      {
        op: "add",
        path: "emails",
        value: [
          { type: "work", value: "z@x", primary: true },
          { value: "z@x", primary: true, type: "work" },
        ],
      },
    ],
    expected: {
      ...BJENSEN,
      emails: [
        { type: "home", value: "babs@home.example", primary: false },
        { type: "work", value: "z@x", primary: true },
      ],
    },
  },
  {
    title: "replaces every value of a multi-valued attribute without a filter",
    ops: [{ op: "replace", path: "emails", value: [{ type: "work", value: "w@example.com" }] }],
    expected: { ...BJENSEN, emails: [{ type: "work", value: "w@example.com" }] },
  },
  {
    title: "replaces a whole element a filter matches",
    ops: [
      { op: "replace", path: 'emails[type eq "home"]', value: { type: "home", value: "h2@x" } },
    ],
    expected: { ...BJENSEN, emails: [{ type: "home", value: "h2@x" }] },
  },
  {
    title: "clears the old primary when an added element is primary",
    ops: [{ op: "add", path: "emails", value: [{ type: "work", value: "w@x", primary: true }] }],
    expected: {
      ...BJENSEN,
      emails: [
        { type: "home", value: "babs@home.example", primary: false },
        { type: "work", value: "w@x", primary: true },
      ],
    },
  },
  {
    title: "clears the old primary when a filtered element is made primary",
    ops: [
      { op: "add", path: "emails", value: { type: "work", value: "w@x" } },
      { op: "replace", path: 'emails[type eq "work"].primary', value: true },
    ],
    expected: {
      ...BJENSEN,
      emails: [
        { type: "home", value: "babs@home.example", primary: false },
        { type: "work", value: "w@x", primary: true },
      ],
    },
    notes: ["single-value-wrapped"],
  },
  {
    title: "treats a replace of an absent attribute as an add",
    ops: [{ op: "replace", path: "title", value: "Tour Guide" }],
    expected: { ...BJENSEN, title: "Tour Guide" },
  },
  {
    title: "resolves attribute names case-insensitively",
    ops: [{ op: "replace", path: 'EMAILS[TYPE eq "home"].VALUE', value: "x@y" }],
    expected: { ...BJENSEN, emails: [{ type: "home", value: "x@y", primary: true }] },
  },
  {
    title: "removes a sub-attribute",
    ops: [{ op: "remove", path: "name.givenName" }],
    expected: { ...BJENSEN, name: { familyName: "Jensen" } },
  },
  {
    title: "removes filtered elements and the emptied attribute (§3.5.2.2)",
    ops: [{ op: "remove", path: 'emails[type eq "home"]' }],
    expected: (({ emails: _emails, ...rest }) => rest)(BJENSEN),
  },
  {
    title: "removes a sub-attribute of filtered elements",
    ops: [{ op: "remove", path: 'emails[type eq "home"].primary' }],
    expected: { ...BJENSEN, emails: [{ type: "home", value: "babs@home.example" }] },
  },
  {
    title: "treats removing an absent attribute or an unmatched filter as a no-op",
    ops: [
      { op: "remove", path: "title" },
      { op: "remove", path: 'emails[type eq "work"]' },
      { op: "remove", path: EXT },
    ],
    expected: BJENSEN,
  },
  {
    title: "removes on replace with null and ignores add with null (RFC 7643 §2.5)",
    ops: [
      { op: "replace", path: "active", value: null },
      { op: "add", path: "title", value: null },
    ],
    expected: (({ active: _active, ...rest }) => rest)(BJENSEN),
  },
  {
    title: "drops unknown keys of a path-less value",
    ops: [{ op: "add", value: { nickName: "Babs", favouriteColour: "blue", schemas: [] } }],
    expected: { ...BJENSEN, nickName: "Babs" },
    notes: ["unknown-attribute"],
  },
];

describe("applyPatch", () => {
  describe.each([
    ["Entra ID", ENTRA_CASES],
    ["Okta", OKTA_CASES],
    ["RFC 7644", RFC_CASES],
  ])("%s payloads", (_client, cases) => {
    it.each(cases)("$title", ({ ops, expected, resource, notes }) => {
      const result = patchUser(ops, resource);

      expect(result.resource).toEqual(expected);
      expect(result.memberChanges).toEqual([]);
      if (notes) expect(result.notes).toEqual(notes);
    });
  });

  it("does not mutate the resource it is given", () => {
    const input = structuredClone(BJENSEN);
    patchUser([
      { op: "replace", path: "name.givenName", value: "Babs" },
      { op: "remove", path: "emails" },
    ]);
    expect(BJENSEN).toEqual(input);
  });

  it("keeps the writeOnly password in the result for the caller to hash", () => {
    const { resource } = patchUser([{ op: "replace", path: "password", value: "t1meMa$heen" }]);
    expect(resource.password).toBe("t1meMa$heen");
  });
});
