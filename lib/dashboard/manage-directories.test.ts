import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { createDirectory, findDirectory } from "@/lib/directories/directories";
import { authenticate } from "@/lib/directories/tokens";
import { seedDirectory } from "@/lib/seed/seed-directory";
import { openTestDb, readAudit } from "@/lib/sync-log/test-log-db";
import { DashboardError } from "./errors";
import {
  addToken,
  deleteDirectory,
  revokeDirectoryToken,
  updateDirectory,
} from "./manage-directories";

const ADMIN: Actor = { id: "admin-1", label: "admin@example.com" };

let db: Db;
let close: () => void;

beforeEach(() => {
  ({ db, close } = openTestDb());
});

afterEach(() => close());

const audit = () => readAudit(db);

/** A directory's rows in each table its deletion must empty. */
const rowsOf = (directoryId: string) =>
  db.get<Record<string, number>>(sql`SELECT
    (SELECT count(*) FROM users WHERE directory_id = ${directoryId}) AS users,
    (SELECT count(*) FROM groups WHERE directory_id = ${directoryId}) AS groups,
    (SELECT count(*) FROM tokens WHERE directory_id = ${directoryId}) AS tokens,
    (SELECT count(*) FROM group_members m JOIN groups g ON g.id = m.group_id
      WHERE g.directory_id = ${directoryId}) AS memberships,
    (SELECT count(*) FROM user_emails e JOIN users u ON u.id = e.user_id
      WHERE u.directory_id = ${directoryId}) AS emails`);

describe("updateDirectory", () => {
  it("changes only what differs and audits it with the values before and after", () => {
    const { directory } = createDirectory(db, { name: "Acme", provider: "okta" });

    const updated = updateDirectory(db, ADMIN, directory.id, {
      name: "  Acme EU  ",
      rateLimitPerSecond: null,
    });

    expect(updated).toMatchObject({ name: "Acme EU", rateLimitPerSecond: null, provider: "okta" });
    expect(audit()).toEqual([
      expect.objectContaining({
        action: "directory.updated",
        actorLabel: "admin@example.com",
        targetId: directory.id,
        targetLabel: "Acme EU",
        detail: { before: { name: "Acme" }, after: { name: "Acme EU" } },
      }),
    ]);
  });

  it("writes no audit entry when nothing changes", () => {
    const { directory } = createDirectory(db, {
      name: "Acme",
      provider: "okta",
      rateLimitPerSecond: 10,
    });

    updateDirectory(db, ADMIN, directory.id, { name: "Acme", rateLimitPerSecond: 10 });
    updateDirectory(db, ADMIN, directory.id, {});

    expect(audit()).toEqual([]);
  });

  it("gives the directory's live tokens the new rate limit at once", () => {
    const { directory, token } = createDirectory(db, { name: "Acme", provider: "entra" });
    expect(authenticate(db, token)?.rateLimitPerSecond).toBeNull();

    updateDirectory(db, ADMIN, directory.id, { rateLimitPerSecond: 1 });
    expect(authenticate(db, token)?.rateLimitPerSecond).toBe(1);

    updateDirectory(db, ADMIN, directory.id, { rateLimitPerSecond: null });
    expect(authenticate(db, token)?.rateLimitPerSecond).toBeNull();
    expect(audit().map((row) => row.detail)).toEqual([
      { before: { rateLimitPerSecond: null }, after: { rateLimitPerSecond: 1 } },
      { before: { rateLimitPerSecond: 1 }, after: { rateLimitPerSecond: null } },
    ]);
  });

  it.each([
    ["an empty name", { name: "  " }],
    ["a name over 200 characters", { name: "x".repeat(201) }],
    ["a rate limit of 0", { rateLimitPerSecond: 0 }],
    ["a fractional rate limit", { rateLimitPerSecond: 1.5 }],
    ["a rate limit above the maximum", { rateLimitPerSecond: 100_001 }],
    ["a rate limit sent as a string", { rateLimitPerSecond: "10" }],
    ["a provider change", { provider: "entra" }],
    ["a body that is not an object", undefined],
  ])("refuses %s and changes nothing", (_case, input) => {
    const { directory } = createDirectory(db, { name: "Acme", provider: "okta" });
    expect(() => updateDirectory(db, ADMIN, directory.id, input)).toThrow(ZodError);
    expect(findDirectory(db, directory.id)?.name).toBe("Acme");
  });

  it("answers not found for an unknown directory", () => {
    expect(() => updateDirectory(db, ADMIN, "nope", { name: "X" })).toThrow(DashboardError);
  });
});

describe("deleteDirectory", () => {
  it("removes the directory and all it holds, and audits the counts", () => {
    const acme = createDirectory(db, { name: "Acme", provider: "okta" });
    const globex = createDirectory(db, { name: "Globex", provider: "entra" });
    seedDirectory(db, acme.directory.id, { users: 20, groups: 3 });
    seedDirectory(db, globex.directory.id, { users: 10, groups: 2, domain: "globex.example" });
    const globexRows = rowsOf(globex.directory.id);
    expect(rowsOf(acme.directory.id).memberships).toBeGreaterThan(0);

    const removed = deleteDirectory(db, ADMIN, acme.directory.id);

    expect(removed).toEqual({
      id: acme.directory.id,
      name: "Acme",
      provider: "okta",
      users: 20,
      groups: 3,
      tokens: 1,
    });
    expect(rowsOf(acme.directory.id)).toEqual({
      users: 0,
      groups: 0,
      tokens: 0,
      memberships: 0,
      emails: 0,
    });
    expect(rowsOf(globex.directory.id)).toEqual(globexRows);
    expect(findDirectory(db, globex.directory.id)).toMatchObject({ userCount: 10, groupCount: 2 });
    expect(findDirectory(db, acme.directory.id)).toBeUndefined();
    expect(audit()).toEqual([
      expect.objectContaining({
        action: "directory.deleted",
        targetId: acme.directory.id,
        targetLabel: "Acme",
        detail: { name: "Acme", provider: "okta", users: 20, groups: 3, tokens: 1 },
      }),
    ]);
  });

  it("refuses the deleted directory's token on the very next authentication", () => {
    const { directory, token } = createDirectory(db, { name: "Acme", provider: "okta" });
    expect(authenticate(db, token)).toBeDefined();

    deleteDirectory(db, ADMIN, directory.id);

    expect(authenticate(db, token)).toBeUndefined();
  });

  it("answers not found for an unknown directory and audits nothing", () => {
    expect(() => deleteDirectory(db, ADMIN, "nope")).toThrow(DashboardError);
    expect(audit()).toEqual([]);
  });
});

describe("revokeDirectoryToken", () => {
  it("names the token as token.created does: directory / token", () => {
    const { directory } = createDirectory(db, { name: "Acme", provider: "okta" });
    const token = addToken(db, ADMIN, directory.id, { name: "okta-prod" });

    revokeDirectoryToken(db, ADMIN, token.id);

    expect(audit().map((row) => [row.action, row.targetLabel])).toEqual([
      ["token.created", "Acme / okta-prod"],
      ["token.revoked", "Acme / okta-prod"],
    ]);
  });
});
