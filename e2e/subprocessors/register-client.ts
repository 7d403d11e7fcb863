import type { TestServer } from "../support/server";

export type Role = "admin" | "compliance" | "viewer";

export type Answer<T = Record<string, unknown>> = {
  status: number;
  headers: Headers;
  body: T;
};

/** A signed-in dashboard user calling the register API, with cookies and Origin as a browser. */
export type RegisterClient = {
  email: string;
  cookie: string;
  request: <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<Answer<T>>;
  download: (path: string) => Promise<{ status: number; headers: Headers; bytes: Buffer }>;
};

let accountCount = 0;

export async function signInAs(server: TestServer, role: Role): Promise<RegisterClient> {
  accountCount += 1;
  const email = `${role}-${accountCount}-${Date.now()}@example.com`;
  const password = `password-for-${role}-${accountCount}`;
  server.cli("account", "create", "--email", email, "--password", password, "--role", role);
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${answer}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const headers = { Cookie: cookie, Origin: server.baseUrl };

  return {
    email,
    cookie,
    request: async <T>(method: string, path: string, body?: unknown) => {
      const answer = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: {
          ...headers,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await answer.text();
      return {
        status: answer.status,
        headers: answer.headers,
        body: (text ? JSON.parse(text) : {}) as T,
      };
    },
    download: async (path: string) => {
      const answer = await fetch(`${server.baseUrl}${path}`, { headers });
      return {
        status: answer.status,
        headers: answer.headers,
        bytes: Buffer.from(await answer.arrayBuffer()),
      };
    },
  };
}

/** A valid entry as the form sends it; tests override what they exercise. */
export function vendor(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Northwind Cloud",
    legalEntity: "Northwind Cloud GmbH",
    website: "https://northwind.example",
    purpose: "Hosts the Roster application and its SQLite database.",
    role: "hosting",
    dataCategories: ["names", "email_addresses", "group_memberships"],
    storageRegions: ["DE"],
    processingRegions: ["EEA"],
    transferMechanism: "not_applicable",
    certifications: [
      { code: "iso27001", expiresOn: "2099-01-31", evidenceUrl: "https://northwind.example/iso" },
    ],
    dpaUrl: "https://northwind.example/dpa",
    dpaSignedOn: "2026-01-15",
    status: "active",
    effectiveOn: "2026-02-01",
    owner: "Platform team",
    notes: "",
    parentId: null,
    ...overrides,
  };
}

export type EntryBody = { entry: { id: string; revision: number; name: string } };
