import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

export const auditQuery = z.object({
  before: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Newest first; `before` is the `createdAt` of the last entry of the previous page. */
export function listAudit(db: Db, input: unknown) {
  const query = auditQuery.parse(input);
  const rows = db
    .select()
    .from(auditEvents)
    .where(query.before ? lt(auditEvents.createdAt, query.before) : undefined)
    .orderBy(desc(auditEvents.createdAt))
    .limit(query.limit + 1)
    .all();
  const items = rows.slice(0, query.limit).map((row) => ({
    ...row,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }));
  const nextBefore = rows.length > query.limit ? items.at(-1)?.createdAt : undefined;
  return { items, nextBefore };
}
