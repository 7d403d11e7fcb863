import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  URN,
  asArray,
  asJson,
  asString,
  bodyOf,
  createUser,
  filterQuery,
  getJson,
  idOf,
  memberIdsOf,
  patchAndRead,
  patchOp,
  resourcesOf,
  type Json,
  type ScimRequest,
} from "./provisioning-helpers";

/** Payloads shaped like Microsoft Entra ID's provisioning service sends them. */
const ALICE = "alice.nakamura@contoso.example";

function entraUser(managerId: string): Json {
  return {
    schemas: [URN.user, URN.enterprise],
    externalId: "7d1c5b9a-3e0f-4c55-9f0a-2b8e6d4c1a77",
    userName: ALICE,
    active: true,
    displayName: "Alice Nakamura",
    emails: [{ primary: true, type: "work", value: ALICE }],
    meta: { resourceType: "User" },
    name: { formatted: "Alice Nakamura", familyName: "Nakamura", givenName: "Alice" },
    title: "Staff Engineer",
    [URN.enterprise]: {
      department: "Platform",
      employeeNumber: "100042",
      manager: { value: managerId },
    },
  };
}

let server: TestServer;
let request: ScimRequest;
let managerId = "";
let secondManagerId = "";
let aliceId = "";
let created: Json = {};
let groupId = "";

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "entra").token);
  const manager = await createUser(request, { userName: "bo.manager@contoso.example" });
  const second = await createUser(request, { userName: "cy.manager@contoso.example" });
  managerId = idOf(manager);
  secondManagerId = idOf(second);
});

afterAll(async () => {
  await server?.stop();
});

/** The path of a URI the server returned; the host is asserted once, on its own. */
function pathOf(uri: unknown): string {
  return new URL(asString(uri, "URI")).pathname;
}

function enterpriseOf(user: Json): Json {
  return asJson(user[URN.enterprise], "enterprise extension");
}

describe("Entra ID user provisioning", () => {
  it("answers the userName lookup for an unknown user with an empty ListResponse", async () => {
    const response = await request("GET", `/Users?${filterQuery(`userName eq "${ALICE}"`)}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    const body = bodyOf(response);
    expect(body.schemas).toEqual([URN.listResponse]);
    expect(body.totalResults).toBe(0);
    expect(resourcesOf(response)).toEqual([]);
  });

  it("creates the user with every attribute Entra sends and returns it with 201", async () => {
    const response = await request("POST", "/Users", entraUser(managerId));

    expect(response.status).toBe(201);
    created = bodyOf(response);
    aliceId = idOf(created);
    expect(created).toMatchObject({
      externalId: "7d1c5b9a-3e0f-4c55-9f0a-2b8e6d4c1a77",
      userName: ALICE,
      active: true,
      displayName: "Alice Nakamura",
      emails: [{ primary: true, type: "work", value: ALICE }],
      name: { formatted: "Alice Nakamura", familyName: "Nakamura", givenName: "Alice" },
      title: "Staff Engineer",
    });
    expect(created.schemas).toEqual(expect.arrayContaining([URN.user, URN.enterprise]));
    expect(enterpriseOf(created)).toMatchObject({
      department: "Platform",
      employeeNumber: "100042",
      manager: { value: managerId },
    });
    const meta = asJson(created.meta, "meta");
    expect(meta.resourceType).toBe("User");
    expect(pathOf(meta.location)).toBe(`/scim/v2/Users/${aliceId}`);
    expect(response.headers.get("location")).toBe(meta.location);
    expect(response.headers.get("etag")).toBe(meta.version);
    expect(Date.parse(String(meta.created))).not.toBeNaN();
  });

  it("builds meta.location from the host the client addressed", async () => {
    const response = await request("GET", `/Users/${aliceId}`);

    expect(asJson(bodyOf(response).meta).location).toBe(`${server.scimUrl}/Users/${aliceId}`);
  });

  it("returns the same representation on GET by id, with its ETag", async () => {
    const response = await request("GET", `/Users/${aliceId}`);

    expect(response.status).toBe(200);
    expect(bodyOf(response)).toEqual(created);
    expect(response.headers.get("etag")).toBe(asJson(created.meta).version);
  });

  it("finds the user by the Entra form of an email filter", async () => {
    const filter = `emails[type eq "work"].value eq "${ALICE}"`;
    const response = await request("GET", `/Users?${filterQuery(filter)}`);

    expect(response.status).toBe(200);
    expect(resourcesOf(response).map(idOf)).toEqual([aliceId]);
  });
});

type PatchCase = { title: string; operation: () => Json; expected: (user: Json) => void };

const ENTRA_PATCHES: PatchCase[] = [
  {
    title: 'reads "Replace" with the string "False" as active = false',
    operation: () => ({ op: "Replace", path: "active", value: "False" }),
    expected: (user) => expect(user.active).toBe(false),
  },
  {
    title: 'reads "Replace" with the string "True" as active = true',
    operation: () => ({ op: "Replace", path: "active", value: "True" }),
    expected: (user) => expect(user.active).toBe(true),
  },
  {
    title: "changes the work email in place through a value-filter path",
    operation: () => ({
      op: "Add",
      path: 'emails[type eq "work"].value',
      value: "alice.n@contoso.example",
    }),
    expected: (user) => {
      expect(user.emails).toEqual([
        { primary: true, type: "work", value: "alice.n@contoso.example" },
      ]);
    },
  },
  {
    title: "creates the element when Replace names a work phone the user lacks",
    operation: () => ({
      op: "Replace",
      path: 'phoneNumbers[type eq "work"].value',
      value: "+1 425 555 0100",
    }),
    expected: (user) => {
      expect(user.phoneNumbers).toEqual([{ type: "work", value: "+1 425 555 0100" }]);
    },
  },
  {
    title: "stores a manager sent as a bare id as the complex value { value }",
    operation: () => ({ op: "Replace", path: `${URN.enterprise}:manager`, value: secondManagerId }),
    expected: (user) => {
      const manager = asJson(enterpriseOf(user).manager, "manager");
      expect(manager.value).toBe(secondManagerId);
      expect(enterpriseOf(user).department).toBe("Platform");
    },
  },
  {
    title: "replaces name.givenName and keeps the other name parts",
    operation: () => ({ op: "Replace", path: "name.givenName", value: "Aiko" }),
    expected: (user) => {
      expect(user.name).toEqual({
        formatted: "Alice Nakamura",
        familyName: "Nakamura",
        givenName: "Aiko",
      });
    },
  },
  {
    title: "applies a path-less Replace of displayName",
    operation: () => ({ op: "Replace", value: { displayName: "Aiko Nakamura" } }),
    expected: (user) => {
      expect(user.displayName).toBe("Aiko Nakamura");
      expect(user.userName).toBe(ALICE);
    },
  },
];

describe("Entra ID user PATCH forms", () => {
  it.each(ENTRA_PATCHES)("$title, moves the ETag on, and persists", async (row) => {
    const before = await getJson(request, `/Users/${aliceId}`);

    const patched = await patchAndRead(request, `/Users/${aliceId}`, patchOp(row.operation()));

    row.expected(patched);
    expect(asJson(patched.meta).version).not.toBe(asJson(before.meta).version);
  });
});

describe("Entra ID group provisioning", () => {
  it("answers the displayName lookup for an unknown group with an empty ListResponse", async () => {
    const filter = filterQuery('displayName eq "Platform Team"');
    const response = await request("GET", `/Groups?excludedAttributes=members&${filter}`);

    expect(response.status).toBe(200);
    expect(bodyOf(response).totalResults).toBe(0);
    expect(resourcesOf(response)).toEqual([]);
  });

  it("creates the group and finds it by displayName without members", async () => {
    const response = await request("POST", "/Groups", {
      schemas: [URN.group],
      externalId: "0f3a9c2e-8b41-4d7e-a6b5-5c2d1e9f8a10",
      displayName: "Platform Team",
      members: [],
    });
    expect(response.status).toBe(201);
    groupId = idOf(response.body);
    expect(bodyOf(response)).toMatchObject({
      schemas: [URN.group],
      displayName: "Platform Team",
      externalId: "0f3a9c2e-8b41-4d7e-a6b5-5c2d1e9f8a10",
    });

    const filter = filterQuery('displayName eq "Platform Team"');
    const found = await request("GET", `/Groups?excludedAttributes=members&${filter}`);

    const resources = resourcesOf(found);
    expect(resources.map(idOf)).toEqual([groupId]);
    expect(resources[0]).not.toHaveProperty("members");
  });

  it("adds a member with Entra's Add members operation and answers 204", async () => {
    const operation = { op: "Add", path: "members", value: [{ value: aliceId }] };

    const response = await request("PATCH", `/Groups/${groupId}`, patchOp(operation));

    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    const group = await getJson(request, `/Groups/${groupId}`);
    expect(memberIdsOf(group)).toEqual([aliceId]);
    const member = asJson(asArray(group.members)[0], "member");
    expect(member).toMatchObject({ value: aliceId, display: "Aiko Nakamura", type: "User" });
    expect(pathOf(member.$ref)).toBe(`/scim/v2/Users/${aliceId}`);
    const user = await getJson(request, `/Users/${aliceId}`);
    expect(user.groups).toEqual([
      expect.objectContaining({ value: groupId, display: "Platform Team" }),
    ]);
  });

  it("removes a member with Entra's Remove members operation carrying a value", async () => {
    const operation = { op: "Remove", path: "members", value: [{ value: aliceId }] };

    const response = await request("PATCH", `/Groups/${groupId}`, patchOp(operation));

    expect(response.status).toBe(204);
    expect(memberIdsOf(await getJson(request, `/Groups/${groupId}`))).toEqual([]);
    const user = await getJson(request, `/Users/${aliceId}`);
    expect(user.groups ?? []).toEqual([]);
  });
});

describe("Entra ID deprovisioning", () => {
  it("deactivates the user and still lists it, as inactive", async () => {
    const operation = { op: "Replace", path: "active", value: "False" };

    const user = await patchAndRead(request, `/Users/${aliceId}`, patchOp(operation));

    expect(user.active).toBe(false);
    const listed = await request("GET", `/Users?${filterQuery(`userName eq "${ALICE}"`)}`);
    expect(resourcesOf(listed).map((item) => [item.id, item.active])).toEqual([[aliceId, false]]);
  });

  it("deletes the user: 204, then 404 on GET and absent from the userName lookup", async () => {
    const response = await request("DELETE", `/Users/${aliceId}`);

    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect((await request("GET", `/Users/${aliceId}`)).status).toBe(404);
    const listed = await request("GET", `/Users?${filterQuery(`userName eq "${ALICE}"`)}`);
    expect(bodyOf(listed).totalResults).toBe(0);
  });
});
