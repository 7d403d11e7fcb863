import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  URN,
  asArray,
  asJson,
  asString,
  bodyOf,
  createUser,
  expectScimError,
  filterQuery,
  getJson,
  idOf,
  memberIdsOf,
  patchOp,
  type Json,
  type ScimRequest,
} from "./provisioning-helpers";

let server: TestServer;
let request: ScimRequest;
let maxOperations = 0;
let maxPayloadSize = 0;

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "generic").token);
  const bulk = asJson((await getJson(request, "/ServiceProviderConfig")).bulk, "bulk");
  maxOperations = Number(bulk.maxOperations);
  maxPayloadSize = Number(bulk.maxPayloadSize);
});

afterAll(async () => {
  await server?.stop();
});

function bulkRequest(operations: Json[], failOnErrors?: number): Json {
  return {
    schemas: [URN.bulkRequest],
    ...(failOnErrors === undefined ? {} : { failOnErrors }),
    Operations: operations,
  };
}

async function runBulk(operations: Json[], failOnErrors?: number): Promise<Json[]> {
  const response = await request("POST", "/Bulk", bulkRequest(operations, failOnErrors));
  expect(response.status, response.text).toBe(200);
  const body = bodyOf(response);
  expect(body.schemas).toEqual([URN.bulkResponse]);
  return asArray(body.Operations, "Operations").map((item) => asJson(item, "operation"));
}

/** The id at the end of a bulk operation's `location`. */
function idFromLocation(operation: Json | undefined): string {
  const location = asString(operation?.location, "location");
  return new URL(location).pathname.split("/").at(-1) ?? "";
}

const postUser = (bulkId: string, userName: string): Json => ({
  method: "POST",
  path: "/Users",
  bulkId,
  data: { schemas: [URN.user], userName },
});

async function countUsers(userName: string): Promise<number> {
  const response = await request("GET", `/Users?${filterQuery(`userName eq "${userName}"`)}`);
  return Number(bodyOf(response).totalResults);
}

describe("bulkId references", () => {
  it("creates a user and a group whose member is bulkId:u1", async () => {
    const operations = await runBulk([
      postUser("u1", "bulk.member@example.com"),
      {
        method: "POST",
        path: "/Groups",
        bulkId: "g1",
        data: {
          schemas: [URN.group],
          displayName: "Bulk Group",
          members: [{ value: "bulkId:u1" }],
        },
      },
    ]);

    expect(
      operations.map((operation) => [operation.bulkId, operation.method, operation.status]),
    ).toEqual([
      ["u1", "POST", "201"],
      ["g1", "POST", "201"],
    ]);
    const [userId, groupId] = operations.map(idFromLocation);
    const group = await getJson(request, `/Groups/${groupId}`);
    expect(memberIdsOf(group)).toEqual([userId]);
    const user = await getJson(request, `/Users/${userId}`);
    expect(user.userName).toBe("bulk.member@example.com");
    // The user's answer is its state when created; joining the group moved it on since.
    expect(operations[0]?.version).toBe('W/"1"');
    expect(asJson(user.meta).version).toBe('W/"2"');
  });

  it("resolves bulkId references in the paths of later PATCH and DELETE operations", async () => {
    const operations = await runBulk([
      postUser("u2", "bulk.patched@example.com"),
      {
        method: "PATCH",
        path: "/Users/bulkId:u2",
        data: patchOp({ op: "add", path: "title", value: "Patched in bulk" }),
      },
      postUser("u3", "bulk.deleted@example.com"),
      { method: "DELETE", path: "/Users/bulkId:u3" },
    ]);

    expect(operations.map((operation) => operation.status)).toEqual(["201", "200", "201", "204"]);
    // RFC 7644 §3.7.3: a PATCH or DELETE names the resource it acted on, bulkId resolved.
    expect(operations.map(idFromLocation)).toEqual([
      idFromLocation(operations[0]),
      idFromLocation(operations[0]),
      idFromLocation(operations[2]),
      idFromLocation(operations[2]),
    ]);
    const patchedId = idFromLocation(operations[0]);
    expect((await getJson(request, `/Users/${patchedId}`)).title).toBe("Patched in bulk");
    expect((await request("GET", `/Users/${idFromLocation(operations[2])}`)).status).toBe(404);
  });
});

const postGroup = (bulkId: string, displayName: string, memberRefs: string[] = []): Json => ({
  method: "POST",
  path: "/Groups",
  bulkId,
  data: { schemas: [URN.group], displayName, members: memberRefs.map((value) => ({ value })) },
});

/** Each answer's status, and the detail of those that failed. */
const outcomesOf = (operations: Json[]) =>
  operations.map((operation) => {
    const response = operation.response as Json | undefined;
    return response ? [operation.status, response.detail] : [operation.status];
  });

const managedBy = (bulkId: string, userName: string, manager: string): Json => ({
  ...postUser(bulkId, userName),
  data: {
    schemas: [URN.user, URN.enterprise],
    userName,
    [URN.enterprise]: { manager: { value: manager } },
  },
});

describe("bulkId references in any order (RFC 7644 §3.7.1, §3.7.2)", () => {
  it("runs an operation after the later POST it refers to, answering in order", async () => {
    const operations = await runBulk([
      postGroup("fg", "Forward Group", ["bulkId:fu"]),
      {
        method: "PATCH",
        path: "/Users/bulkId:fu",
        data: patchOp({ op: "add", path: "title", value: "Referred to early" }),
      },
      postUser("fu", "forward.user@example.com"),
    ]);

    expect(operations.map((operation) => [operation.method, operation.status])).toEqual([
      ["POST", "201"],
      ["PATCH", "200"],
      ["POST", "201"],
    ]);
    const groupId = idFromLocation(operations[0]);
    const userId = idFromLocation(operations[2]);
    expect(idFromLocation(operations[1])).toBe(userId);
    expect(memberIdsOf(await getJson(request, `/Groups/${groupId}`))).toEqual([userId]);
    expect((await getJson(request, `/Users/${userId}`)).title).toBe("Referred to early");
  });

  it("resolves groups that are members of each other, as the RFC's circular example", async () => {
    const operations = await runBulk([
      postGroup("ca", "Circle A", ["bulkId:cb"]),
      postGroup("cb", "Circle B", ["bulkId:ca"]),
    ]);

    expect(outcomesOf(operations)).toEqual([["201"], ["201"]]);
    const [a, b] = operations.map(idFromLocation);
    const groupA = await getJson(request, `/Groups/${a}`);
    expect(memberIdsOf(groupA)).toEqual([b]);
    expect(memberIdsOf(await getJson(request, `/Groups/${b}`))).toEqual([a]);
    // A's answer names the version it reached once its member was added, as If-Match needs.
    expect(operations[0]?.version).toBe(asJson(groupA.meta).version);
  });

  it("answers 409 for a cycle no group can break, and creates nothing of it", async () => {
    const operations = await runBulk([
      managedBy("ma", "cycle.a@example.com", "bulkId:mb"),
      managedBy("mb", "cycle.b@example.com", "bulkId:ma"),
      postUser("mc", "cycle.bystander@example.com"),
    ]);

    expect(outcomesOf(operations)).toEqual([
      ["409", expect.stringMatching(/cycle/)],
      ["409", expect.stringMatching(/cycle/)],
      ["201"],
    ]);
    expect(await countUsers("cycle.a@example.com")).toBe(0);
    expect(await countUsers("cycle.b@example.com")).toBe(0);
  });

  it("refuses a group that names itself as a member, and creates nothing", async () => {
    const operations = await runBulk([postGroup("self", "Names Itself", ["bulkId:self"])]);

    expect(outcomesOf(operations)).toEqual([["409", expect.stringMatching(/cycle/)]]);
    const found = await request("GET", `/Groups?${filterQuery('displayName eq "Names Itself"')}`);
    expect(bodyOf(found).totalResults).toBe(0);
  });

  it("adds what it can to a group created first, and says which members failed", async () => {
    const operations = await runBulk([
      postGroup("pa", "Partly Linked", ["bulkId:pb", "bulkId:pu"]),
      postGroup("pb", "Links Back", ["bulkId:pa"]),
      managedBy("pu", "manages.himself@example.com", "bulkId:pu"),
    ]);

    expect(outcomesOf(operations)).toEqual([
      ["409", expect.stringMatching(/created, but not all its members.*bulkId:pu/)],
      ["201"],
      ["409", expect.stringMatching(/cycle/)],
    ]);
    // The group exists, as the other refers to it: its answer says where, and its version.
    const groupA = await getJson(request, `/Groups/${idFromLocation(operations[0])}`);
    const groupB = await getJson(request, `/Groups/${idFromLocation(operations[1])}`);
    expect(memberIdsOf(groupA)).toEqual([groupB.id]);
    expect(memberIdsOf(groupB)).toEqual([groupA.id]);
    expect(operations[0]?.version).toBe(asJson(groupA.meta).version);
  });

  it("names locations as the server spells them, whatever the path's case", async () => {
    const operations = await runBulk([
      postUser("lc", "location.case@example.com"),
      {
        method: "PATCH",
        path: "/users/bulkId:lc",
        data: patchOp({ op: "add", path: "title", value: "Cased" }),
      },
    ]);

    expect(operations[1]?.location).toBe(operations[0]?.location);
    expect(asString(operations[1]?.location, "location")).toContain("/Users/");
  });

  it("answers 409 for references to a failed POST or to no POST at all", async () => {
    await createUser(request, { userName: "taken.in.bulk@example.com" });
    const operations = await runBulk([
      postGroup("rg", "Refers To A Failure", ["bulkId:taken"]),
      postUser("taken", "taken.in.bulk@example.com"),
      { method: "DELETE", path: "/Users/bulkId:nobody" },
    ]);

    expect(outcomesOf(operations)).toEqual([
      ["409", expect.stringMatching(/"bulkId:taken" cannot be resolved: its POST failed/)],
      ["409", expect.any(String)],
      ["409", expect.stringMatching(/"bulkId:nobody" names no POST/)],
    ]);
  });

  it("keeps a bulkId for its first POST when a duplicate is answered first", async () => {
    const operations = await runBulk([
      postGroup("dg", "Waits For Its Member", ["bulkId:du"]),
      postGroup("dg", "Duplicate"),
      postUser("du", "duplicate.member@example.com"),
      {
        method: "PATCH",
        path: "/Groups/bulkId:dg",
        data: patchOp({ op: "replace", path: "displayName", value: "Renamed In Bulk" }),
      },
    ]);

    expect(operations.map((operation) => operation.status)).toEqual(["201", "400", "201", "204"]);
    const groupId = idFromLocation(operations[0]);
    expect(idFromLocation(operations[3])).toBe(groupId);
    expect((await getJson(request, `/Groups/${groupId}`)).displayName).toBe("Renamed In Bulk");
  });

  it("refuses a second POST with a bulkId already used", async () => {
    const operations = await runBulk([
      postUser("twice", "twice.first@example.com"),
      postUser("twice", "twice.second@example.com"),
    ]);

    expect(outcomesOf(operations)).toEqual([
      ["201"],
      ["400", 'bulkId "twice" is already used by operation 1'],
    ]);
    expect(await countUsers("twice.second@example.com")).toBe(0);
  });
});

describe("failOnErrors", () => {
  it("processes every operation when failOnErrors is absent", async () => {
    const operations = await runBulk([
      postUser("a1", "all.one@example.com"),
      postUser("a2", "ALL.ONE@example.com"),
      postUser("a3", "all.three@example.com"),
    ]);

    expect(operations.map((operation) => operation.status)).toEqual(["201", "409", "201"]);
    const failed = asJson(operations[1]?.response, "response");
    expect(failed).toMatchObject({ schemas: [URN.error], status: "409", scimType: "uniqueness" });
    expect(await countUsers("all.three@example.com")).toBe(1);
  });

  it("stops after the first error with failOnErrors 1 and keeps earlier writes", async () => {
    const operations = await runBulk(
      [
        postUser("s1", "stop.one@example.com"),
        postUser("s2", "Stop.One@example.com"),
        postUser("s3", "stop.three@example.com"),
      ],
      1,
    );

    expect(operations.map((operation) => operation.status)).toEqual(["201", "409"]);
    expect(await countUsers("stop.one@example.com")).toBe(1);
    expect(await countUsers("stop.three@example.com")).toBe(0);
  });

  it("tolerates errors up to failOnErrors and stops at that count", async () => {
    const operations = await runBulk(
      [
        { method: "DELETE", path: "/Users/00000000-0000-4000-8000-000000000001" },
        postUser("t2", "tolerated.two@example.com"),
        { method: "DELETE", path: "/Users/00000000-0000-4000-8000-000000000002" },
        postUser("t4", "tolerated.four@example.com"),
      ],
      2,
    );

    expect(operations.map((operation) => operation.status)).toEqual(["404", "201", "404"]);
    expect(await countUsers("tolerated.two@example.com")).toBe(1);
    expect(await countUsers("tolerated.four@example.com")).toBe(0);
  });

  it("answers a stale version on one operation with 412 for that operation only", async () => {
    const user = await createUser(request, { userName: "versioned@example.com" });
    const id = idOf(user);

    const operations = await runBulk([
      {
        method: "PATCH",
        path: `/Users/${id}`,
        version: 'W/"999"',
        data: patchOp({ op: "add", path: "title", value: "Stale" }),
      },
      {
        method: "PATCH",
        path: `/Users/${id}`,
        data: patchOp({ op: "add", path: "nickName", value: "V" }),
      },
    ]);

    expect(operations.map((operation) => operation.status)).toEqual(["412", "200"]);
    const stored = await getJson(request, `/Users/${id}`);
    expect(stored).not.toHaveProperty("title");
    expect(stored.nickName).toBe("V");
  });
});

describe("bulk limits", () => {
  it("answers more operations than maxOperations with 413 and runs none of them", async () => {
    expect(maxOperations).toBeGreaterThan(0);
    const operations = Array.from({ length: maxOperations + 1 }, (_, index) =>
      postUser(`o${index}`, `over.${index}@example.com`),
    );

    const response = await request("POST", "/Bulk", bulkRequest(operations));

    expectScimError(response, 413);
    expect(await countUsers("over.0@example.com")).toBe(0);
  });

  it("answers a body larger than maxPayloadSize with 413", async () => {
    const operation = postUser("big", "big@example.com");
    const padded = {
      ...operation,
      data: { ...asJson(operation.data), title: "x".repeat(maxPayloadSize) },
    };

    const response = await request("POST", "/Bulk", bulkRequest([padded]));

    expectScimError(response, 413);
    expect(await countUsers("big@example.com")).toBe(0);
  });

  it("answers a request without the BulkRequest schema with 400 invalidSyntax", async () => {
    const response = await request("POST", "/Bulk", {
      Operations: [postUser("x", "x@example.com")],
    });

    expectScimError(response, 400, "invalidSyntax");
  });
});

describe("operation paths", () => {
  const nested = (userName: string): Json => bulkRequest([postUser("inner", userName)]);

  it.each(["/%42ulk", "/%62ULK/", "/Users/%2e%2e/%42ulk", "/bulk"])(
    "refuses a nested Bulk request at %s with 400 invalidPath and runs nothing of it",
    async (path) => {
      const userName = `nested.${encodeURIComponent(path)}@example.com`;
      const [answer] = await runBulk([
        { method: "POST", path, bulkId: "o", data: nested(userName) },
      ]);

      expect(answer?.status).toBe("400");
      expect(asJson(answer?.response).scimType).toBe("invalidPath");
      expect(await countUsers(userName)).toBe(0);
    },
  );

  it("answers a path with malformed percent-encoding with 400 invalidPath", async () => {
    const [answer] = await runBulk([{ method: "DELETE", path: "/Users/%zz" }]);

    expect(answer?.status).toBe("400");
    expect(asJson(answer?.response).scimType).toBe("invalidPath");
  });

  it("breaks a cycle at a group posted to an encoded /Groups path, as at /Groups", async () => {
    const operations = await runBulk([
      { ...postGroup("ea", "Encoded Circle A", ["bulkId:eb"]), path: "/%47roups" },
      { ...postGroup("eb", "Encoded Circle B", ["bulkId:ea"]), path: "/%47roups" },
    ]);

    expect(outcomesOf(operations)).toEqual([["201"], ["201"]]);
    const [a, b] = operations.map(idFromLocation);
    expect(memberIdsOf(await getJson(request, `/Groups/${a}`))).toEqual([b]);
  });
});

describe("unparseable operations", () => {
  it("echoes the method the client sent, not POST", async () => {
    const [answer] = await runBulk([{ method: "GET", path: "/Users", bulkId: "g" }]);

    expect(answer?.method).toBe("GET");
    expect(answer?.bulkId).toBe("g");
    expect(answer?.status).toBe("400");
    expect(asJson(answer?.response).scimType).toBe("invalidSyntax");
  });

  it("says so in the detail when the method is not a string", async () => {
    const [answer] = await runBulk([{ method: 7, path: "/Users" }]);

    expect(answer).not.toHaveProperty("method");
    expect(answer?.status).toBe("400");
    expect(String(asJson(answer?.response).detail)).toMatch(/method: must be a string/);
  });
});
