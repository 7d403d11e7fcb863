import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  asJson,
  bodyOf,
  createGroup,
  filterQuery,
  getJson,
  idOf,
  memberIdsOf,
  patchOp,
  resourcesOf,
  type Json,
  type ScimRequest,
} from "./provisioning-helpers";

const USER_COUNT = 5000;
const REMOVED_COUNT = 2000;
const PAGE_SIZE = 1000;

let server: TestServer;
let request: ScimRequest;
let userIds: string[] = [];

/** Every user id of the directory, read back page by page. */
async function allUserIds(): Promise<string[]> {
  const ids: string[] = [];
  for (let startIndex = 1; startIndex <= USER_COUNT; startIndex += PAGE_SIZE) {
    const query = `startIndex=${startIndex}&count=${PAGE_SIZE}&attributes=id`;
    const response = await request("GET", `/Users?${query}`);
    ids.push(...resourcesOf(response).map(idOf));
  }
  return ids;
}

beforeAll(async () => {
  server = await startServer();
  const directory = createDirectory(server, "entra");
  const users = String(USER_COUNT);
  server.cli("seed", "--directory", directory.directoryId, "--users", users, "--groups", "0");
  request = scimClient(server, directory.token);
  userIds = await allUserIds();
});

afterAll(async () => {
  await server?.stop();
});

function groupsOf(user: Json): Json[] {
  const groups = user.groups === undefined ? [] : user.groups;
  return (Array.isArray(groups) ? groups : []).map((group) => asJson(group, "group"));
}

describe("a group with thousands of members", () => {
  let groupId = "";

  it("has seeded the directory with distinct users", () => {
    expect(new Set(userIds).size).toBe(USER_COUNT);
  });

  it(`adds ${USER_COUNT} members in one PATCH`, async () => {
    groupId = idOf(await createGroup(request, { displayName: "Everyone" }));
    const value = userIds.map((id) => ({ value: id }));

    const response = await request(
      "PATCH",
      `/Groups/${groupId}`,
      patchOp({ op: "Add", path: "members", value }),
    );

    expect(response.status, response.text).toBe(204);
    const group = await getJson(request, `/Groups/${groupId}`);
    expect(memberIdsOf(group)).toEqual([...userIds].sort());
  });

  it(`removes ${REMOVED_COUNT} members in one PATCH and keeps the rest`, async () => {
    const removed = userIds.slice(0, REMOVED_COUNT);
    const value = removed.map((id) => ({ value: id }));

    const response = await request(
      "PATCH",
      `/Groups/${groupId}`,
      patchOp({ op: "Remove", path: "members", value }),
    );

    expect(response.status, response.text).toBe(204);
    const group = await getJson(request, `/Groups/${groupId}`);
    expect(memberIdsOf(group)).toEqual(userIds.slice(REMOVED_COUNT).sort());
  });

  it("leaves members out of GET by id and of lists with excludedAttributes=members", async () => {
    const group = await getJson(request, `/Groups/${groupId}?excludedAttributes=members`);
    const filter = filterQuery('displayName eq "Everyone"');
    const listed = await request("GET", `/Groups?excludedAttributes=members&${filter}`);

    expect(group).not.toHaveProperty("members");
    expect(group).toMatchObject({ id: groupId, displayName: "Everyone" });
    expect(resourcesOf(listed)).toHaveLength(1);
    expect(resourcesOf(listed)[0]).not.toHaveProperty("members");
    expect(resourcesOf(listed)[0]).toMatchObject({ id: groupId, displayName: "Everyone" });
  });

  it("answers a PATCH asking for excludedAttributes=members with 200 and no members", async () => {
    const stayId = userIds[0] ?? "";
    const body = patchOp({ op: "add", path: "members", value: [{ value: stayId }] });

    const response = await request("PATCH", `/Groups/${groupId}?excludedAttributes=members`, body);

    expect(response.status, response.text).toBe(200);
    expect(bodyOf(response)).not.toHaveProperty("members");
    expect(bodyOf(response).displayName).toBe("Everyone");
  });
});

describe("a user's groups attribute", () => {
  let engineeringId = "";
  let designId = "";
  /** Users that the removal above took out of "Everyone" again, so they start in no group. */
  function pick(index: number): string {
    const id = userIds[1 + index];
    if (id === undefined) throw new Error(`No seeded user at ${index}`);
    return id;
  }

  beforeAll(async () => {
    engineeringId = idOf(await createGroup(request, { displayName: "Engineering" }));
    designId = idOf(await createGroup(request, { displayName: "Design" }));
  });

  it("lists every group the user is a member of", async () => {
    const [alpha, beta] = [pick(0), pick(1)];
    const add = (id: string) => patchOp({ op: "add", path: "members", value: [{ value: id }] });
    await request("PATCH", `/Groups/${engineeringId}`, add(alpha));
    await request("PATCH", `/Groups/${designId}`, add(alpha));
    await request("PATCH", `/Groups/${designId}`, add(beta));

    const alphaGroups = groupsOf(await getJson(request, `/Users/${alpha}`));
    const betaGroups = groupsOf(await getJson(request, `/Users/${beta}`));

    expect(alphaGroups.map((group) => group.value).sort()).toEqual(
      [engineeringId, designId].sort(),
    );
    expect(alphaGroups.find((group) => group.value === designId)).toMatchObject({
      display: "Design",
      type: "direct",
    });
    expect(betaGroups.map((group) => group.value)).toEqual([designId]);
  });

  it("finds the groups of a user with a members.value filter", async () => {
    const filter = filterQuery(`members.value eq "${pick(0)}"`);

    const response = await request("GET", `/Groups?${filter}&excludedAttributes=members`);

    expect(resourcesOf(response).map(idOf).sort()).toEqual([engineeringId, designId].sort());
  });

  it("drops a group from the user's groups when the membership is removed", async () => {
    const alpha = pick(0);
    const operation = { op: "remove", path: `members[value eq "${alpha}"]` };

    const response = await request("PATCH", `/Groups/${designId}`, patchOp(operation));

    expect(response.status).toBe(204);
    const groups = groupsOf(await getJson(request, `/Users/${alpha}`));
    expect(groups.map((group) => group.value)).toEqual([engineeringId]);
  });

  it("removes a deleted user from every group it belonged to", async () => {
    const beta = pick(1);
    const before = await getJson(request, `/Groups/${designId}`);
    expect(memberIdsOf(before)).toContain(beta);

    const response = await request("DELETE", `/Users/${beta}`);

    expect(response.status).toBe(204);
    const after = await getJson(request, `/Groups/${designId}`);
    expect(memberIdsOf(after)).not.toContain(beta);
    expect(asJson(after.meta).version).not.toBe(asJson(before.meta).version);
    const filter = filterQuery(`members.value eq "${beta}"`);
    const containing = await request("GET", `/Groups?${filter}&excludedAttributes=members`);
    expect(bodyOf(containing).totalResults).toBe(0);
  });
});

describe("a member named in another case, as members.value is caseExact false", () => {
  it("is added once, found by a filter and removed by one", async () => {
    const memberId = userIds[3] ?? "";
    const upper = memberId.toUpperCase();
    const groupId = idOf(await createGroup(request, { displayName: "Case", members: [] }));
    const group = `/Groups/${groupId}`;
    const add = patchOp({ op: "add", path: "members", value: [{ value: upper }] });

    expect((await request("PATCH", group, add)).status).toBe(204);
    expect((await request("PATCH", group, add)).status).toBe(204);
    expect(memberIdsOf(await getJson(request, group))).toEqual([memberId]);
    const found = await request("GET", `/Groups?${filterQuery(`members[value eq "${upper}"]`)}`);
    expect(resourcesOf(found).map(idOf)).toEqual([groupId]);

    const remove = patchOp({ op: "remove", path: `members[value eq "${upper}"]` });
    expect((await request("PATCH", group, remove)).status).toBe(204);

    expect(memberIdsOf(await getJson(request, group))).toEqual([]);
  });
});
