import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";

const ADMIN = { email: "audit-admin@example.com", password: "audit-admin-password" };
const VIEWER = { email: "audit-viewer@example.com", password: "audit-viewer-password" };

type AuditItem = {
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetId: string;
  targetLabel: string | null;
  detail: Record<string, unknown>;
};

let server: TestServer;
let adminCookie = "";

async function signIn(body: Record<string, unknown>) {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.baseUrl },
    body: JSON.stringify(body),
  });
  await response.text();
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { status: response.status, cookie };
}

async function signInAudit(): Promise<AuditItem[]> {
  const response = await fetch(`${server.baseUrl}/api/audit?limit=200`, {
    headers: { Cookie: adminCookie },
  });
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: AuditItem[] };
  return items.filter((item) => item.action.startsWith("auth."));
}

beforeAll(async () => {
  server = await startServer();
  server.cli(
    "account",
    "create",
    "--email",
    ADMIN.email,
    "--password",
    ADMIN.password,
    "--role",
    "admin",
  );
  server.cli(
    "account",
    "create",
    "--email",
    VIEWER.email,
    "--password",
    VIEWER.password,
    "--role",
    "viewer",
  );
  const signedIn = await signIn(ADMIN);
  expect(signedIn.status).toBe(200);
  adminCookie = signedIn.cookie;
});

afterAll(async () => {
  await server?.stop();
});

describe("POST /api/auth/sign-in/email", () => {
  it("audits a sign-in as made by the account, from the client's address", async () => {
    const [signedIn] = await signInAudit();

    expect(signedIn).toMatchObject({
      action: "auth.signed_in",
      actorLabel: ADMIN.email,
      targetLabel: ADMIN.email,
      detail: { ip: "127.0.0.1" },
    });
  });

  it.each([
    [
      "a wrong password",
      { email: VIEWER.email, password: "wrong-password-123" },
      VIEWER.email,
      "INVALID_EMAIL_OR_PASSWORD",
    ],
    [
      "an unknown email",
      { email: "mallory@example.com", password: "guess-password-1" },
      "mallory@example.com",
      "INVALID_EMAIL_OR_PASSWORD",
    ],
    [
      "an email that is not one",
      { email: "not-an-email", password: "guess-password-1" },
      "not-an-email",
      "INVALID_EMAIL",
    ],
  ])(
    "audits a failed sign-in with %s, and never its password",
    async (_case, body, email, reason) => {
      const answer = await signIn(body);

      expect(answer.status).toBeGreaterThanOrEqual(400);
      const [failed] = await signInAudit();
      expect(failed).toMatchObject({
        action: "auth.sign_in_failed",
        actorId: null,
        actorLabel: "127.0.0.1",
        targetLabel: email,
        detail: { email, ip: "127.0.0.1", reason },
      });
      expect(JSON.stringify(failed)).not.toContain(body.password);
    },
  );

  it("audits a sign-in refused for a disabled account with that reason", async () => {
    const email = "audit-disabled@example.com";
    const password = "audit-disabled-password";
    const { account } = server.cli<{ account: { id: string } }>(
      "account",
      "create",
      "--email",
      email,
      "--password",
      password,
    );
    const disabled = await fetch(`${server.baseUrl}/api/accounts/${account.id}`, {
      method: "PATCH",
      headers: { Cookie: adminCookie, Origin: server.baseUrl, "Content-Type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    await disabled.text();

    const answer = await signIn({ email, password });

    expect(answer.status).toBe(403);
    const [failed] = await signInAudit();
    expect(failed).toMatchObject({
      action: "auth.sign_in_failed",
      targetId: account.id,
      detail: { email, reason: "BANNED_USER" },
    });
  });

  it("names the account a failed sign-in tried by its id", async () => {
    const items = await signInAudit();
    const viewerAttempt = items.find((item) => item.targetLabel === VIEWER.email);
    const unknownAttempt = items.find((item) => item.targetLabel === "mallory@example.com");

    expect(viewerAttempt?.targetId).not.toBe(VIEWER.email);
    expect(unknownAttempt?.targetId).toBe("mallory@example.com");
  });
});
