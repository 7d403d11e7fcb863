import { describe, expect, it } from "vitest";
import { applyProjection, includesAttribute, parseProjection } from "./projection";
import { ENTERPRISE_USER_SCHEMA } from "./urns";

const workEmail = { value: "ada@work.example", type: "work", primary: true };
const homeEmail = { value: "ada@home.example", type: "home", primary: false };

const user = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE_USER_SCHEMA],
  id: "u1",
  userName: "ada@example.com",
  name: { givenName: "Ada", familyName: "Lovelace" },
  emails: [workEmail, homeEmail],
  [ENTERPRISE_USER_SCHEMA]: { department: "R&D", employeeNumber: "7" },
  meta: { resourceType: "User", version: 'W/"1"' },
};

function project(attributes?: string, excluded?: string) {
  return applyProjection(user, parseProjection("User", attributes, excluded));
}

describe("applyProjection", () => {
  it("keeps id and schemas whatever attributes selects", () => {
    expect(project("userName")).toEqual({
      schemas: user.schemas,
      id: "u1",
      userName: "ada@example.com",
    });
  });

  it("matches attribute names case-insensitively and selects sub-attributes", () => {
    const result = project("NAME.givenname,emails.value");
    expect(result.name).toEqual({ givenName: "Ada" });
    expect(result.emails).toEqual([{ value: workEmail.value }, { value: homeEmail.value }]);
  });

  it("selects extension attributes by their full URN path", () => {
    const result = project(`${ENTERPRISE_USER_SCHEMA}:department`);
    expect(result[ENTERPRISE_USER_SCHEMA]).toEqual({ department: "R&D" });
  });

  it("selects only the elements a value filter matches", () => {
    expect(project('emails[type eq "work"]').emails).toEqual([workEmail]);
    expect(project('emails[value eq "nobody"]').emails).toBeUndefined();
  });

  it("removes excluded attributes but never id", () => {
    const result = project(undefined, "emails,id,name.familyName");
    expect(result.emails).toBeUndefined();
    expect(result.id).toBe("u1");
    expect(result.name).toEqual({ givenName: "Ada" });
  });

  it("removes only the filtered elements when an excluded entry has a value filter", () => {
    expect(project(undefined, 'emails[type eq "home"]').emails).toEqual([workEmail]);
  });

  it("ignores unknown attribute names instead of failing the read", () => {
    expect(project("userName,nonsense")).toEqual({
      schemas: user.schemas,
      id: "u1",
      userName: "ada@example.com",
    });
  });
});

describe("includesAttribute", () => {
  it("reports whether members will be returned, so the store can skip loading them", () => {
    expect(includesAttribute(parseProjection("Group", undefined, "members"), "members")).toBe(
      false,
    );
    expect(includesAttribute(parseProjection("Group", "displayName", undefined), "members")).toBe(
      false,
    );
    expect(includesAttribute(parseProjection("Group", undefined, undefined), "members")).toBe(true);
    expect(includesAttribute(parseProjection("Group", "members.value", undefined), "members")).toBe(
      true,
    );
  });
});
