import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, startServer, type TestServer } from "../support/server";

const SIGN_IN_ATTEMPTS_MAX = 10;

/** One failed sign-in, claiming to come from `forwardedFor` when given. */
async function badSignIn(server: TestServer, forwardedFor?: string): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Origin: server.baseUrl,
      ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}),
    },
    body: JSON.stringify({ email: "nobody@example.com", password: "not the password" }),
  });
  await response.body?.cancel();
  return response.status;
}

/** The client IP the sync log recorded for a SCIM request sent with these headers. */
async function loggedClientIp(server: TestServer, headers: Record<string, string>) {
  const { directoryId, token } = createDirectory(server, "okta");
  const response = await fetch(`${server.scimUrl}/Users?count=1`, {
    headers: { Authorization: `Bearer ${token}`, ...headers },
  });
  expect(response.status).toBe(200);
  await response.body?.cancel();
  const db = new Database(server.databasePath, { readonly: true });
  try {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const row = db
        .prepare("SELECT client_ip FROM sync_requests WHERE directory_id = ?")
        .get(directoryId) as { client_ip: string | null } | undefined;
      if (row) return row.client_ip;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    db.close();
  }
  throw new Error(`no sync-log entry for directory ${directoryId}`);
}

describe("without TRUST_PROXY", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("limits sign-in attempts per connection, whatever X-Forwarded-For claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_MAX; i += 1) {
      statuses.push(await badSignIn(server, `198.51.100.${i + 1}`));
    }
    expect(statuses.slice(0, SIGN_IN_ATTEMPTS_MAX)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });

  it("logs the connection's address, not one the client names", async () => {
    const ip = await loggedClientIp(server, {
      "X-Forwarded-For": "203.0.113.66",
      "X-Real-IP": "203.0.113.67",
    });
    expect(ip).toBe("127.0.0.1");
  });
});

describe("with TRUST_PROXY=1", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: "1" });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("logs the address the proxy appended, not one the client put before it", async () => {
    const ip = await loggedClientIp(server, { "X-Forwarded-For": "203.0.113.66, 192.0.2.10" });
    expect(ip).toBe("192.0.2.10");
  });

  it("limits sign-in attempts per address the proxy saw", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_ATTEMPTS_MAX; i += 1) {
      statuses.push(await badSignIn(server, `198.51.100.${i + 1}, 192.0.2.20`));
    }
    expect(statuses.at(-1)).toBe(429);
    expect(await badSignIn(server, "192.0.2.21")).not.toBe(429);
  });
});
