import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDirectory,
  scimClient,
  startServer,
  type DirectoryWithToken,
  type TestServer,
} from "../support/server";
import {
  URN,
  asJson,
  bodyOf,
  createGroup,
  createUser,
  expectScimError,
  filterQuery,
  getJson,
  idOf,
  memberIdsOf,
  patchOp,
  resourcesOf,
  type ScimRequest,
  type ScimResponse,
} from "./provisioning-helpers";

const ALICE = "alice@tenant-a.example";

let server: TestServer;
let tenantA: DirectoryWithToken;
let asA: ScimRequest;
let asB: ScimRequest;
let aliceId = "";
let groupAId = "";
let groupBId = "";

beforeAll(async () => {
  server = await startServer();
  tenantA = createDirectory(server, "entra", "Tenant A");
  asA = scimClient(server, tenantA.token);
  asB = scimClient(server, createDirectory(server, "okta", "Tenant B").token);
  aliceId = idOf(await createUser(asA, { userName: ALICE }));
  groupAId = idOf(await createGroup(asA, { displayName: "A Team", members: [{ value: aliceId }] }));
  groupBId = idOf(await createGroup(asB, { displayName: "B Team" }));
});

afterAll(async () => {
  await server?.stop();
});

/** A request with exactly the headers given, so the Authorization header can be left out. */
async function rawGet(path: string, headers: Record<string, string>): Promise<ScimResponse> {
  const response = await fetch(`${server.scimUrl}${path}`, { headers });
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    body = asJson(JSON.parse(text));
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

type LoggedRequest = { directory_id: string | null; token_name: string | null; status: number };

/** The sync log's entries for a token, once the writer has them (within a tenth of a second). */
async function loggedRequestsOf(tokenId: string, count: number): Promise<LoggedRequest[]> {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const query = db.prepare(
      "SELECT directory_id, token_name, status FROM sync_requests WHERE token_id = ? ORDER BY id",
    );
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const rows = query.all(tokenId) as LoggedRequest[];
      if (rows.length >= count) return rows;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return query.all(tokenId) as LoggedRequest[];
  } finally {
    db.close();
  }
}

describe("authentication", () => {
  it.each([
    ["no Authorization header", {}],
    ["Basic credentials", { Authorization: `Basic ${btoa("admin:admin")}` }],
    ["an empty bearer token", { Authorization: "Bearer " }],
    ["an unknown bearer token", { Authorization: "Bearer rst_not-a-real-token" }],
  ])("answers a request with %s with 401 and a Bearer challenge", async (_title, headers) => {
    const response = await rawGet("/Users", headers);

    expectScimError(response, 401);
    expect(response.headers.get("www-authenticate") ?? "").toMatch(/^Bearer\b/);
    expect(response.text).not.toContain(ALICE);
  });

  it("refuses a revoked token while another token of the directory keeps working", async () => {
    const spare = server.cli<{ id: string; token: string }>(
      "token",
      "create",
      "--directory",
      tenantA.directoryId,
      "--name",
      "spare",
    );
    const spareRequest = scimClient(server, spare.token);
    expect((await spareRequest("GET", "/Users")).status).toBe(200);

    server.cli("token", "revoke", "--token-id", spare.id);

    const response = await spareRequest("GET", `/Users/${aliceId}`);
    expectScimError(response, 401);
    expect(response.headers.get("www-authenticate") ?? "").toMatch(/^Bearer\b/);
    expect((await asA("GET", `/Users/${aliceId}`)).status).toBe(200);
    // The IdP still sending it shows in its directory's log, where the admin will look.
    const spareEntry = { directory_id: tenantA.directoryId, token_name: "spare" };
    expect(await loggedRequestsOf(spare.id, 2)).toEqual([
      { ...spareEntry, status: 200 },
      { ...spareEntry, status: 401 },
    ]);
  });
});

describe("directory isolation", () => {
  it.each([
    ["GET", () => `/Users/${aliceId}`, undefined],
    ["PUT", () => `/Users/${aliceId}`, { schemas: [URN.user], userName: "stolen@b.example" }],
    ["PATCH", () => `/Users/${aliceId}`, patchOp({ op: "replace", path: "active", value: false })],
    ["DELETE", () => `/Users/${aliceId}`, undefined],
    ["GET", () => `/Groups/${groupAId}`, undefined],
    ["DELETE", () => `/Groups/${groupAId}`, undefined],
  ])("answers another directory's %s %s with 404", async (method, path, body) => {
    const response = await asB(method, path(), body);

    expectScimError(response, 404);
    expect(response.text).not.toContain(ALICE);
  });

  it("keeps another directory's users out of lists, filters and searches", async () => {
    const listed = await asB("GET", "/Users");
    const filtered = await asB("GET", `/Users?${filterQuery(`userName eq "${ALICE}"`)}`);
    const searched = await asB("POST", "/.search", { schemas: [URN.searchRequest] });

    expect(bodyOf(listed).totalResults).toBe(0);
    expect(bodyOf(filtered).totalResults).toBe(0);
    expect(resourcesOf(searched).map(idOf)).toEqual([groupBId]);
  });

  it("refuses another directory's user as a group member", async () => {
    const operation = { op: "add", path: "members", value: [{ value: aliceId }] };

    const response = await asB("PATCH", `/Groups/${groupBId}`, patchOp(operation));

    expectScimError(response, 400);
    expect(memberIdsOf(await getJson(asB, `/Groups/${groupBId}`))).toEqual([]);
  });

  it("refuses another directory's user inside a bulk operation", async () => {
    const response = await asB("POST", "/Bulk", {
      schemas: [URN.bulkRequest],
      Operations: [{ method: "DELETE", path: `/Users/${aliceId}` }],
    });

    expect(response.status).toBe(200);
    const [operation] = (bodyOf(response).Operations as unknown[] | undefined) ?? [];
    expect(asJson(operation).status).toBe("404");
  });

  it("scopes userName uniqueness to the directory", async () => {
    const response = await asB("POST", "/Users", { schemas: [URN.user], userName: ALICE });

    expect(response.status, response.text).toBe(201);
    expect(idOf(response.body)).not.toBe(aliceId);
  });

  it("has left tenant A's user and group exactly as they were", async () => {
    const alice = await getJson(asA, `/Users/${aliceId}`);

    expect(alice).toMatchObject({ userName: ALICE });
    expect(alice.active).not.toBe(false);
    // Created, then moved on once by joining A Team; nothing tenant B sent changed her.
    expect(asJson(alice.meta).version).toBe('W/"2"');
    expect(memberIdsOf(await getJson(asA, `/Groups/${groupAId}`))).toEqual([aliceId]);
  });
});

describe("rate limiting", () => {
  const BURST_REQUESTS = 12;

  it("answers a burst over the directory's limit with 429 and Retry-After", async () => {
    const limited = createDirectory(server, "generic", "Throttled", ["--rate-limit", "2"]);
    const asLimited = scimClient(server, limited.token);

    const responses = await Promise.all(
      Array.from({ length: BURST_REQUESTS }, () => asLimited("GET", "/Users?count=0")),
    );

    const served = responses.filter((response) => response.status === 200);
    const throttled = responses.filter((response) => response.status === 429);
    expect(served.length + throttled.length).toBe(BURST_REQUESTS);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(served.length).toBeLessThanOrEqual(6);
    for (const response of throttled) {
      expectScimError(response, 429);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    }
    expect((await asB("GET", "/Users?count=0")).status).toBe(200);
  });
});
