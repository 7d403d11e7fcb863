import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, startServer, type TestServer } from "../support/server";
import { expectErrorCase, type ErrorCase, type ScimResponse } from "./provisioning-helpers";

let server: TestServer;
let token = "";

beforeAll(async () => {
  server = await startServer();
  token = createDirectory(server, "generic").token;
});

afterAll(async () => {
  await server?.stop();
});

/**
 * A raw request: the path and query go on the wire exactly as written, and a body that is not
 * JSON (Next's plain-text 500) is kept as text so the assertion, not the parser, reports it.
 */
async function send(method: string, pathAndQuery: string, body?: string): Promise<ScimResponse> {
  const response = await fetch(`${server.baseUrl}${pathAndQuery}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
    },
    body,
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, body: json, text };
}

/** Over node:http, since fetch refuses to send TRACE at all. */
function sendMethod(method: string, pathAndQuery: string): Promise<ScimResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathAndQuery, server.baseUrl);
    const headers = { Authorization: `Bearer ${token}` };
    const outgoing = http.request(url, { method, headers }, (incoming) => {
      let text = "";
      incoming.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      incoming.on("end", () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (typeof value === "string") received.set(name, value);
        }
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: incoming.statusCode ?? 0, headers: received, body: json, text });
      });
    });
    outgoing.on("error", reject).end();
  });
}

const BAD_PATHS: [method: string, pathAndQuery: string, segment: string][] = [
  ["GET", "/scim/v2/Users/%E0%A4%A", "%E0%A4%A"],
  ["GET", "/scim/v2/Users/%ZZ", "%ZZ"],
  ["GET", "/scim/v2/Groups/%C3", "%C3"],
  ["GET", "/scim/v2/%E0%A4%A", "%E0%A4%A"],
  ["GET", "/scim/v2/Users/%/extra", "%"],
  ["GET", "/SCIM/v2/Users/%ZZ", "%ZZ"],
  ["GET", "/scim/v2/Users/%ZZ?filter=userName%20eq%20%22a%22", "%ZZ"],
  ["PUT", "/scim/v2/Users/%E0%A4%A", "%E0%A4%A"],
  ["PATCH", "/scim/v2/Groups/%ZZ", "%ZZ"],
  ["DELETE", "/scim/v2/Users/%ZZ", "%ZZ"],
];

const PATH_CASES: ErrorCase[] = BAD_PATHS.map(([method, pathAndQuery, segment]) => ({
  title: `${method} ${pathAndQuery}`,
  send: () =>
    send(method, pathAndQuery, method === "GET" || method === "DELETE" ? undefined : "{}"),
  status: 400,
  scimType: "invalidPath",
  detail: new RegExp(`"${segment}"`),
}));

const QUERY_CASES: ErrorCase[] = [
  {
    title: "GET /Users?filter=%ZZ",
    send: () => send("GET", "/scim/v2/Users?filter=%ZZ"),
    status: 400,
    scimType: "invalidFilter",
  },
  {
    title: "GET /Groups?filter=%E0%A4%A",
    send: () => send("GET", "/scim/v2/Groups?filter=%E0%A4%A"),
    status: 400,
    scimType: "invalidFilter",
  },
  {
    title: "GET /Users?count=%E0%A4%A",
    send: () => send("GET", "/scim/v2/Users?count=%E0%A4%A"),
    status: 400,
    scimType: "invalidValue",
  },
];

describe("malformed percent-encoding", () => {
  it.each([...PATH_CASES, ...QUERY_CASES])(
    "answers $title with $status and a SCIM error body",
    expectErrorCase,
  );
});

// Node's parser lets these through; Next refuses to route them (TRACE as a plain-text 500,
// the others as an empty 400) before any route handler could answer 405.
const UNROUTABLE: [method: string, pathAndQuery: string][] = [
  ["TRACE", "/scim/v2/Users"],
  ["TRACE", "/scim/v2/Users/2819c223-7f76-453a-919d-413861904646?attributes=userName"],
  ["PROPFIND", "/scim/v2/Groups"],
  ["MKCOL", "/scim/v2"],
  ["LOCK", "/SCIM/v2/Users"],
];

const UNROUTABLE_CASES: ErrorCase[] = UNROUTABLE.map(([method, pathAndQuery]) => ({
  title: `${method} ${pathAndQuery}`,
  send: () => sendMethod(method, pathAndQuery),
  status: 501,
  detail: new RegExp(`^${method} is not a method SCIM uses`),
}));

describe("methods no route can take", () => {
  it.each(UNROUTABLE_CASES)("answers $title with 501 and a SCIM error body", expectErrorCase);

  it("answers them outside /scim/v2 with a plain 501", async () => {
    const response = await sendMethod("TRACE", "/api/health");
    expect(response.status).toBe(501);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/^TRACE is not a method this server supports/);
  });
});

const UPGRADE_WAIT_MS = 5_000;

/** A GET asking to switch to WebSocket: its status, or why there was none. */
function sendUpgrade(pathAndQuery: string): Promise<number | string> {
  return new Promise((resolve) => {
    const url = new URL(pathAndQuery, server.baseUrl);
    const headers = {
      Authorization: `Bearer ${token}`,
      Connection: "Upgrade",
      Upgrade: "websocket",
    };
    const outgoing = http.request(url, { headers }, (incoming) => {
      incoming.resume().on("end", () => resolve(incoming.statusCode ?? 0));
    });
    outgoing.setTimeout(UPGRADE_WAIT_MS, () => outgoing.destroy(new Error("no answer")));
    outgoing.on("upgrade", (_incoming, socket) => {
      socket.destroy();
      resolve("switched protocols");
    });
    outgoing.on("error", (error) => resolve(error.message)).end();
  });
}

// RFC 9110 §7.8: a server that does not switch answers as though Upgrade were absent. Roster
// serves no WebSocket; a request asking for one must neither lose its answer nor hold its socket.
describe("requests asking to upgrade", () => {
  it.each([
    ["/scim/v2/Users?count=1", 200],
    ["/api/no/such/route", 404],
  ])("answers GET %s as a plain request, with %i", async (pathAndQuery, status) => {
    await (await fetch(`${server.baseUrl}/api/health`)).text();
    expect(await sendUpgrade(pathAndQuery)).toBe(status);
  });
});
