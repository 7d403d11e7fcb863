import { describe, expect, it } from "vitest";
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from "../urns";
import { normalizeResource } from "./normalize-resource";
import { catchScimError } from "./test-support/catch-scim-error";

const ENTRA_USER = {
  schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
  externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
  userName: "Test_User_ab6490ee@testuser.com",
  active: "True",
  displayName: "Test User",
  emails: [{ primary: true, type: "work", value: "Test_User_fd0ea19b@testuser.com" }],
  meta: { resourceType: "User" },
  name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
  roles: [],
  [ENTERPRISE_USER_SCHEMA]: { employeeNumber: "701984", department: "Sales", manager: "mgr-1" },
};

const OKTA_USER = {
  schemas: [USER_SCHEMA],
  userName: "isaac.brock@example.com",
  name: { givenName: "Isaac", familyName: "Brock" },
  emails: [{ primary: true, value: "isaac.brock@example.com", type: "work" }],
  displayName: "Isaac Brock",
  locale: "en-US",
  externalId: "00ujl29u0le5T6Aj10h7",
  groups: [],
  password: "1mz050nq",
  active: true,
};

function expectScimError(run: () => unknown, scimType: string, detail: RegExp): void {
  const error = catchScimError(run);
  expect(error).toMatchObject({ status: 400, scimType });
  expect(error.message).toMatch(detail);
}

describe("normalizeResource", () => {
  it("coerces an Entra ID user: string booleans, bare manager id, readOnly meta dropped", () => {
    const { resource, notes } = normalizeResource("User", ENTRA_USER);

    expect(resource).toEqual({
      externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
      userName: "Test_User_ab6490ee@testuser.com",
      active: true,
      displayName: "Test User",
      emails: [{ primary: true, type: "work", value: "Test_User_fd0ea19b@testuser.com" }],
      name: { formatted: "givenName familyName", familyName: "familyName", givenName: "givenName" },
      [ENTERPRISE_USER_SCHEMA]: {
        employeeNumber: "701984",
        department: "Sales",
        manager: { value: "mgr-1" },
      },
    });
    expect(notes.sort()).toEqual(["bare-manager-id", "string-boolean"]);
  });

  it("keeps an Okta user as sent, minus readOnly groups, with its password for hashing", () => {
    const { resource, notes } = normalizeResource("User", OKTA_USER);

    const { schemas: _schemas, groups: _groups, ...expected } = OKTA_USER;
    expect(resource).toEqual(expected);
    expect(notes).toEqual([]);
  });

  it("canonicalises attribute and URN spelling at every level", () => {
    const { resource, notes } = normalizeResource("User", {
      USERNAME: "bjensen",
      Name: { GivenName: "Barbara", FAMILYNAME: "Jensen" },
      Emails: [{ VALUE: "b@example.com", Type: "work" }],
      [ENTERPRISE_USER_SCHEMA.toLowerCase()]: { Department: "Tour Operations" },
    });

    expect(resource).toEqual({
      userName: "bjensen",
      name: { givenName: "Barbara", familyName: "Jensen" },
      emails: [{ value: "b@example.com", type: "work" }],
      [ENTERPRISE_USER_SCHEMA]: { department: "Tour Operations" },
    });
    expect(notes).toEqual(["attribute-case"]);
  });

  it("moves URN-qualified top-level keys into their schema", () => {
    const { resource, notes } = normalizeResource("User", {
      [`${USER_SCHEMA}:userName`]: "bjensen",
      [`${ENTERPRISE_USER_SCHEMA}:department`]: "Sales",
      [ENTERPRISE_USER_SCHEMA]: { costCenter: "4130" },
    });

    expect(resource).toEqual({
      userName: "bjensen",
      [ENTERPRISE_USER_SCHEMA]: { department: "Sales", costCenter: "4130" },
    });
    expect(notes).toEqual(["urn-qualified-key"]);
  });

  it("wraps a single object given for a multi-valued attribute", () => {
    const { resource, notes } = normalizeResource("User", {
      userName: "bjensen",
      emails: { value: "b@example.com", type: "work" },
    });

    expect(resource.emails).toEqual([{ value: "b@example.com", type: "work" }]);
    expect(notes).toEqual(["single-value-wrapped"]);
  });

  it("keeps only the last primary element true (RFC 7643 §2.4)", () => {
    const { resource, notes } = normalizeResource("User", {
      userName: "bjensen",
      emails: [
        { value: "a@example.com", primary: true },
        { value: "b@example.com", primary: "True" },
      ],
    });

    expect(resource.emails).toEqual([
      { value: "a@example.com", primary: false },
      { value: "b@example.com", primary: true },
    ]);
    expect(notes).toContain("multiple-primary");
  });

  it("treats null, empty arrays and emptied complex values as unassigned", () => {
    const { resource } = normalizeResource("User", {
      userName: "bjensen",
      title: null,
      roles: [],
      name: { givenName: null },
      [ENTERPRISE_USER_SCHEMA]: { manager: { displayName: "readOnly only" } },
    });

    expect(resource).toEqual({ userName: "bjensen" });
  });

  it("drops multi-valued elements with nothing known in them", () => {
    const { resource } = normalizeResource("User", {
      userName: "bjensen",
      emails: [{}, { colour: "blue" }, { value: "b@x.example" }],
      phoneNumbers: [{}],
    });

    expect(resource).toEqual({ userName: "bjensen", emails: [{ value: "b@x.example" }] });
  });

  it("drops readOnly and unknown attributes, noting only the unknown ones", () => {
    const { resource, notes } = normalizeResource("User", {
      id: "client-chosen",
      userName: "bjensen",
      meta: { created: "not even a date" },
      groups: [{ value: "g1" }],
      favouriteColour: "blue",
      [ENTERPRISE_USER_SCHEMA]: { manager: { value: "m1", displayName: "Boss" } },
    });

    expect(resource).toEqual({
      userName: "bjensen",
      [ENTERPRISE_USER_SCHEMA]: { manager: { value: "m1" } },
    });
    expect(notes).toEqual(["unknown-attribute"]);
  });

  it("drops a __proto__ key without touching any prototype", () => {
    const body: unknown = JSON.parse(
      `{"userName":"bjensen","__proto__":{"isAdmin":true},` +
        `"${ENTERPRISE_USER_SCHEMA}":{"__proto__":{"isAdmin":true}}}`,
    );
    const { resource } = normalizeResource("User", body);

    expect(resource).toEqual({ userName: "bjensen" });
    expect(Object.getPrototypeOf(resource)).toBe(Object.prototype);
    expect(Object.prototype).not.toHaveProperty("isAdmin");
  });

  it("normalises Entra and Okta groups, dropping readOnly members.display", () => {
    const entra = normalizeResource("Group", {
      schemas: [GROUP_SCHEMA],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Group1DisplayName",
      members: [],
    });
    const okta = normalizeResource("Group", {
      schemas: [GROUP_SCHEMA],
      displayName: "Test SCIMv2",
      members: [{ value: "u1", display: "Isaac Brock" }, "u2"],
    });

    expect(entra.resource).toEqual({
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Group1DisplayName",
    });
    expect(okta.resource).toEqual({
      displayName: "Test SCIMv2",
      members: [{ value: "u1" }, { value: "u2" }],
    });
    expect(okta.notes).toEqual(["bare-complex-value"]);
  });

  it.each([
    ["a non-boolean active", { active: "yes" }, /"active" must be a boolean/],
    ["a numeric userName", { userName: 42 }, /"userName" must be a string/],
    ["an empty userName", { userName: "  " }, /"userName" is required/],
    ["a string for name", { name: "Barbara Jensen" }, /"name" must be a complex object/],
    ["a numeric email value", { emails: [{ value: 7 }] }, /"emails.value" must be a string/],
    ["a boolean primary", { emails: [{ primary: "maybe" }] }, /"emails.primary"/],
    [
      "a non-object extension",
      { [ENTERPRISE_USER_SCHEMA]: "Sales" },
      /enterprise:2\.0:User" must be an object/,
    ],
    [
      "a non-string manager id",
      { [ENTERPRISE_USER_SCHEMA]: { manager: { value: 9 } } },
      /enterprise:2\.0:User:manager\.value" must be a string/,
    ],
    ["two values for a single-valued attribute", { title: ["a", "b"] }, /"title" is single/],
    ["non-string schemas", { schemas: [1] }, /"schemas" must be an array/],
  ])("rejects %s with invalidValue naming the attribute", (_name, extra, detail) => {
    expectScimError(
      () => normalizeResource("User", { userName: "bjensen", ...extra }),
      "invalidValue",
      detail,
    );
  });

  it("rejects a body that is not an object with invalidSyntax", () => {
    expectScimError(() => normalizeResource("User", ["userName"]), "invalidSyntax", /JSON object/);
  });
});
