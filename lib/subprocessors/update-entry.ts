import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { subprocessors } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/dashboard/errors";
import { diffFields } from "./changelog";
import { entryUpdateInput } from "./entry-input";
import { normalised, toEntry } from "./rows";
import { assertValidParent, fieldValues, recordEntryChange } from "./save-entry";
import type { Entry } from "./types";

/**
 * Saves a whole entry. The form names the revision it was loaded at; if someone saved in
 * between, the update is refused rather than silently undoing their change.
 */
export function updateEntry(db: Db, actor: Actor, id: string, input: unknown): Entry {
  const { revision, ...parsed } = entryUpdateInput.parse(input);
  const fields = normalised(parsed);

  return db.transaction((tx) => {
    const row = tx.select().from(subprocessors).where(eq(subprocessors.id, id)).get();
    if (!row) throw notFound("Sub-processor");
    const current = toEntry(row);
    if (current.revision !== revision) {
      throw conflict(
        "Someone else saved this entry meanwhile. Reload it and apply your change again.",
      );
    }
    assertValidParent(tx, id, fields.parentId);
    const changes = diffFields(current, fields);
    if (changes.length === 0) return current;

    const now = new Date().toISOString();
    const next = tx
      .update(subprocessors)
      .set({ ...fieldValues(fields), revision: revision + 1, updatedAt: now })
      .where(eq(subprocessors.id, id))
      .returning()
      .get();
    const change = { id, name: fields.name, revision: revision + 1, changedAt: now };
    recordEntryChange(tx, actor, change, "subprocessor.updated", changes);
    return toEntry(next);
  });
}
