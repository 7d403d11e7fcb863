import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tokens } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import {
  changeDirectory,
  countTokens,
  createDirectory,
  directoryInput,
  findDirectory,
  removeDirectory,
  type Directory,
  type DirectoryChanges,
} from "@/lib/directories/directories";
import { createToken, revokeToken } from "@/lib/directories/tokens";
import { conflict, notFound } from "./errors";

export const newDirectoryInput = directoryInput.pick({ name: true, provider: true });
/** Absent fields stay as they are; a null rate limit goes back to the server default. */
export const directoryChangesInput = z.strictObject({
  name: directoryInput.shape.name.optional(),
  rateLimitPerSecond: directoryInput.shape.rateLimitPerSecond,
});
export const newTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token").max(100).default("default"),
});

// better-sqlite3 nests a transaction inside another as a savepoint, so each change and its
// audit entry commit together.

/** `rateLimitPerSecond` is set by the CLI only; the dashboard form has no such field. */
export function addDirectory(
  db: Db,
  actor: Actor,
  input: unknown,
  rateLimitPerSecond: number | null = null,
) {
  const parsed = newDirectoryInput.parse(input);
  return db.transaction(() => {
    const created = createDirectory(db, { ...parsed, rateLimitPerSecond });
    recordAudit(db, actor, {
      action: "directory.created",
      targetType: "directory",
      targetId: created.directory.id,
      targetLabel: created.directory.name,
      detail: { provider: created.directory.provider, firstTokenId: created.tokenInfo.id },
    });
    return created;
  });
}

export function addToken(db: Db, actor: Actor, directoryId: string, input: unknown) {
  const parsed = newTokenInput.parse(input ?? {});
  const directory = findDirectory(db, directoryId);
  if (!directory) throw notFound("Directory");
  return db.transaction(() => {
    const created = createToken(db, directory.id, parsed.name);
    recordAudit(db, actor, {
      action: "token.created",
      targetType: "token",
      targetId: created.id,
      targetLabel: `${directory.name} / ${created.name}`,
      detail: { directoryId: directory.id },
    });
    return created;
  });
}

/** "Directory / token", as `token.created` names it; a token outlives no directory. */
function tokenLabel(db: Db, token: { directoryId: string; name: string }): string {
  const directory = findDirectory(db, token.directoryId);
  return directory ? `${directory.name} / ${token.name}` : token.name;
}

export function revokeDirectoryToken(db: Db, actor: Actor, tokenId: string) {
  const token = db.select().from(tokens).where(eq(tokens.id, tokenId)).get();
  if (!token) throw notFound("Token");
  if (token.revokedAt) throw conflict("This token is already revoked.");
  return db.transaction(() => {
    const revoked = revokeToken(db, tokenId);
    if (!revoked) throw conflict("This token is already revoked.");
    recordAudit(db, actor, {
      action: "token.revoked",
      targetType: "token",
      targetId: tokenId,
      targetLabel: tokenLabel(db, token),
      detail: { directoryId: token.directoryId },
    });
    return revoked;
  });
}

/** The fields whose value `parsed` changes, with their values before and after. */
function diffDirectory(directory: Directory, parsed: DirectoryChanges) {
  const before: DirectoryChanges = {};
  const after: DirectoryChanges = {};
  for (const key of ["name", "rateLimitPerSecond"] as const) {
    const value = parsed[key];
    if (value === undefined || value === directory[key]) continue;
    Object.assign(before, { [key]: directory[key] });
    Object.assign(after, { [key]: value });
  }
  return { before, after, isChanged: Object.keys(after).length > 0 };
}

export function updateDirectory(db: Db, actor: Actor, id: string, input: unknown) {
  const parsed = directoryChangesInput.parse(input);
  return db.transaction(() => {
    const directory = findDirectory(db, id);
    if (!directory) throw notFound("Directory");
    const { before, after, isChanged } = diffDirectory(directory, parsed);
    if (!isChanged) return directory;

    const updated = changeDirectory(db, id, after) ?? directory;
    recordAudit(db, actor, {
      action: "directory.updated",
      targetType: "directory",
      targetId: id,
      targetLabel: updated.name,
      detail: { before, after },
    });
    return updated;
  });
}

/** What a deleted directory took with it, for the audit trail and the caller. */
export function deleteDirectory(db: Db, actor: Actor, id: string) {
  return db.transaction(() => {
    const directory = findDirectory(db, id);
    if (!directory) throw notFound("Directory");
    const removed = {
      id,
      name: directory.name,
      provider: directory.provider,
      users: directory.userCount,
      groups: directory.groupCount,
      tokens: countTokens(db, id),
    };

    removeDirectory(db, id);
    const { id: _id, ...detail } = removed;
    recordAudit(db, actor, {
      action: "directory.deleted",
      targetType: "directory",
      targetId: id,
      targetLabel: removed.name,
      detail,
    });
    return removed;
  });
}
