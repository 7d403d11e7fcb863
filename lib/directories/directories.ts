import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { directories, PROVIDERS } from "@/db/schema";
import { createToken } from "./tokens";

export const directoryInput = z.object({
  name: z.string().trim().min(1, "name is required").max(200),
  provider: z.enum(PROVIDERS),
  rateLimitPerSecond: z.number().int().positive().nullable().optional(),
});

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
