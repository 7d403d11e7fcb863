import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";
import {
  URN,
  asJson,
  bodyOf,
  createGroup,
  createUser,
  expectErrorCase,
  expectScimError,
  getJson,
  idOf,
  memberIdsOf,
  patchOp,
  type ErrorCase,
  type Json,
  type ScimRequest,
  type ScimResponse,
} from "./provisioning-helpers";

let server: TestServer;
let request: ScimRequest;
let userId = "";
let otherUserId = "";
let groupId = "";

beforeAll(async () => {
  server = await startServer();
  request = scimClient(server, createDirectory(server, "generic").token);
  userId = idOf(await createUser(request, { userName: "Taken.Name@example.com" }));
  otherUserId = idOf(await createUser(request, { userName: "other@example.com" }));
  groupId = idOf(await createGroup(request, { displayName: "Existing Group" }));
});

afterAll(async () => {
  await server?.stop();
});

const user = (body: Json) => request("POST", "/Users", { schemas: [URN.user], ...body });
const patchUser = (...operations: Json[]) =>
  request("PATCH", `/Users/${userId}`, patchOp(...operations));

const CONFLICT_CASES: ErrorCase[] = [
  {
    title: "POST /Users with a taken userName differing only in case",
    send: () => user({ userName: "taken.name@EXAMPLE.com" }),
    status: 409,
    scimType: "uniqueness",
  },
  {
    title: "PUT /Users/{id} taking another user's userName",
    send: () =>
      request("PUT", `/Users/${otherUserId}`, {
        schemas: [URN.user],
        userName: "TAKEN.NAME@example.com",
      }),
    status: 409,
    scimType: "uniqueness",
  },
  {
    title: "PATCH /Users/{id} taking another user's userName",
    send: () =>
      request(
        "PATCH",
        `/Users/${otherUserId}`,
        patchOp({ op: "replace", path: "userName", value: "Taken.Name@Example.Com" }),
      ),
    status: 409,
    scimType: "uniqueness",
  },
  {
    title: "POST /Groups with a taken displayName",
    send: () => request("POST", "/Groups", { schemas: [URN.group], displayName: "Existing Group" }),
    status: 409,
    scimType: "uniqueness",
  },
];

const PATCH_CASES: ErrorCase[] = [
  {
    title: "PATCH with a path naming no attribute",
    send: () => patchUser({ op: "replace", path: "favouriteColour", value: "teal" }),
    status: 400,
    scimType: "invalidPath",
    detail: /favouriteColour/,
  },
  {
    title: "PATCH with a malformed path",
    send: () => patchUser({ op: "replace", path: 'emails[type eq "work"', value: "x" }),
    status: 400,
    scimType: "invalidPath",
  },
  {
    title: "PATCH remove without a path",
    send: () => patchUser({ op: "remove" }),
    status: 400,
    scimType: "noTarget",
  },
  {
    title: "PATCH add to the readOnly groups attribute",
    send: () => patchUser({ op: "add", path: "groups", value: [{ value: groupId }] }),
    status: 400,
    scimType: "mutability",
  },
  {
    title: "PATCH with an unknown op",
    send: () => patchUser({ op: "move", path: "title", value: "x" }),
    status: 400,
  },
  {
    title: "PATCH without the PatchOp schema",
    send: () =>
      request("PATCH", `/Users/${userId}`, {
        Operations: [{ op: "add", path: "title", value: "x" }],
      }),
    status: 400,
    scimType: "invalidSyntax",
  },
];

describe("refused writes", () => {
  it.each([...CONFLICT_CASES, ...PATCH_CASES])(
    "answers $title with $status and a SCIM error body",
    expectErrorCase,
  );

  it("leaves users and groups unchanged after all the refused writes", async () => {
    const taken = await getJson(request, `/Users/${userId}`);
    const other = await getJson(request, `/Users/${otherUserId}`);

    expect(taken).toMatchObject({ userName: "Taken.Name@example.com" });
    expect(taken).not.toHaveProperty("title");
    expect(asJson(taken.meta).version).toBe('W/"1"');
    expect(other).toMatchObject({ userName: "other@example.com" });
    expect(asJson(other.meta).version).toBe('W/"1"');
    const listed = await request("GET", "/Users?count=0");
    expect(bodyOf(listed).totalResults).toBe(2);
    const groups = await request("GET", "/Groups?count=0");
    expect(bodyOf(groups).totalResults).toBe(1);
  });
});

type PreconditionCase = {
  title: string;
  send: (etag: string) => Promise<ScimResponse>;
  read: () => Promise<Json>;
};

const STALE_ETAG = 'W/"999"';

const PRECONDITION_CASES: PreconditionCase[] = [
  {
    title: "PUT /Users/{id}",
    send: (etag) =>
      request(
        "PUT",
        `/Users/${userId}`,
        { schemas: [URN.user], userName: "Taken.Name@example.com", title: "Overwritten" },
        { "If-Match": etag },
      ),
    read: () => getJson(request, `/Users/${userId}`),
  },
  {
    title: "PATCH /Users/{id}",
    send: (etag) =>
      request("PATCH", `/Users/${userId}`, patchOp({ op: "add", path: "title", value: "Boss" }), {
        "If-Match": etag,
      }),
    read: () => getJson(request, `/Users/${userId}`),
  },
  {
    title: "PATCH /Groups/{id}",
    send: (etag) =>
      request(
        "PATCH",
        `/Groups/${groupId}`,
        patchOp({ op: "add", path: "members", value: [{ value: userId }] }),
        { "If-Match": etag },
      ),
    read: () => getJson(request, `/Groups/${groupId}`),
  },
  {
    title: "DELETE /Users/{id}",
    send: (etag) => request("DELETE", `/Users/${otherUserId}`, undefined, { "If-Match": etag }),
    read: () => getJson(request, `/Users/${otherUserId}`),
  },
];

describe("preconditions", () => {
  it.each(PRECONDITION_CASES)(
    "answers $title with a stale If-Match with 412 and writes nothing",
    async ({ send, read }) => {
      const before = await read();

      const response = await send(STALE_ETAG);

      expectScimError(response, 412);
      expect(await read()).toEqual(before);
    },
  );

  it("applies a write whose If-Match names the current version", async () => {
    const current = await request("GET", `/Users/${userId}`);
    const etag = current.headers.get("etag") ?? "";
    const body = patchOp({ op: "add", path: "nickName", value: "Tee" });

    const response = await request("PATCH", `/Users/${userId}`, body, { "If-Match": etag });

    expect([200, 204], response.text).toContain(response.status);
    expect(response.headers.get("etag")).not.toBe(etag);
    expect((await getJson(request, `/Users/${userId}`)).nickName).toBe("Tee");
  });

  it("answers GET with If-None-Match naming the current version with 304 and no body", async () => {
    const current = await request("GET", `/Groups/${groupId}`);
    const etag = current.headers.get("etag") ?? "";

    const response = await request("GET", `/Groups/${groupId}`, undefined, {
      "If-None-Match": etag,
    });

    expect(response.status).toBe(304);
    expect(response.text).toBe("");
    expect(response.headers.get("etag")).toBe(etag);
    expect(memberIdsOf(bodyOf(current))).toEqual([]);
  });

  it("takes a user's ETag from before its groups changed as stale, on GET and write", async () => {
    const seen = await request("GET", `/Users/${otherUserId}`);
    const etag = seen.headers.get("etag") ?? "";
    const join = patchOp({ op: "add", path: "members", value: [{ value: otherUserId }] });
    expect((await request("PATCH", `/Groups/${groupId}`, join)).status).toBeLessThan(300);

    const reread = await request("GET", `/Users/${otherUserId}`, undefined, {
      "If-None-Match": etag,
    });
    const nickName = patchOp({ op: "add", path: "nickName", value: "Late" });
    const stale = await request("PATCH", `/Users/${otherUserId}`, nickName, { "If-Match": etag });

    expect(reread.status).toBe(200);
    expect(reread.headers.get("etag")).not.toBe(etag);
    const groups = (bodyOf(reread).groups ?? []) as Json[];
    expect(groups.map((group) => group.value)).toEqual([groupId]);
    expectScimError(stale, 412);
  });
});
