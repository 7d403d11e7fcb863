import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { serverCommand } from "../../scripts/server-command.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 60_000;

export type TestServer = {
  baseUrl: string;
  scimUrl: string;
  databasePath: string;
  /** Runs the CLI against this server's database and returns its parsed JSON output. */
  cli: <T = unknown>(...args: string[]) => T;
  /** The lines the server has written to stdout (its process log) so far. */
  logLines: () => string[];
  /** Sends `signal` to the server; resolves with its exit code once it has exited. */
  signal: (signal: NodeJS.Signals) => Promise<number | null>;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet; poll again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Server at ${url} did not become healthy within ${READY_TIMEOUT_MS} ms`);
}

/**
 * Starts the built app (`next start`) on a free port with a fresh SQLite file of its own.
 * `npm test` builds first; run `npm run build` yourself when running one suite alone.
 */
const STOP_GRACE_MS = 5_000;

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build` first");
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-test-"));
  const databasePath = path.join(dir, "roster.db");
  const port = await freePort();
  const childEnv = {
    ...process.env,
    DATABASE_PATH: databasePath,
    PORT: String(port),
    LOG_LEVEL: "warn",
    ...env,
  };
  const cli = <T>(...args: string[]): T => {
    const result = spawnSync(
      path.join(ROOT, "node_modules/.bin/tsx"),
      ["lib/cli/main.ts", ...args],
      {
        cwd: ROOT,
        env: childEnv,
        encoding: "utf8",
      },
    );
    if (result.status !== 0) throw new Error(`cli ${args.join(" ")} failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  };
  cli("migrate");
  // Started as `npm start` starts it: the same heap cap and keep-alive.
  const server = serverCommand(ROOT, port);
  const child = spawn(server.command, server.args, {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exitCode = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let logText = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (logText += chunk));
  const logLines = () => logText.split("\n").filter(Boolean);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(baseUrl, child);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      // Next's graceful shutdown waits for every open connection, and a response whose body the
      // test never read keeps one open until the 65 s keep-alive ends.
      let timer: NodeJS.Timeout | undefined;
      const isSlow = await Promise.race([
        exited.then(() => false),
        new Promise((resolve) => (timer = setTimeout(() => resolve(true), STOP_GRACE_MS))),
      ]);
      clearTimeout(timer);
      if (isSlow) {
        console.warn(`server on ${baseUrl} still open ${STOP_GRACE_MS} ms after SIGTERM: killed`);
        child.kill("SIGKILL");
        await exited;
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const signal = (name: NodeJS.Signals) => {
    child.kill(name);
    return exitCode;
  };
  return { baseUrl, scimUrl: `${baseUrl}/scim/v2`, databasePath, cli, logLines, signal, stop };
}

export type DirectoryWithToken = { directoryId: string; token: string; tokenId: string };

export function createDirectory(
  server: TestServer,
  provider = "generic",
  name = `Test ${provider}`,
  extra: string[] = [],
): DirectoryWithToken {
  const created = server.cli<{
    directory: { id: string };
    token: string;
    tokenInfo: { id: string };
  }>("directory", "create", "--name", name, "--provider", provider, ...extra);
  return { directoryId: created.directory.id, token: created.token, tokenId: created.tokenInfo.id };
}

/** A small SCIM client for tests: JSON in, parsed JSON and headers out. */
export function scimClient(server: TestServer, token: string) {
  return async function request(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${server.scimUrl}${pathAndQuery}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "Content-Type": "application/scim+json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { status: response.status, headers: response.headers, body: json, text };
  };
}
