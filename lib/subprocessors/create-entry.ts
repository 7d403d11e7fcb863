import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { subprocessors } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { entryInput } from "./entry-input";
import { normalised, toEntry } from "./rows";
import { assertValidParent, fieldValues, recordEntryChange } from "./save-entry";
import { ENTRY_FIELDS, type Entry } from "./types";

export function createEntry(db: Db, actor: Actor, input: unknown): Entry {
  const fields = normalised(entryInput.parse(input));
  const id = randomUUID();
  const now = new Date().toISOString();

  return db.transaction((tx) => {
    assertValidParent(tx, id, fields.parentId);
    const row = tx
      .insert(subprocessors)
      .values({ id, ...fieldValues(fields), revision: 1, createdAt: now, updatedAt: now })
      .returning()
      .get();
    const changes = ENTRY_FIELDS.filter((field) => {
      const value = fields[field];
      return value !== null && !(Array.isArray(value) && value.length === 0);
    }).map((field) => ({ field, before: null, after: fields[field] }));
    const change = { id, name: fields.name, revision: 1, changedAt: now };
    recordEntryChange(tx, actor, change, "subprocessor.created", changes);
    return toEntry(row);
  });
}
