import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  URN,
  bodyOf,
  createUser,
  expectErrorCase,
  filterQuery,
  idOf,
  patchOp,
  type ErrorCase,
  type Json,
  type ScimRequest,
} from "./provisioning-helpers";

const UNKNOWN_ID = "3f2b8c1e-0d4a-4e6b-9a7c-5d1e2f3a4b5c";
const BODY_BYTES_OVER_LIMIT = 5 * 1_048_576;

let server: TestServer;
let request: ScimRequest;
let userId = "";

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "generic").token);
  userId = idOf(await createUser(request, { userName: "only.user@example.com" }));
});

afterAll(async () => {
  await server?.stop();
});

const user = (body: Json) => request("POST", "/Users", { schemas: [URN.user], ...body });
const listUsers = (filter: string) => request("GET", `/Users?${filterQuery(filter)}`);

const ROUTING_CASES: ErrorCase[] = [
  { title: "GET /Nope", send: () => request("GET", "/Nope"), status: 404 },
  { title: "GET the SCIM root", send: () => request("GET", ""), status: 404 },
  {
    title: "GET /Users/{id}/extra",
    send: () => request("GET", `/Users/${userId}/extra`),
    status: 404,
  },
  {
    title: "DELETE /Users",
    send: () => request("DELETE", "/Users"),
    status: 405,
    allow: "GET, POST, HEAD",
  },
  {
    title: "PUT /Groups",
    send: () => request("PUT", "/Groups", {}),
    status: 405,
    allow: "GET, POST, HEAD",
  },
  {
    title: "POST /Users/{id}",
    send: () => request("POST", `/Users/${userId}`, {}),
    status: 405,
    allow: "GET, PUT, PATCH, DELETE, HEAD",
  },
  {
    title: "GET /Users/.search",
    send: () => request("GET", "/Users/.search"),
    status: 405,
    allow: "POST",
  },
  { title: "GET /Bulk", send: () => request("GET", "/Bulk"), status: 405, allow: "POST" },
  {
    title: "DELETE /ServiceProviderConfig",
    send: () => request("DELETE", "/ServiceProviderConfig"),
    status: 405,
    allow: "GET, HEAD",
  },
  {
    title: "GET /Users/{unknown id}",
    send: () => request("GET", `/Users/${UNKNOWN_ID}`),
    status: 404,
  },
  {
    title: "PUT /Users/{unknown id}",
    send: () => request("PUT", `/Users/${UNKNOWN_ID}`, { userName: "ghost@example.com" }),
    status: 404,
  },
  {
    title: "PATCH /Users/{unknown id}",
    send: () =>
      request("PATCH", `/Users/${UNKNOWN_ID}`, patchOp({ op: "add", path: "title", value: "x" })),
    status: 404,
  },
  {
    title: "DELETE /Users/{unknown id}",
    send: () => request("DELETE", `/Users/${UNKNOWN_ID}`),
    status: 404,
  },
  {
    title: "GET /Groups/{unknown id}",
    send: () => request("GET", `/Groups/${UNKNOWN_ID}`),
    status: 404,
  },
  {
    title: "GET /Groups/{a user's id}",
    send: () => request("GET", `/Groups/${userId}`),
    status: 404,
  },
  {
    title: "GET /Schemas/{unknown urn}",
    send: () => request("GET", "/Schemas/urn:example:unknown"),
    status: 404,
  },
  {
    title: "GET /ResourceTypes/Device",
    send: () => request("GET", "/ResourceTypes/Device"),
    status: 404,
  },
  {
    title: "a filter on /Schemas",
    send: () => request("GET", `/Schemas?${filterQuery('id eq "x"')}`),
    status: 403,
  },
];

const BODY_CASES: ErrorCase[] = [
  {
    title: "POST /Users with malformed JSON",
    send: () => request("POST", "/Users", '{"userName": "half'),
    status: 400,
    scimType: "invalidSyntax",
  },
  {
    title: "PATCH /Users/{id} with malformed JSON",
    send: () => request("PATCH", `/Users/${userId}`, "{Operations: [}"),
    status: 400,
    scimType: "invalidSyntax",
  },
  {
    title: "POST /Users with an empty body",
    send: () => request("POST", "/Users", "", { "Content-Type": "application/scim+json" }),
    status: 400,
    scimType: "invalidSyntax",
  },
  {
    // Deep enough to overflow the stack of any recursive walk of the body.
    title: "POST /Users with a body nested 20,000 levels deep",
    send: () =>
      request(
        "POST",
        "/Users",
        `{"userName": "deep@example.com", "name": ${"[".repeat(20_000)}${"]".repeat(20_000)}}`,
      ),
    status: 400,
    scimType: "invalidSyntax",
  },
  {
    title: "POST /Users with a JSON array",
    send: () => request("POST", "/Users", [{ userName: "array@example.com" }]),
    status: 400,
    scimType: "invalidSyntax",
  },
  {
    title: "POST /Users with a body over the size limit",
    send: () => user({ userName: "big@example.com", title: "x".repeat(BODY_BYTES_OVER_LIMIT) }),
    status: 413,
  },
  {
    title: "POST /Users sent as text/plain",
    send: () =>
      request("POST", "/Users", JSON.stringify({ schemas: [URN.user], userName: "t@x.test" }), {
        "Content-Type": "text/plain",
      }),
    status: 415,
  },
  {
    title: "POST /Users without userName",
    send: () => user({ displayName: "No Name" }),
    status: 400,
    scimType: "invalidValue",
    detail: /userName/,
  },
  {
    title: "POST /Users with a numeric userName",
    send: () => user({ userName: 42 }),
    status: 400,
    scimType: "invalidValue",
    detail: /userName/,
  },
  {
    title: "POST /Users with a non-boolean active",
    send: () => user({ userName: "maybe@example.com", active: "maybe" }),
    status: 400,
    scimType: "invalidValue",
    detail: /active/,
  },
  {
    title: "POST /Groups with a member that has no value",
    send: () =>
      request("POST", "/Groups", {
        schemas: [URN.group],
        displayName: "Nameless members",
        members: [{ display: "Ada" }],
      }),
    status: 400,
    scimType: "invalidValue",
    detail: /members/,
  },
  {
    title: "PATCH /Users/{id} with more than 1000 operations",
    send: () =>
      request("PATCH", `/Users/${userId}`, {
        schemas: [URN.patchOp],
        Operations: Array.from({ length: 1001 }, () => ({ op: "add", path: "title", value: "x" })),
      }),
    status: 400,
    scimType: "invalidValue",
    detail: /at most 1000 operations/,
  },
  ...[{ count: 2.5 }, { count: 0.5 }, { startIndex: 2.5 }].map((query) => ({
    title: `POST /Users/.search with ${JSON.stringify(query)}`,
    send: () => request("POST", "/Users/.search", { schemas: [URN.searchRequest], ...query }),
    status: 400,
    scimType: "invalidValue",
    detail: /count|startIndex/i,
  })),
  {
    title: "GET /Users with a non-numeric count",
    send: () => request("GET", "/Users?count=lots"),
    status: 400,
    scimType: "invalidValue",
    detail: /count/,
  },
];

const BAD_FILTERS: [filter: string, detail: RegExp][] = [
  ["userName eq", /position|end/i],
  ['userName xx "a"', /xx/],
  ['userName eq "unterminated', /unterminated/i],
  ['(userName eq "a"', /\)|position/],
  ['emails[type eq "work"', /]|position/],
  ['userName eq "a" and', /position|end/i],
  ['noSuchAttribute eq "a"', /noSuchAttribute/],
  ["active gt true", /gt/],
  ['meta.lastModified gt "Dec 4 2026"', /xsd:dateTime/],
  ['meta.lastModified gt "2026"', /xsd:dateTime/],
];

const FILTER_CASES: ErrorCase[] = BAD_FILTERS.map(([filter, detail]) => ({
  title: `the filter ${filter}`,
  send: () => listUsers(filter),
  status: 400,
  scimType: "invalidFilter",
  detail,
}));

describe("malformed requests", () => {
  it.each([...ROUTING_CASES, ...BODY_CASES, ...FILTER_CASES])(
    "answers $title with $status and a SCIM error body",
    expectErrorCase,
  );

  it("answers HEAD as GET without the body (RFC 9110 §9.3.2)", async () => {
    const got = await request("GET", `/Users/${userId}`);
    const head = await request("HEAD", `/Users/${userId}`);

    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("etag")).toBe(got.headers.get("etag"));
    expect(head.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect((await request("HEAD", "/ServiceProviderConfig")).status).toBe(200);
  });

  it("has created no user from any of the refused requests", async () => {
    const listed = await request("GET", "/Users?count=0");

    expect(bodyOf(listed).totalResults).toBe(1);
  });
});
