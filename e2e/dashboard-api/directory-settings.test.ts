import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type RegisterClient } from "../subprocessors/register-client";
import { scimClient, startServer, type TestServer } from "../support/server";

type Created = { directory: { id: string }; token: string; tokenInfo: { id: string } };
type AuditItem = { action: string; actorLabel: string; targetId: string; detail: unknown };
type ErrorAnswer = { error: { code: string; issues?: { path: string }[] } };

let server: TestServer;
let admin: RegisterClient;

beforeAll(async () => {
  server = await startServer();
  admin = await signInAs(server, "admin");
});

afterAll(async () => {
  await server?.stop();
});

async function newDirectory(name: string, provider = "okta") {
  const created = await admin.request<Created>("POST", "/api/directories", { name, provider });
  expect(created.status).toBe(201);
  const { directory, token } = created.body;
  return { id: directory.id, scim: scimClient(server, token) };
}

async function auditOf(directoryId: string): Promise<AuditItem[]> {
  const answer = await admin.request<{ items: AuditItem[] }>("GET", "/api/audit?limit=200");
  return answer.body.items.filter((item) => item.targetId === directoryId).reverse();
}

/** Sends requests as fast as it can until one is refused; the statuses in order. */
async function statusesUntil429(scim: ReturnType<typeof scimClient>, max = 10) {
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  while (statuses.length < max && !statuses.includes(429)) {
    const answer = await scim("GET", "/Users?count=1");
    statuses.push(answer.status);
    retryAfter = answer.headers.get("retry-after");
  }
  return Object.assign(statuses, { retryAfter });
}

/** Polls `check` until it holds, for changes another process makes. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Whether the server has authenticated a request with this token (it notes the token's use). */
function isTokenUsed(tokenId: string): boolean {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const row = db.prepare("SELECT last_used_at FROM tokens WHERE id = ?").get(tokenId) as
      { last_used_at: string | null } | undefined;
    return Boolean(row?.last_used_at);
  } finally {
    db.close();
  }
}

/**
 * A SCIM POST whose body is held back after its first bytes: the server authenticates it and
 * waits for the rest, which `finish` sends. Resolves with the status and body of the answer.
 */
function heldPost(token: string, path: string, body: unknown) {
  const text = JSON.stringify(body);
  const headers = {
    Authorization: `Bearer ${token}`,
    "Content-Type": "application/scim+json",
    "Content-Length": Buffer.byteLength(text),
  };
  let outgoing: http.ClientRequest | undefined;
  const answered = new Promise<{ status: number; body: Record<string, unknown> }>(
    (resolve, reject) => {
      outgoing = http.request(`${server.scimUrl}${path}`, { method: "POST", headers }, (res) => {
        let received = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (received += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(received) }));
      });
      outgoing.on("error", reject);
    },
  );
  outgoing?.write(text.slice(0, 10));
  return { answered, finish: () => outgoing?.end(text.slice(10)) };
}

describe("PATCH /api/directories/:id", () => {
  it("renames a directory and sets its rate limit, audited with before and after", async () => {
    const { id } = await newDirectory("Acme");

    const answer = await admin.request("PATCH", `/api/directories/${id}`, {
      name: " Acme EU ",
      rateLimitPerSecond: 20,
    });

    expect(answer.status).toBe(200);
    expect(answer.body.directory).toMatchObject({ id, name: "Acme EU", rateLimitPerSecond: 20 });
    const listed = await admin.request<{ directories: { id: string; name: string }[] }>(
      "GET",
      "/api/directories",
    );
    expect(listed.body.directories.find((directory) => directory.id === id)?.name).toBe("Acme EU");
    expect((await auditOf(id)).slice(1)).toEqual([
      expect.objectContaining({
        action: "directory.updated",
        actorLabel: admin.email,
        detail: {
          before: { name: "Acme", rateLimitPerSecond: null },
          after: { name: "Acme EU", rateLimitPerSecond: 20 },
        },
      }),
    ]);
  });

  it("writes no audit entry when the values sent are the current ones", async () => {
    const { id } = await newDirectory("Unchanged");

    const answer = await admin.request("PATCH", `/api/directories/${id}`, {
      name: "Unchanged",
      rateLimitPerSecond: null,
    });

    expect(answer.status).toBe(200);
    expect((await auditOf(id)).map((item) => item.action)).toEqual(["directory.created"]);
  });

  it.each([
    [{ name: "" }, ["name"]],
    [{ name: "a name of 201 characters".padEnd(201, ".") }, ["name"]],
    [{ rateLimitPerSecond: 0 }, ["rateLimitPerSecond"]],
    [{ rateLimitPerSecond: 2.5 }, ["rateLimitPerSecond"]],
    [{ rateLimitPerSecond: 100_001 }, ["rateLimitPerSecond"]],
    [{ rateLimitPerSecond: "5" }, ["rateLimitPerSecond"]],
    [{ name: 3, rateLimitPerSecond: -1 }, ["name", "rateLimitPerSecond"]],
    [{ provider: "entra" }, [""]],
  ])("answers %j with 400 and the issues", async (body, paths) => {
    const { id } = await newDirectory("Validation");

    const answer = await admin.request<ErrorAnswer>("PATCH", `/api/directories/${id}`, body);

    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_request");
    expect(answer.body.error.issues?.map((issue) => issue.path).sort()).toEqual(paths);
    expect((await auditOf(id)).map((item) => item.action)).toEqual(["directory.created"]);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const { id } = await newDirectory("Not JSON");
    const answer = await admin.request<ErrorAnswer>("PATCH", `/api/directories/${id}`, "{name");
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("invalid_request");
  });

  it.each(["PATCH", "DELETE"])("%s answers 404 for an unknown directory", async (method) => {
    const answer = await admin.request<ErrorAnswer>(method, "/api/directories/nope", { name: "X" });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("not_found");
  });

  it("applies a lowered rate limit at once, and the default once reset", async () => {
    const { id, scim } = await newDirectory("Throttled");
    expect([...(await statusesUntil429(scim, 5))]).toEqual([200, 200, 200, 200, 200]);

    await admin.request("PATCH", `/api/directories/${id}`, { rateLimitPerSecond: 1 });
    const limited = await statusesUntil429(scim);

    // A bucket holds two seconds of requests, so at 1/s the third in quick succession is refused.
    expect(limited.slice(0, 2)).toEqual([200, 200]);
    expect(limited.at(-1)).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);

    await admin.request("PATCH", `/api/directories/${id}`, { rateLimitPerSecond: null });
    await eventually(async () => (await scim("GET", "/Users?count=1")).status === 200, 1_000);
    expect([...(await statusesUntil429(scim, 20))]).not.toContain(429);
  });

  it("applies a rate limit the CLI sets to the running server", async () => {
    const { id, scim } = await newDirectory("Throttled from the CLI");
    expect((await scim("GET", "/Users")).status).toBe(200);

    server.cli("directory", "update", "--directory", id, "--rate-limit", "1");

    await eventually(async () => (await statusesUntil429(scim, 4)).includes(429));
  });
});

describe("DELETE /api/directories/:id", () => {
  it("deletes the directory with its users and groups; its token is refused at once", async () => {
    const { id, scim } = await newDirectory("Doomed", "entra");
    const alice = await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "alice@doomed.example",
      active: true,
    });
    const group = await scim("POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Doomed staff",
      members: [{ value: alice.body?.id }],
    });
    expect([alice.status, group.status]).toEqual([201, 201]);

    const answer = await admin.request("DELETE", `/api/directories/${id}`);

    expect(answer.status).toBe(200);
    expect(answer.body.deleted).toEqual({
      id,
      name: "Doomed",
      provider: "entra",
      users: 1,
      groups: 1,
      tokens: 1,
    });
    expect((await scim("GET", "/Users")).status).toBe(401);
    expect((await admin.request("DELETE", `/api/directories/${id}`)).status).toBe(404);
    const users = await admin.request<{ items: unknown[] }>("GET", `/api/users?directory=${id}`);
    expect(users.body.items).toEqual([]);
    expect((await admin.request("GET", `/api/users/${String(alice.body?.id)}`)).status).toBe(404);
    expect((await admin.request("GET", `/api/groups/${String(group.body?.id)}`)).status).toBe(404);
    expect((await auditOf(id)).at(-1)).toEqual(
      expect.objectContaining({
        action: "directory.deleted",
        actorLabel: admin.email,
        detail: { name: "Doomed", provider: "entra", users: 1, groups: 1, tokens: 1 },
      }),
    );
  });

  it("keeps the deleted directory's sync log, naming the directory as deleted", async () => {
    const { id, scim } = await newDirectory("Logged");
    await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "bob@logged.example",
    });
    type Log = { items: { id: string; directoryName: string | null }[] };
    await eventually(async () => {
      const log = await admin.request<Log>("GET", `/api/logs?directory=${id}`);
      return log.body.items.length > 0;
    });

    expect((await admin.request("DELETE", `/api/directories/${id}`)).status).toBe(200);

    const log = await admin.request<Log>("GET", `/api/logs?directory=${id}`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((item) => item.directoryName)).toEqual(["Logged (deleted)"]);
    const entry = await admin.request("GET", `/api/logs/${log.body.items[0]?.id ?? ""}`);
    expect(entry.status).toBe(200);
    expect(entry.body.directoryName).toBe("Logged (deleted)");
    const overview = await admin.request<{
      directories: { id: string }[];
      recentEvents: { directoryId: string; directoryName: string }[];
    }>("GET", "/api/overview");
    expect(overview.status).toBe(200);
    expect(overview.body.directories.map((directory) => directory.id)).not.toContain(id);
    expect(overview.body.recentEvents.find((event) => event.directoryId === id)).toMatchObject({
      directoryName: "Logged (deleted)",
      isDirectoryDeleted: true,
    });
  });

  it("refuses a create in flight when its directory goes, as its token is", async () => {
    const created = await admin.request<Created>("POST", "/api/directories", {
      name: "Deleted mid-request",
      provider: "okta",
    });
    const { directory, token, tokenInfo } = created.body;
    const held = heldPost(token, "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "late@deleted.example",
    });
    await eventually(async () => isTokenUsed(tokenInfo.id));

    expect((await admin.request("DELETE", `/api/directories/${directory.id}`)).status).toBe(200);
    held.finish();
    const answer = await held.answered;

    expect(answer.status).toBe(401);
    expect(answer.body.detail).toBe("The bearer token is unknown or revoked");
  });

  it("refuses the token of a directory the CLI deletes while the server runs", async () => {
    const { id, scim } = await newDirectory("Deleted from the CLI");
    expect((await scim("GET", "/Users")).status).toBe(200);

    const printed = server.cli<{ deleted: { id: string } }>(
      "directory",
      "delete",
      "--directory",
      id,
    );

    expect(printed.deleted.id).toBe(id);
    await eventually(async () => (await scim("GET", "/Users")).status === 401);
  });
});
