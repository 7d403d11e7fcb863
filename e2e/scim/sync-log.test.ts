import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, scimClient, startServer, type TestServer } from "../support/server";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PASSWORD = "Sup3r-Secret-Passw0rd";
const NEW_PASSWORD = "An0ther-Secret-Passw0rd";

type RequestRow = {
  id: string;
  method: string;
  path: string;
  status: number;
  scim_type: string | null;
  token_name: string | null;
  directory_id: string | null;
  request_body: string | null;
  resource_label: string | null;
  quirks: string;
};
type EventRow = { request_id: string; type: string; resource_label: string; detail: string };

let server: TestServer;
let token: string;
let directoryId: string;
let scim: ReturnType<typeof scimClient>;

/** Entries are written in batches within a tenth of a second of the response; wait for them. */
async function waitForLog(requestCount: number) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const log = readLog();
    if (log.requests.length >= requestCount || Date.now() > deadline) return log;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function readLog() {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const requests = db.prepare("SELECT * FROM sync_requests ORDER BY id").all() as RequestRow[];
    const events = db.prepare("SELECT * FROM sync_events ORDER BY id").all() as EventRow[];
    return { requests, events };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServer();
  ({ token, directoryId } = createDirectory(server, "entra"));
  scim = scimClient(server, token);
});

afterAll(async () => {
  await server?.stop();
});

describe("sync log", () => {
  it("records an Entra-shaped sequence as exactly the expected entries and events", async () => {
    const created = await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
      userName: "grace@example.com",
      active: "True",
      password: PASSWORD,
      name: { givenName: "Grace", familyName: "Hopper" },
      [ENTERPRISE]: { department: "Navy" },
    });
    expect(created.status).toBe(201);
    const id = String(created.body?.id);
    const patch = (Operations: unknown[]) =>
      scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations });
    expect(
      (await patch([{ op: "Replace", path: "name.givenName", value: "Amazing Grace" }])).status,
    ).toBe(204);
    expect((await patch([{ op: "Replace", path: "active", value: "False" }])).status).toBe(204);
    expect((await patch([{ op: "replace", path: "password", value: NEW_PASSWORD }])).status).toBe(
      204,
    );
    const rejected = await patch([{ op: "replace", path: "userName", value: "" }]);
    expect(rejected.status).toBe(400);
    const group = await scim("POST", "/Groups", {
      displayName: "Admirals",
      members: [{ value: id }],
    });
    expect(group.status).toBe(201);
    const groupId = String(group.body?.id);
    const removal = {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: "members", value: [{ value: id }] }],
    };
    expect((await scim("PATCH", `/Groups/${groupId}`, removal)).status).toBe(204);
    expect(
      (await scim("GET", `/users?filter=${encodeURIComponent('userName eq "grace@example.com"')}`))
        .status,
    ).toBe(200);
    expect((await scim("DELETE", `/Users/${id}`)).status).toBe(204);

    const { requests, events } = await waitForLog(9);
    expect(requests.map((row) => `${row.method} ${row.status}`)).toEqual([
      "POST 201",
      "PATCH 204",
      "PATCH 204",
      "PATCH 204",
      "PATCH 400",
      "POST 201",
      "PATCH 204",
      "GET 200",
      "DELETE 204",
    ]);
    expect(
      requests.every((row) => row.directory_id === directoryId && row.token_name === "default"),
    ).toBe(true);
    expect(requests[4]?.scim_type).toBe("invalidValue");
    expect(JSON.parse(requests[0]?.quirks ?? "[]")).toContain("string-boolean");
    expect(JSON.parse(requests[1]?.quirks ?? "[]")).toContain("capitalised-op");
    expect(JSON.parse(requests[7]?.quirks ?? "[]")).toContain("path-case");

    const byRequest = (index: number) =>
      events.filter((event) => event.request_id === requests[index]?.id).map((event) => event.type);
    expect(byRequest(0)).toEqual(["user.created"]);
    expect(byRequest(1)).toEqual(["user.updated"]);
    expect(byRequest(2)).toEqual(["user.deactivated"]);
    expect(byRequest(3)).toEqual(["user.updated"]);
    expect(byRequest(4)).toEqual([]);
    expect(byRequest(5)).toEqual(["group.created", "group.member_added"]);
    expect(byRequest(6)).toEqual(["group.member_removed"]);
    expect(byRequest(7)).toEqual([]);
    expect(byRequest(8)).toEqual(["user.deleted"]);

    const renamed = events.find((event) => event.request_id === requests[1]?.id);
    expect(JSON.parse(renamed?.detail ?? "{}")).toEqual({
      changes: [{ attribute: "name.givenName", before: "Grace", after: "Amazing Grace" }],
    });
    const added = events.find((event) => event.type === "group.member_added");
    expect(JSON.parse(added?.detail ?? "{}")).toEqual({ memberIds: [id] });
  });

  it("records unauthenticated requests without the token and without a directory", async () => {
    const response = await fetch(`${server.scimUrl}/Users`, {
      headers: { Authorization: "Bearer not-a-real-token-value" },
    });
    expect(response.status).toBe(401);
    const last = (await waitForLog(10)).requests.at(-1);
    expect(last?.status).toBe(401);
    expect(last?.directory_id).toBeNull();
  });

  it("keeps no password or bearer token anywhere in the database files", async () => {
    const broken = await fetch(`${server.scimUrl}/Users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
      body: `{"userName": "broken@example.com", "password": "${PASSWORD}", `,
    });
    expect(broken.status).toBe(400);
    const { requests } = await waitForLog(11);
    const files = [server.databasePath, `${server.databasePath}-wal`].filter((file) =>
      fs.existsSync(file),
    );
    const secrets = [PASSWORD, NEW_PASSWORD, token];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const secret of secrets)
        expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    expect(requests.at(-1)?.request_body).toContain("[redacted]");
  });
});
