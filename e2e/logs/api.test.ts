import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/lib/dashboard/timeline";
import type { LogEntry } from "@/lib/sync-log/get-log-entry";
import type { LogListItem, LogPage } from "@/lib/sync-log/list-log";
import { startServer, type TestServer } from "../support/server";
import { playTraffic, type SentRequest } from "./traffic";

const PASSWORD = "log-reader-password";
const ZERO_ENTRY_ID = `${"0".repeat(8)}-0000-7000-8000-${"0".repeat(12)}`;

let server: TestServer;
let cookie = "";
let sent: SentRequest[] = [];
let ids: Awaited<ReturnType<typeof playTraffic>>;

async function signIn(email: string, role: string): Promise<string> {
  server.cli("account", "create", "--email", email, "--password", PASSWORD, "--role", role);
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.baseUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const line = response.headers.getSetCookie().find((text) => text.includes("session_token"));
  return line?.split(";")[0] ?? "";
}

const get = (path: string, withCookie = cookie) =>
  fetch(`${server.baseUrl}${path}`, { headers: withCookie ? { Cookie: withCookie } : {} });

async function page(query: string): Promise<LogPage> {
  const response = await get(`/api/logs?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as LogPage;
}

/** Every entry of a filtered view, following the older-page cursor to the end. */
async function all(query: string, limit = 100): Promise<LogListItem[]> {
  const items: LogListItem[] = [];
  let before: string | null = null;
  do {
    const next: LogPage = await page(`${query}&limit=${limit}${before ? `&before=${before}` : ""}`);
    items.push(...next.items);
    before = next.older;
  } while (before);
  return items;
}

/** Entries are written within a tenth of a second of their response; poll until all are there. */
async function waitForEntries(count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while ((await page("limit=100")).items.length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} log entries`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  server = await startServer();
  cookie = await signIn("viewer@example.com", "viewer");
  ids = await playTraffic(server);
  sent = ids.sent;
  await waitForEntries(sent.length);
});

afterAll(async () => {
  await server?.stop();
});

describe("GET /api/logs", () => {
  it.each([
    "/api/logs",
    "/api/logs/0190aaaa-0000-7000-8000-000000000000",
    "/api/logs/export?format=csv",
  ])("answers 401 in the dashboard error shape without a session: %s", async (path) => {
    const response = await get(path, "");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String) },
    });
  });

  it("lists exactly the requests sent, newest first, to a viewer", async () => {
    const items = await all("");
    expect(items.map((item) => `${item.method} ${item.status} ${item.directoryId}`)).toEqual(
      [...sent].reverse().map((item) => `${item.method} ${item.status} ${item.directoryId}`),
    );
    expect(items[0]?.directoryName).toBeNull();
    expect(items.at(-1)).toMatchObject({
      directoryName: "Contoso Entra",
      path: "/scim/v2/Users",
      resourceType: "User",
      resourceLabel: "grace@contoso.example",
      quirks: expect.arrayContaining(["string-boolean"]),
    });
  });

  const mentions = (needle: string) => (item: LogListItem) =>
    [item.path, item.query, item.resourceLabel].some((text) =>
      (text ?? "").toLowerCase().includes(needle),
    );

  const about = (segment: string) => (item: LogListItem) =>
    new RegExp(`/${segment}(/|$)`, "i").test(item.path);

  const FILTERS: [string, string, (item: LogListItem) => boolean][] = [
    ["directory", "directory=DIR", (item) => item.directoryId === ids.okta.directoryId],
    ["status class 4xx", "status=4xx", (item) => item.status >= 400 && item.status < 500],
    ["status class 2xx", "status=2xx", (item) => item.status >= 200 && item.status < 300],
    ["method, any case", "method=patch", (item) => item.method === "PATCH"],
    ["resource type Group", "type=Group", about("groups")],
    ["resource type User, reads included", "type=User", about("users")],
    ["free text over userName, any case", "q=GRACE%40contoso", mentions("grace@contoso")],
    ["free text over the path", "q=%2FGroups%2F", mentions("/groups/")],
    ["free text over the query", "q=userName%20eq", mentions("username eq")],
    ["a rolling window", "since=15m", () => true],
    [
      "directory and status together",
      "directory=DIR&status=4xx",
      (item) => item.directoryId === ids.okta.directoryId && item.status >= 400,
    ],
  ];

  it.each(FILTERS)("filters by %s", async (_, raw, expected) => {
    const everything = await all("");
    const query = raw.replace("DIR", ids.okta.directoryId);
    const filtered = await all(query, 25);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((item) => item.id)).toEqual(
      everything.filter(expected).map((item) => item.id),
    );
  });

  it("keeps only entries inside a fixed time range, both ends included", async () => {
    const everything = await all("");
    const start = everything[5]?.createdAt ?? "";
    const end = everything[2]?.createdAt ?? "";
    const filtered = await all(`from=${encodeURIComponent(start)}&to=${encodeURIComponent(end)}`);
    expect(filtered.map((item) => item.id)).toEqual(
      everything
        .filter((item) => item.createdAt >= start && item.createdAt <= end)
        .map((item) => item.id),
    );
    expect(filtered.length).toBeGreaterThanOrEqual(4);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await page(`from=${future}`)).items).toEqual([]);
  });

  it("pages by keyset both ways without gaps or repeats", async () => {
    const everything = await all("");
    const older: string[] = [];
    let cursor: LogPage = await page("limit=3");
    const pages = [cursor];
    older.push(...cursor.items.map((item) => item.id));
    expect(cursor.newer).toBeNull();
    while (cursor.older) {
      cursor = await page(`limit=3&before=${cursor.older}`);
      pages.push(cursor);
      older.push(...cursor.items.map((item) => item.id));
    }
    expect(older).toEqual(everything.map((item) => item.id));

    const last = pages.at(-1);
    const back = await page(`limit=3&after=${last?.newer}`);
    expect(back.items.map((item) => item.id)).toEqual(pages.at(-2)?.items.map((item) => item.id));
    expect(back.older).toBe(pages.at(-2)?.older);

    const newer: string[] = [];
    let forward: LogPage | undefined = back;
    while (forward) {
      newer.unshift(...forward.items.map((item) => item.id));
      forward = forward.newer ? await page(`limit=3&after=${forward.newer}`) : undefined;
    }
    expect(newer).toEqual(older.slice(0, newer.length));
    expect(newer.length).toBe(older.length - (last?.items.length ?? 0));
  });

  const INVALID: [string, string][] = [
    ["an unknown status class", "status=6xx"],
    ["an unknown method", "method=TRACE"],
    ["a time that is not ISO 8601", "from=yesterday"],
    ["a range that ends before it starts", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"],
    ["a page size of zero", "limit=0"],
    ["a page size over the maximum", "limit=101"],
    ["a cursor that is not an entry id", "before=drop%20table"],
    ["both cursors at once", `before=${ZERO_ENTRY_ID}&after=${ZERO_ENTRY_ID}`],
    ["an unknown rolling window", "since=1y"],
  ];

  it.each(INVALID)("answers 400 invalid_request with issues for %s", async (_, query) => {
    const response = await get(`/api/logs?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: unknown[] } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues.length).toBeGreaterThan(0);
  });
});

describe("GET /api/logs/<id>", () => {
  async function entryWhere(match: (item: LogListItem) => boolean): Promise<LogEntry> {
    const item = (await all("")).find(match);
    const response = await get(`/api/logs/${item?.id}`);
    expect(response.status).toBe(200);
    return (await response.json()) as LogEntry;
  }

  it("shows both bodies, headers of note, the diff, quirks and the resource touched", async () => {
    const entry = await entryWhere(
      (item) => item.method === "PATCH" && item.status === 204 && item.resourceType === "User",
    );
    expect(entry.requestBody?.json).toMatchObject({
      Operations: [{ op: "Replace", path: "title" }],
    });
    expect(entry.responseBody).toBeNull();
    expect(entry.headers.authorization).toBe("Bearer [redacted]");
    expect(entry.quirks).toEqual([
      { code: "capitalised-op", text: expect.stringMatching(/lower case/) },
    ]);
    expect(entry.resources).toEqual([
      { type: "User", id: ids.graceId, label: "grace@contoso.example", exists: true },
    ]);
    expect(entry.events).toMatchObject([
      {
        type: "user.updated",
        detail: { changes: [{ attribute: "title", before: null, after: "Rear Admiral" }] },
      },
    ]);
  });

  it("shows a rejected request with its error and no events", async () => {
    const entry = await entryWhere((item) => item.status === 400);
    expect(entry.scimType).toBe("invalidValue");
    expect(entry.responseBody?.json).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect(entry.events).toEqual([]);
    expect(entry.resources).toEqual([]);
    expect(entry.addressed).toEqual({
      type: "User",
      id: ids.graceId,
      label: "grace@contoso.example",
      exists: true,
    });
  });

  it("names the members a group change added, with their current labels", async () => {
    const entry = await entryWhere(
      (item) => item.method === "PATCH" && item.resourceType === "Group",
    );
    expect(entry.events).toMatchObject([
      {
        type: "group.member_added",
        members: [{ type: "User", id: ids.graceId, label: "grace@contoso.example", exists: true }],
        membersMore: 0,
      },
    ]);
  });

  it("puts a user's new group on her timeline, naming her on the group's", async () => {
    type Timeline = { timeline: TimelineEntry[] };
    const user = (await (await get(`/api/users/${ids.graceId}`)).json()) as Timeline;
    const group = (await (await get(`/api/groups/${ids.groupId}`)).json()) as Timeline;
    const joined = user.timeline.find((event) => event.type === "group.member_added");
    const added = group.timeline.find((event) => event.type === "group.member_added");

    expect(joined).toMatchObject({
      group: { type: "Group", id: ids.groupId, label: "Admirals", exists: true },
      members: [],
    });
    expect(added).toMatchObject({
      members: [{ type: "User", id: ids.graceId, label: "grace@contoso.example", exists: true }],
      membersMore: 0,
    });
    const entry = await get(`/api/logs/${joined?.requestId ?? ""}`);
    expect(((await entry.json()) as LogEntry).events.map((event) => event.id)).toEqual([
      joined?.id,
    ]);
  });

  it("answers 404 not_found for an unknown entry", async () => {
    const response = await get("/api/logs/0190aaaa-0000-7000-8000-000000000000");
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("GET /api/logs/export", () => {
  it("exports the filtered view as RFC 4180 CSV with formula cells neutralised", async () => {
    const response = await get(`/api/logs/export?format=csv&directory=${ids.okta.directoryId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="roster-sync-log-.+\.csv"$/,
    );
    const text = await response.text();
    expect(text).toMatch(/\r\n$/);
    const [header, ...rows] = parse(text) as string[][];
    const column = (name: string) => rows.map((row) => row[header?.indexOf(name) ?? -1]);
    const expected = await all(`directory=${ids.okta.directoryId}`);
    expect(column("id")).toEqual(expected.map((item) => item.id));
    expect(column("directory").every((name) => name === "Acme Okta")).toBe(true);
    expect(column("resource")).toContain("'=SUM(1,2)@acme.example");
  });

  it("exports NDJSON entries with bodies and events, honouring every filter", async () => {
    const response = await get("/api/logs/export?format=ndjson&status=2xx&method=PATCH");
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => `${line.method} ${line.status}`)).toEqual([
      "PATCH 200",
      "PATCH 204",
      "PATCH 204",
    ]);
    expect(lines[0]).toMatchObject({
      requestBody: { Operations: [{ op: "replace", value: { active: false } }] },
      events: [{ type: "user.deactivated" }],
      headers: { authorization: "Bearer [redacted]" },
    });
  });

  it("refuses an unknown format with the dashboard error shape", async () => {
    const response = await get("/api/logs/export?format=xlsx");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "invalid_request",
    );
  });
});
