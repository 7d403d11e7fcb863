import { DEMO_GROUPS, demoPeople } from "./demo-people";
import type { ScimCaller } from "./scim-caller";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/**
 * What Microsoft Entra's provisioning service does on a first cycle and a later one: look up
 * each user by userName, create, patch with capitalised ops and string booleans, deactivate.
 */
export async function playEntra({ call }: ScimCaller, count: number): Promise<void> {
  const ids: string[] = [];
  for (const [index, person] of demoPeople("northwind.example", count).entries()) {
    await call("GET", `/Users?filter=${encodeURIComponent(`userName eq "${person.email}"`)}`);
    const created = await call("POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      externalId: `entra-${person.employeeNumber}`,
      userName: person.email,
      active: index % 9 === 8 ? "False" : "True",
      displayName: `${person.given} ${person.family}`,
      title: person.title,
      emails: [{ primary: true, type: "work", value: person.email }],
      name: {
        givenName: person.given,
        familyName: person.family,
        formatted: `${person.given} ${person.family}`,
      },
      [ENTERPRISE]: { department: person.department, employeeNumber: person.employeeNumber },
    });
    if (typeof created.body.id === "string") ids.push(created.body.id);
  }

  const groupIds: string[] = [];
  for (const displayName of DEMO_GROUPS) {
    const group = await call("POST", "/Groups", {
      schemas: [GROUP],
      displayName,
      externalId: `entra-${displayName}`,
    });
    if (typeof group.body.id === "string") groupIds.push(group.body.id);
  }
  for (const [index, groupId] of groupIds.entries()) {
    const members = ids.filter((_, n) => index === 0 || n % (index + 2) === 0);
    await call("PATCH", `/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: "Add", path: "members", value: members.map((value) => ({ value })) }],
    });
  }

  for (const id of ids.slice(0, 4)) {
    await call("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "Replace", path: "title", value: "Senior Engineer" }],
    });
  }
  const leaver = ids[5];
  if (leaver) {
    await call("PATCH", `/Users/${leaver}`, {
      schemas: [PATCH],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    const firstGroup = groupIds[0];
    if (firstGroup) {
      await call("PATCH", `/Groups/${firstGroup}`, {
        schemas: [PATCH],
        Operations: [{ op: "Remove", path: `members[value eq "${leaver}"]` }],
      });
    }
  }
}
