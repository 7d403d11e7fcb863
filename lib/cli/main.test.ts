import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

const ROOT = path.resolve(import.meta.dirname, "../..");
let dir: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-cli-"));
  file = path.join(dir, "roster.db");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): Record<string, unknown> {
  const out = execFileSync(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: file, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  return JSON.parse(out) as Record<string, unknown>;
}

/** Runs a command expected to fail; returns its exit code and parsed stderr. */
function cliFails(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "lib/cli/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: file, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  return { status: result.status, error: (JSON.parse(result.stderr) as { error: string }).error };
}

function readAudit() {
  const db: Db = openDb(file);
  try {
    return db.select().from(auditEvents).orderBy(asc(auditEvents.createdAt)).all();
  } finally {
    db.$client.close();
  }
}

describe("cli", () => {
  it("audits directory create, token create and token revoke as the command line", () => {
    const created = cli("directory", "create", "--name", "Acme", "--provider", "okta");
    const directory = created.directory as { id: string };
    const token = cli("token", "create", "--directory", directory.id, "--name", "backup");
    cli("token", "revoke", "--token-id", String(token.id));

    const rows = readAudit().map(({ actorId, actorLabel, action, targetId }) => ({
      actorId,
      actorLabel,
      action,
      targetId,
    }));
    expect(rows).toEqual([
      { actorId: null, actorLabel: "cli", action: "directory.created", targetId: directory.id },
      { actorId: null, actorLabel: "cli", action: "token.created", targetId: token.id },
      { actorId: null, actorLabel: "cli", action: "token.revoked", targetId: token.id },
    ]);
  }, 30_000);

  it("renames a directory, changes and resets its rate limit, then deletes it, all audited", () => {
    const created = cli("directory", "create", "--name", "Globex", "--rate-limit", "50");
    const id = (created.directory as { id: string }).id;
    const auditedBefore = readAudit().length;

    const renamed = cli("directory", "update", "--directory", id, "--name", "Globex EU");
    const limited = cli("directory", "update", "--directory", id, "--rate-limit", "7");
    const reset = cli("directory", "update", "--directory", id, "--rate-limit", "default");
    const deleted = cli("directory", "delete", "--directory", id);

    expect(renamed.directory).toMatchObject({ id, name: "Globex EU", rateLimitPerSecond: 50 });
    expect(limited.directory).toMatchObject({ name: "Globex EU", rateLimitPerSecond: 7 });
    expect(reset.directory).toMatchObject({ rateLimitPerSecond: null });
    expect(deleted.deleted).toEqual({
      id,
      name: "Globex EU",
      provider: "generic",
      users: 0,
      groups: 0,
      tokens: 1,
    });
    const rows = readAudit()
      .slice(auditedBefore)
      .map(({ actorId, actorLabel, action, targetId, detail }) => ({
        actorId,
        actorLabel,
        action,
        targetId,
        detail: JSON.parse(detail) as unknown,
      }));
    const cliActor = { actorId: null, actorLabel: "cli", targetId: id };
    expect(rows).toEqual([
      {
        ...cliActor,
        action: "directory.updated",
        detail: { before: { name: "Globex" }, after: { name: "Globex EU" } },
      },
      {
        ...cliActor,
        action: "directory.updated",
        detail: { before: { rateLimitPerSecond: 50 }, after: { rateLimitPerSecond: 7 } },
      },
      {
        ...cliActor,
        action: "directory.updated",
        detail: { before: { rateLimitPerSecond: 7 }, after: { rateLimitPerSecond: null } },
      },
      {
        ...cliActor,
        action: "directory.deleted",
        detail: { name: "Globex EU", provider: "generic", users: 0, groups: 0, tokens: 1 },
      },
    ]);
  }, 30_000);

  it.each([
    [["directory", "update", "--directory", "nope", "--name", "X"], /No directory with id nope/],
    [["directory", "delete", "--directory", "nope"], /No directory with id nope/],
    [["directory", "delete"], /--directory is required/],
    [["directory", "update", "--directory", "nope"], /No directory/],
  ])(
    "fails with exit code 1 for %j",
    (args, message) => {
      const result = cliFails(...args);
      expect(result.status).toBe(1);
      expect(result.error).toMatch(message);
    },
    30_000,
  );

  it("refuses a rate limit that is not a positive whole number, changing nothing", () => {
    const created = cli("directory", "create", "--name", "Initech");
    const id = (created.directory as { id: string }).id;
    for (const value of ["0", "-3", "2.5", "fast"]) {
      const result = cliFails("directory", "update", "--directory", id, "--rate-limit", value);
      expect(result, value).toEqual({ status: 1, error: expect.stringMatching(/--rate-limit/) });
    }
    expect(cliFails("directory", "update", "--directory", id).error).toMatch(/Give --name/);
  }, 30_000);
});
