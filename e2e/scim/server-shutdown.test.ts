import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectory, startServer, type TestServer } from "../support/server";
import { serverCommand } from "../../scripts/server-command.mjs";
import { URN } from "./provisioning-helpers";

const EXIT_WAIT_MS = 10_000;

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

/** One row of the server's database, read from a connection of the test's own. */
function readRow<T>(sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T | undefined;
  } finally {
    db.close();
  }
}

/** The server authenticates a request before it reads the body, and notes the token's use. */
async function waitUntilTokenUsed(tokenId: string): Promise<void> {
  for (let waitedMs = 0; waitedMs < 5_000; waitedMs += 20) {
    const row = readRow<{ last_used_at: string | null }>(
      "SELECT last_used_at FROM tokens WHERE id = ?",
      tokenId,
    );
    if (row?.last_used_at) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`token ${tokenId} was never used`);
}

type Answer = { status: number; connection: string | undefined; text: string };

describe("a port in use", () => {
  it("stops a second server with one line and exit code 1", async () => {
    const port = new URL(server.baseUrl).port;
    const second = serverCommand(path.resolve(import.meta.dirname, "../.."), port);
    const child = spawn(second.command, second.args, {
      env: { ...process.env, DATABASE_PATH: server.databasePath, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exitCode = await new Promise((resolve) => child.once("exit", resolve));

    expect(exitCode).toBe(1);
    expect(stderr.trim()).toMatch(/^Roster could not start: .*EADDRINUSE/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("a stop signal", () => {
  it("answers the request in flight, closes its kept-alive connection and exits 143", async () => {
    const { directoryId, token, tokenId } = createDirectory(server, "okta");
    const agent = new http.Agent({ keepAlive: true });
    const body = JSON.stringify({ schemas: [URN.user], userName: "in.flight@example.com" });
    const headers = {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/scim+json",
      "Content-Length": Buffer.byteLength(body),
    };
    let outgoing: http.ClientRequest | undefined;
    const answered = new Promise<Answer>((resolve, reject) => {
      const url = `${server.scimUrl}/Users`;
      outgoing = http.request(url, { method: "POST", agent, headers }, (incoming) => {
        let text = "";
        incoming.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        incoming.on("end", () => {
          const connection = incoming.headers.connection;
          resolve({ status: incoming.statusCode ?? 0, connection, text });
        });
      });
      outgoing.on("error", reject);
    });
    // Half the body keeps the request in flight, past authentication, when the signal comes.
    outgoing?.write(body.slice(0, 20));
    await waitUntilTokenUsed(tokenId);

    const exited = server.signal("SIGTERM");
    outgoing?.end(body.slice(20));
    const answer = await answered;
    const stillRunning = new Promise((resolve) => setTimeout(resolve, EXIT_WAIT_MS, "running"));
    const exitCode = await Promise.race([exited, stillRunning]);
    agent.destroy();

    expect(answer.status).toBe(201);
    expect(answer.connection).toBe("close");
    expect(exitCode).toBe(143);
    const logged = readRow<{ status: number }>(
      "SELECT status FROM sync_requests WHERE directory_id = ? AND method = 'POST'",
      directoryId,
    );
    expect(logged?.status).toBe(201);
  });
});
