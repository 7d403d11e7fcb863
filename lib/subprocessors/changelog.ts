import { ENTRY_FIELDS, type Entry, type EntryFields, type FieldChange } from "./types";

export type EntryRef = { id: string; name: string };
export type EntryChanges = EntryRef & { changes: FieldChange[] };

/** What a version changed against the one before it; the first version lists everything added. */
export type Changelog = {
  previousVersion: number | null;
  added: EntryRef[];
  removed: EntryRef[];
  changed: EntryChanges[];
};

/** JSON with object keys sorted, so equal values always serialise to equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  });
}

export function diffFields(before: EntryFields, after: EntryFields): FieldChange[] {
  return ENTRY_FIELDS.filter(
    (field) => canonicalJson(before[field]) !== canonicalJson(after[field]),
  ).map((field) => ({ field, before: before[field], after: after[field] }));
}

const refOf = (entry: Entry): EntryRef => ({ id: entry.id, name: entry.name });

export function buildChangelog(
  previous: readonly Entry[],
  next: readonly Entry[],
  previousVersion: number | null,
): Changelog {
  const before = new Map(previous.map((entry) => [entry.id, entry]));
  const after = new Map(next.map((entry) => [entry.id, entry]));
  const changed: EntryChanges[] = [];
  for (const entry of next) {
    const old = before.get(entry.id);
    if (!old) continue;
    const changes = diffFields(old, entry);
    if (changes.length > 0) changed.push({ ...refOf(entry), changes });
  }
  return {
    previousVersion,
    added: next.filter((entry) => !before.has(entry.id)).map(refOf),
    removed: previous.filter((entry) => !after.has(entry.id)).map(refOf),
    changed,
  };
}

export function isEmptyChangelog(changelog: Changelog): boolean {
  return (
    changelog.added.length === 0 && changelog.removed.length === 0 && changelog.changed.length === 0
  );
}

/** Keeps only changes to the given fields; entries left with none drop out of `changed`. */
export function onlyFields(changelog: Changelog, isKept: (field: string) => boolean): Changelog {
  const changed = changelog.changed
    .map((entry) => ({ ...entry, changes: entry.changes.filter((c) => isKept(c.field)) }))
    .filter((entry) => entry.changes.length > 0);
  return { ...changelog, changed };
}
