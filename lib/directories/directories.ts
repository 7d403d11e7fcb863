import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, directories, PROVIDERS, tokens } from "@/db/schema";
import { RATE_PER_SECOND_MAX } from "@/lib/scim-http/rate-limit";
import { createToken, forgetTokens } from "./tokens";

export const directoryInput = z.object({
  name: z.string().trim().min(1, "name is required").max(200),
  provider: z.enum(PROVIDERS),
  rateLimitPerSecond: z.number().int().positive().max(RATE_PER_SECOND_MAX).nullable().optional(),
});

export type DirectoryChanges = Partial<Pick<Directory, "name" | "rateLimitPerSecond">>;

export type Directory = typeof directories.$inferSelect;

/** Creates a directory together with its first token, in one transaction. */
export function createDirectory(db: Db, input: Record<string, unknown>) {
  const parsed = directoryInput.parse(input);
  return db.transaction((tx) => {
    const directory = tx
      .insert(directories)
      .values({
        id: randomUUID(),
        name: parsed.name,
        provider: parsed.provider,
        rateLimitPerSecond: parsed.rateLimitPerSecond ?? null,
        createdAt: new Date().toISOString(),
      })
      .returning()
      .get();
    const { token, ...tokenSummary } = createToken(tx, directory.id);
    return { directory, token, tokenInfo: tokenSummary };
  });
}

export function findDirectory(db: Db, id: string): Directory | undefined {
  return db.select().from(directories).where(eq(directories.id, id)).get();
}

export function listDirectories(db: Db): Directory[] {
  return db.select().from(directories).orderBy(directories.createdAt).all();
}

/**
 * The rate limit travels with each cached token, so the cache is emptied: the next SCIM request
 * of this process reads the new limit, and another process sees data_version move.
 */
export function changeDirectory(db: Db, id: string, changes: DirectoryChanges) {
  const updated = db
    .update(directories)
    .set(changes)
    .where(eq(directories.id, id))
    .returning()
    .get();
  forgetTokens();
  return updated;
}

export function countTokens(db: Db, directoryId: string): number {
  return (
    db.select({ n: count() }).from(tokens).where(eq(tokens.directoryId, directoryId)).get()?.n ?? 0
  );
}

/** Deletes a directory; its users, groups, memberships and tokens go with it (ON DELETE CASCADE). */
export function removeDirectory(db: Db, id: string): boolean {
  const result = db.delete(directories).where(eq(directories.id, id)).run();
  forgetTokens();
  return result.changes > 0;
}

/**
 * The names deleted directories had, from their `directory.deleted` audit entries: the sync log
 * keeps a directory's requests and events after the directory itself is gone.
 */
export function deletedDirectoryNames(db: Db, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .select({ id: auditEvents.targetId, name: auditEvents.targetLabel })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, "directory"),
        inArray(auditEvents.targetId, ids),
        eq(auditEvents.action, "directory.deleted"),
      ),
    )
    .all();
  return new Map(rows.flatMap((row) => (row.name === null ? [] : [[row.id, row.name] as const])));
}
