import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { tokens } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { createDirectory, directoryInput, findDirectory } from "@/lib/directories/directories";
import { createToken, revokeToken } from "@/lib/directories/tokens";
import { conflict, notFound } from "./errors";

export const newDirectoryInput = directoryInput.pick({ name: true, provider: true });
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
      targetLabel: token.name,
      detail: { directoryId: token.directoryId },
    });
    return revoked;
  });
}
