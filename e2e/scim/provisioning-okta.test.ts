import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  URN,
  asJson,
  bodyOf,
  createUser,
  filterQuery,
  getJson,
  idOf,
  memberIdsOf,
  patchOp,
  resourcesOf,
  type Json,
  type ScimRequest,
} from "./provisioning-helpers";

/** Payloads shaped like Okta's SCIM 2.0 provisioning integration sends them. */
const USER_NAME = "dana.okafor@example.com";
const PASSWORD = "t0p-Secret-Okta-Pa55!";

const oktaUser: Json = {
  schemas: [URN.user],
  userName: USER_NAME,
  name: { givenName: "Dana", familyName: "Okafor" },
  emails: [{ primary: true, value: USER_NAME, type: "work" }],
  displayName: "Dana Okafor",
  locale: "en-US",
  externalId: "00u1a2b3c4D5e6F7g8h9",
  groups: [],
  password: PASSWORD,
  active: true,
};

let server: TestServer;
let request: ScimRequest;
let userId = "";
let created: Json = {};

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "okta").token);
});

afterAll(async () => {
  await server?.stop();
});

describe("Okta user provisioning", () => {
  it("answers the paged userName lookup for an unknown user with an empty page", async () => {
    const filter = filterQuery(`userName eq "${USER_NAME}"`);

    const response = await request("GET", `/Users?${filter}&startIndex=1&count=100`);

    expect(response.status).toBe(200);
    const body = bodyOf(response);
    expect(body).toMatchObject({ schemas: [URN.listResponse], totalResults: 0, startIndex: 1 });
    expect(body.itemsPerPage).toBe(0);
    expect(resourcesOf(response)).toEqual([]);
  });

  it("creates the user and never returns the password it was given", async () => {
    const response = await request("POST", "/Users", oktaUser);

    expect(response.status).toBe(201);
    created = bodyOf(response);
    userId = idOf(created);
    expect(created).toMatchObject({
      userName: USER_NAME,
      name: { givenName: "Dana", familyName: "Okafor" },
      emails: [{ primary: true, value: USER_NAME, type: "work" }],
      displayName: "Dana Okafor",
      locale: "en-US",
      externalId: "00u1a2b3c4D5e6F7g8h9",
      active: true,
    });
    expect(created).not.toHaveProperty("password");
    expect(response.text).not.toContain(PASSWORD);
  });

  it.each([
    ["GET by id", () => `/Users/${userId}`],
    ["GET by id asking for the password", () => `/Users/${userId}?attributes=password`],
    ["the list", () => `/Users?${filterQuery(`userName eq "${USER_NAME}"`)}`],
    ["the list asking for the password", () => "/Users?attributes=userName,password"],
  ])("keeps the password out of %s", async (_name, path) => {
    const response = await request("GET", path());

    expect(response.status).toBe(200);
    expect(response.text).not.toContain(PASSWORD);
    expect(response.text).not.toMatch(/"password"/i);
  });

  it("never matches a user by a filter on the password", async () => {
    const response = await request("GET", `/Users?${filterQuery(`password eq "${PASSWORD}"`)}`);

    expect(response.text).not.toContain(userId);
  });
});

describe("Okta full replace with PUT", () => {
  it("clears omitted attributes and keeps id and meta.created server-owned", async () => {
    const { password: _password, displayName: _displayName, locale: _locale, ...rest } = oktaUser;
    const replacement = {
      ...rest,
      id: "00000000-0000-4000-8000-000000000000",
      name: { givenName: "Dana", familyName: "Okafor-Reyes" },
      meta: { created: "2001-01-01T00:00:00Z", resourceType: "User", version: 'W/"999"' },
    };

    const response = await request("PUT", `/Users/${userId}`, replacement);

    expect(response.status).toBe(200);
    const replaced = bodyOf(response);
    expect(replaced.id).toBe(userId);
    expect(replaced.name).toEqual({ givenName: "Dana", familyName: "Okafor-Reyes" });
    expect(replaced).not.toHaveProperty("displayName");
    expect(replaced).not.toHaveProperty("locale");
    const meta = asJson(replaced.meta);
    const createdMeta = asJson(created.meta);
    expect(meta.created).toBe(createdMeta.created);
    expect(meta.version).not.toBe(createdMeta.version);
    expect(meta.version).not.toBe('W/"999"');
    expect(await getJson(request, `/Users/${userId}`)).toEqual(replaced);
    expect((await request("GET", "/Users/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("keeps the version when Okta PUTs the same profile again", async () => {
    const current = await getJson(request, `/Users/${userId}`);
    const { meta: _meta, groups: _groups, ...profile } = current;

    const response = await request("PUT", `/Users/${userId}`, profile);

    expect(response.status).toBe(200);
    expect(asJson(bodyOf(response).meta)).toEqual(asJson(current.meta));
    expect(response.headers.get("etag")).toBe(asJson(current.meta).version);
  });

  it("deactivates with a path-less replace of { active: false }", async () => {
    const body = patchOp({ op: "replace", value: { active: false } });

    const response = await request("PATCH", `/Users/${userId}`, body);

    expect(response.status).toBe(200);
    expect(bodyOf(response).active).toBe(false);
    expect(bodyOf(response).userName).toBe(USER_NAME);
    expect((await getJson(request, `/Users/${userId}`)).active).toBe(false);
  });
});

describe("Okta group push", () => {
  let groupId = "";
  let firstId = "";
  let secondId = "";

  beforeAll(async () => {
    firstId = idOf(await createUser(request, { userName: "eli.first@example.com" }));
    secondId = idOf(await createUser(request, { userName: "fay.second@example.com" }));
  });

  it("creates a group with its initial members", async () => {
    const filter = filterQuery('displayName eq "Okta Admins"');
    const lookup = await request("GET", `/Groups?${filter}&startIndex=1&count=100`);
    expect(bodyOf(lookup).totalResults).toBe(0);

    const response = await request("POST", "/Groups", {
      schemas: [URN.group],
      displayName: "Okta Admins",
      members: [{ value: firstId, display: "eli.first@example.com" }],
    });

    expect(response.status).toBe(201);
    groupId = idOf(response.body);
    expect(bodyOf(response).displayName).toBe("Okta Admins");
    expect(memberIdsOf(bodyOf(response))).toEqual([firstId]);
  });

  it("adds members with an add operation on members, answering 204", async () => {
    const operation = {
      op: "add",
      path: "members",
      value: [{ value: secondId, display: "fay.second@example.com" }],
    };

    const response = await request("PATCH", `/Groups/${groupId}`, patchOp(operation));

    expect(response.status).toBe(204);
    const members = memberIdsOf(await getJson(request, `/Groups/${groupId}`));
    expect(members).toEqual([firstId, secondId].sort());
  });

  it('removes one member through the path members[value eq "id"]', async () => {
    const operation = { op: "remove", path: `members[value eq "${firstId}"]` };

    const response = await request("PATCH", `/Groups/${groupId}`, patchOp(operation));

    expect(response.status).toBe(204);
    expect(memberIdsOf(await getJson(request, `/Groups/${groupId}`))).toEqual([secondId]);
  });

  it("renames the group with Okta's path-less replace that echoes the id", async () => {
    const operation = { op: "replace", value: { id: groupId, displayName: "Okta Owners" } };

    const response = await request("PATCH", `/Groups/${groupId}`, patchOp(operation));

    expect(response.status, response.text).toBe(204);
    const group = await getJson(request, `/Groups/${groupId}`);
    expect(group.displayName).toBe("Okta Owners");
    expect(memberIdsOf(group)).toEqual([secondId]);
  });

  it("renames the group with a replace of the displayName path", async () => {
    const operation = { op: "replace", path: "displayName", value: "Okta Operators" };

    const response = await request("PATCH", `/Groups/${groupId}`, patchOp(operation));

    expect(response.status).toBe(204);
    expect((await getJson(request, `/Groups/${groupId}`)).displayName).toBe("Okta Operators");
  });

  it("lists the group members with their display names", async () => {
    const group = await getJson(request, `/Groups/${groupId}?attributes=members`);

    expect(group).not.toHaveProperty("displayName");
    expect(group.members).toEqual([
      expect.objectContaining({ value: secondId, display: "fay.second@example.com" }),
    ]);
  });

  it("keeps the version when the same group is PUT again", async () => {
    const current = await getJson(request, `/Groups/${groupId}`);
    const { meta: _meta, ...group } = current;

    const response = await request("PUT", `/Groups/${groupId}`, group);

    expect(response.status).toBe(200);
    expect(asJson(bodyOf(response).meta)).toEqual(asJson(current.meta));
    expect(memberIdsOf(bodyOf(response))).toEqual([secondId]);
  });

  it("deletes the group: 204, then 404, and the member keeps existing", async () => {
    const response = await request("DELETE", `/Groups/${groupId}`);

    expect(response.status).toBe(204);
    expect((await request("GET", `/Groups/${groupId}`)).status).toBe(404);
    const member = await getJson(request, `/Users/${secondId}`);
    expect(member.groups ?? []).toEqual([]);
  });
});
