import { DEMO_GROUPS, demoPeople } from "./demo-people";
import type { ScimCaller } from "./scim-caller";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/**
 * What Okta does: search by userName, create, replace whole users with PUT for profile
 * changes, deactivate with a path-less PATCH, push groups and their members.
 */
export async function playOkta({ call }: ScimCaller, count: number): Promise<void> {
  const users: { id: string; body: Record<string, unknown> }[] = [];
  for (const person of demoPeople("globex.example", count)) {
    await call(
      "GET",
      `/Users?filter=${encodeURIComponent(`userName eq "${person.email}"`)}&startIndex=1&count=100`,
    );
    const body = {
      schemas: [USER],
      userName: person.email,
      name: { givenName: person.given, familyName: person.family },
      emails: [{ primary: true, value: person.email, type: "work" }],
      displayName: `${person.given} ${person.family}`,
      locale: "en-US",
      externalId: `00u${person.employeeNumber}`,
      groups: [],
      password: `Demo-${person.employeeNumber}-pass`,
      active: true,
    };
    const created = await call("POST", "/Users", body);
    if (typeof created.body.id === "string") users.push({ id: created.body.id, body });
  }

  for (const { id, body } of users.slice(0, 3)) {
    await call("PUT", `/Users/${id}`, { ...body, id, title: "Team Lead", password: undefined });
  }
  for (const { id } of users.slice(-2)) {
    await call("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: false } }],
    });
  }

  for (const [index, displayName] of DEMO_GROUPS.slice(0, 3).entries()) {
    const group = await call("POST", "/Groups", { schemas: [GROUP], displayName, members: [] });
    if (typeof group.body.id !== "string") continue;
    const members = users.filter((_, n) => n % (index + 1) === 0).map(({ id }) => ({ value: id }));
    await call("PATCH", `/Groups/${group.body.id}`, {
      schemas: [PATCH],
      Operations: [{ op: "add", path: "members", value: members }],
    });
  }
}
