import { execFileSync } from "node:child_process";
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
});
