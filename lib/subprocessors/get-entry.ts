import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { subprocessorHistory, subprocessors } from "@/db/schema";
import { notFound } from "@/lib/dashboard/errors";
import { checkEntry, todayIso, type CheckFinding } from "./checks";
import { byName, toEntry } from "./rows";
import { getSettings } from "./settings";
import type { Entry, FieldChange } from "./types";

export type HistoryItem = {
  id: string;
  changedAt: string;
  actorLabel: string;
  action: "subprocessor.created" | "subprocessor.updated";
  revision: number;
  changes: FieldChange[];
};

export type EntryDetail = {
  entry: Entry;
  findings: CheckFinding[];
  history: HistoryItem[];
  parent: { id: string; name: string } | null;
  children: { id: string; name: string; status: Entry["status"] }[];
  /** Names of every entry by id, so parent changes in the history read as names. */
  names: Record<string, string>;
};

export function getEntry(db: Queryable, id: string): EntryDetail {
  const row = db.select().from(subprocessors).where(eq(subprocessors.id, id)).get();
  if (!row) throw notFound("Sub-processor");
  const entry = toEntry(row);

  const parentRow = entry.parentId
    ? db.select().from(subprocessors).where(eq(subprocessors.id, entry.parentId)).get()
    : undefined;
  const children = db
    .select()
    .from(subprocessors)
    .where(eq(subprocessors.parentId, id))
    .all()
    .map(toEntry)
    .sort(byName);
  const history = db
    .select()
    .from(subprocessorHistory)
    .where(eq(subprocessorHistory.subprocessorId, id))
    .orderBy(desc(subprocessorHistory.revision))
    .all();

  return {
    entry,
    findings: checkEntry(entry, getSettings(db), todayIso()),
    history: history.map((item) => ({
      id: item.id,
      changedAt: item.changedAt,
      actorLabel: item.actorLabel,
      action: item.action,
      revision: item.revision,
      changes: item.changes as FieldChange[],
    })),
    parent: parentRow ? { id: parentRow.id, name: parentRow.name } : null,
    children: children.map(({ id: childId, name, status }) => ({ id: childId, name, status })),
    names: Object.fromEntries(listEntryOptions(db).map((option) => [option.id, option.name])),
  };
}

/** Names and ids of every entry, for the parent picker. */
export function listEntryOptions(db: Queryable): { id: string; name: string }[] {
  return db
    .select({ id: subprocessors.id, name: subprocessors.name })
    .from(subprocessors)
    .all()
    .sort(byName);
}
