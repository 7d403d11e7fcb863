import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
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
  type ScimRequest,
} from "./provisioning-helpers";

const PARALLEL = 20;

let server: TestServer;
let request: ScimRequest;

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "entra").token);
});

afterAll(async () => {
  await server?.stop();
});

const indexes = Array.from({ length: PARALLEL }, (_, index) => index);

describe("parallel writes to one resource", () => {
  it(`keeps all ${PARALLEL} members added by parallel PATCHes to one group`, async () => {
    const users = await Promise.all(
      indexes.map((index) => createUser(request, { userName: `member.${index}@example.com` })),
    );
    const userIds = users.map(idOf);
    const groupId = idOf(await createGroup(request, { displayName: "Contended" }));

    const responses = await Promise.all(
      userIds.map((id) =>
        request(
          "PATCH",
          `/Groups/${groupId}`,
          patchOp({ op: "Add", path: "members", value: [{ value: id }] }),
        ),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(indexes.map(() => 204));
    const group = await getJson(request, `/Groups/${groupId}`);
    expect(memberIdsOf(group)).toEqual([...userIds].sort());
    expect(asJson(group.meta).version).toBe(`W/"${PARALLEL + 1}"`);
    const etags = new Set(responses.map((response) => response.headers.get("etag")));
    expect(etags.size).toBe(PARALLEL);
  });

  it(`keeps all ${PARALLEL} emails added by parallel PATCHes to one user`, async () => {
    const userId = idOf(await createUser(request, { userName: "many.emails@example.com" }));

    const responses = await Promise.all(
      indexes.map((index) =>
        request(
          "PATCH",
          `/Users/${userId}`,
          patchOp({
            op: "add",
            path: "emails",
            value: [{ type: "other", value: `alias.${index}@example.com` }],
          }),
        ),
      ),
    );

    // RFC 7644 §3.5.2 lets a PATCH answer 200 with the resource or 204 without it.
    for (const response of responses) expect([200, 204]).toContain(response.status);
    const user = await getJson(request, `/Users/${userId}`);
    const emails = Array.isArray(user.emails) ? user.emails : [];
    const values = emails.map((email) => String(asJson(email).value)).sort();
    expect(values).toEqual(indexes.map((index) => `alias.${index}@example.com`).sort());
    expect(asJson(user.meta).version).toBe(`W/"${PARALLEL + 1}"`);
  });
});

describe("parallel creates of one name", () => {
  it.each([
    ["the same userName", (_index: number) => "racer@example.com"],
    [
      "userNames differing only in case",
      (index: number) => `Racer.${index % 2 ? "X" : "x"}@Ex.com`,
    ],
  ])("lets exactly one of %s win with 201 and answers the rest 409", async (_title, nameOf) => {
    const responses = await Promise.all(
      indexes.map((index) =>
        request("POST", "/Users", { schemas: [URN.user], userName: nameOf(index) }),
      ),
    );

    const created = responses.filter((response) => response.status === 201);
    const refused = responses.filter((response) => response.status !== 201);
    expect(created).toHaveLength(1);
    for (const response of refused) expectScimError(response, 409, "uniqueness");
    const filter = filterQuery(`userName eq "${nameOf(0)}"`);
    const listed = await request("GET", `/Users?${filter}`);
    expect(bodyOf(listed).totalResults).toBe(1);
  });

  it("lets exactly one parallel group create with one displayName win", async () => {
    const responses = await Promise.all(
      indexes.map(() => request("POST", "/Groups", { schemas: [URN.group], displayName: "Race" })),
    );

    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    for (const response of responses.filter((item) => item.status !== 201)) {
      expectScimError(response, 409, "uniqueness");
    }
  });
});
