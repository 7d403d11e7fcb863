import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";

type Role = "admin" | "compliance" | "viewer";
const ROLES: Role[] = ["admin", "compliance", "viewer"];
const PASSWORD = "integration-password";

let server: TestServer;
let directoryId = "";
let tokenId = "";
const cookies = new Map<Role, string>();

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.baseUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  await response.body?.cancel();
  const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token"));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie.split(";")[0] ?? "";
}

/** The answer, read whole: an unread body holds its connection, which shutdown waits for. */
async function call(
  method: string,
  path: string,
  cookie?: string,
  body?: unknown,
  origin?: string,
): Promise<Response> {
  const answer = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      Origin: origin ?? server.baseUrl,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = await answer.arrayBuffer();
  const { status, headers } = answer;
  return new Response(bytes.byteLength > 0 ? bytes : null, { status, headers });
}

/** Creates a directory through the API as admin; returns its id, first token and token id. */
async function adminCreatesDirectory(name: string, provider = "okta") {
  const response = await call("POST", "/api/directories", cookies.get("admin"), { name, provider });
  expect(response.status).toBe(201);
  const body = (await response.json()) as {
    directory: { id: string };
    token: string;
    tokenInfo: { id: string };
  };
  return { directoryId: body.directory.id, token: body.token, tokenId: body.tokenInfo.id };
}

beforeAll(async () => {
  server = await startServer();
  server.cli(
    "account",
    "create",
    "--email",
    "admin@example.com",
    "--password",
    PASSWORD,
    "--role",
    "admin",
  );
  cookies.set("admin", await signIn("admin@example.com"));
  for (const role of ["compliance", "viewer"] as const) {
    const email = `${role}@example.com`;
    const created = await call("POST", "/api/accounts", cookies.get("admin"), {
      email,
      password: PASSWORD,
      role,
    });
    expect(created.status).toBe(201);
    cookies.set(role, await signIn(email));
  }
  ({ directoryId, tokenId } = await adminCreatesDirectory("Role checks"));
});

afterAll(async () => {
  await server?.stop();
});

type Case = { method: string; path: string; body?: unknown; allowed: Role[] };

/** Case paths name the directory made in beforeAll as `:directory`. */
const resolve = (path: string) => path.replace(":directory", directoryId);

const CASES: Case[] = [
  { method: "GET", path: "/api/overview", allowed: ROLES },
  { method: "GET", path: "/api/stamp", allowed: ROLES },
  { method: "GET", path: "/api/users?q=a&sort=lastModified&order=desc", allowed: ROLES },
  { method: "GET", path: "/api/groups", allowed: ROLES },
  { method: "GET", path: "/api/directories", allowed: ROLES },
  { method: "GET", path: "/api/audit", allowed: ["admin", "compliance"] },
  { method: "GET", path: "/api/accounts", allowed: ["admin"] },
  {
    method: "POST",
    path: "/api/directories",
    body: { name: "Made in a test", provider: "entra" },
    allowed: ["admin"],
  },
  {
    method: "POST",
    path: "/api/directories/:directory/tokens",
    body: { name: "extra" },
    allowed: ["admin"],
  },
  {
    method: "PATCH",
    path: "/api/directories/:directory",
    body: { name: "Renamed in a test", rateLimitPerSecond: 10 },
    allowed: ["admin"],
  },
  { method: "DELETE", path: "/api/directories/:directory", allowed: ["admin"] },
  {
    method: "POST",
    path: "/api/accounts",
    body: { email: "new@example.com", password: "a-long-password", role: "viewer" },
    allowed: ["admin"],
  },
];

describe("dashboard API role checks", () => {
  it.each(CASES)("$method $path answers 401 without a session", async ({ method, path, body }) => {
    const response = await call(method, resolve(path), undefined, body);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String) },
    });
  });

  for (const role of ROLES) {
    it.each(CASES.filter((c) => !c.allowed.includes(role)))(
      `$method $path refuses a ${role} with 403`,
      async ({ method, path, body }) => {
        const response = await call(method, resolve(path), cookies.get(role), body);
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          "forbidden",
        );
      },
    );
  }

  it.each(CASES.filter((c) => c.method === "GET"))(
    "$method $path serves every role it allows",
    async ({ method, path, allowed }) => {
      for (const role of allowed) {
        const response = await call(method, resolve(path), cookies.get(role));
        expect(response.status, role).toBe(200);
      }
    },
  );

  it("lets an admin create a directory and a token, both in the audit trail", async () => {
    const admin = cookies.get("admin");
    const created = await call("POST", "/api/directories", admin, {
      name: "Audited",
      provider: "okta",
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { directory: { id: string }; token: string };
    expect(body.token).toMatch(/^rst_/);
    const token = await call("POST", `/api/directories/${body.directory.id}/tokens`, admin, {
      name: "second",
    });
    expect(token.status).toBe(201);

    const audit = await call("GET", "/api/audit", admin);
    const entries = ((await audit.json()) as { items: { action: string; actorLabel: string }[] })
      .items;
    expect(entries.slice(0, 2).map((entry) => entry.action)).toEqual([
      "token.created",
      "directory.created",
    ]);
    expect(entries[0]?.actorLabel).toBe("admin@example.com");
  });

  it("refuses a write from another origin even with an admin session", async () => {
    const response = await call(
      "DELETE",
      `/api/tokens/${tokenId}`,
      cookies.get("admin"),
      undefined,
      "http://evil.example",
    );
    expect(response.status).toBe(403);
  });

  it("answers invalid input with 400 and the issues", async () => {
    const response = await call("POST", "/api/directories", cookies.get("admin"), {
      name: "",
      provider: "nope",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(["name", "provider"]);
  });

  it("keeps better-auth's own account endpoints closed over HTTP", async () => {
    for (const path of [
      "/api/auth/admin/create-user",
      "/api/auth/sign-up/email",
      "/api/auth/admin/set-role",
    ]) {
      const response = await call("POST", path, cookies.get("admin"), { email: "x@example.com" });
      expect(response.status, path).toBe(404);
    }
  });

  it("never redirects SCIM or health requests to sign-in", async () => {
    const scim = await fetch(`${server.baseUrl}/scim/v2/Users`, { redirect: "manual" });
    expect(scim.status).toBe(401);
    expect(scim.headers.get("content-type")).toContain("application/scim+json");
    expect(((await scim.json()) as { status: string }).status).toBe("401");
    const health = await fetch(`${server.baseUrl}/api/health`, { redirect: "manual" });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const page = await fetch(`${server.baseUrl}/users`, { redirect: "manual" });
    await page.body?.cancel();
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("revokes a token for an admin, after which SCIM refuses it", async () => {
    const directory = await adminCreatesDirectory("Revocation", "entra");
    const listUsers = async () => {
      const answer = await fetch(`${server.baseUrl}/scim/v2/Users`, {
        headers: { Authorization: `Bearer ${directory.token}` },
      });
      await answer.body?.cancel();
      return answer;
    };
    expect((await listUsers()).status).toBe(200);
    const response = await call("DELETE", `/api/tokens/${directory.tokenId}`, cookies.get("admin"));
    expect(response.status).toBe(200);
    expect((await listUsers()).status).toBe(401);
  });
});
