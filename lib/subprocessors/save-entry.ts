import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { subprocessorHistory, subprocessors } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { DashboardError } from "@/lib/dashboard/errors";
import type { EntryFields, FieldChange } from "./types";

const PARENT_DEPTH_MAX = 20;

function invalidParent(message: string): DashboardError {
  return new DashboardError(400, "invalid_request", message, [{ path: "parentId", message }]);
}

/** The parent must exist, and following parents up from it must never lead back to `id`. */
export function assertValidParent(db: Queryable, id: string, parentId: string | null): void {
  if (parentId === null) return;
  if (parentId === id) throw invalidParent("An entry cannot be its own parent.");
  let current: string | null = parentId;
  for (let depth = 0; current !== null && depth < PARENT_DEPTH_MAX; depth += 1) {
    const row: { parentId: string | null } | undefined = db
      .select({ parentId: subprocessors.parentId })
      .from(subprocessors)
      .where(eq(subprocessors.id, current))
      .get();
    if (!row) throw invalidParent("The parent entry does not exist.");
    if (row.parentId === id) throw invalidParent("That parent would make a loop of parents.");
    current = row.parentId;
  }
}

/**
 * The entry's own history keeps each field before and after; the audit trail gets one row that
 * names the fields, so it lists register edits beside account and directory changes.
 */
export function recordEntryChange(
  db: Queryable,
  actor: Actor,
  entry: { id: string; name: string; revision: number; changedAt: string },
  action: "subprocessor.created" | "subprocessor.updated",
  changes: FieldChange[],
): void {
  db.insert(subprocessorHistory)
    .values({
      id: randomUUID(),
      subprocessorId: entry.id,
      changedAt: entry.changedAt,
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      revision: entry.revision,
      changes,
    })
    .run();
  recordAudit(db, actor, {
    action,
    targetType: "subprocessor",
    targetId: entry.id,
    targetLabel: entry.name,
    detail: { revision: entry.revision, fields: changes.map((change) => change.field) },
  });
}

export function fieldValues(fields: EntryFields) {
  return {
    ...fields,
    dataCategories: [...fields.dataCategories],
    storageRegions: [...fields.storageRegions],
    processingRegions: [...fields.processingRegions],
    certifications: [...fields.certifications],
  };
}
