import Link from "next/link";
import type { Changelog } from "@/lib/subprocessors/changelog";
import { FIELD_LABELS } from "@/lib/subprocessors/types";
import { FieldValue } from "./field-value";

/**
 * Added, removed and changed entries with each field before and after. `linkEntries` links names
 * to their dashboard pages; the public page leaves it off.
 */
export function ChangelogView({
  changelog,
  linkEntries = false,
  emptyText = "No changes.",
  names = {},
}: {
  changelog: Changelog;
  linkEntries?: boolean;
  emptyText?: string;
  /** Entry names by id, so a changed parent reads as a name. */
  names?: Record<string, string>;
}) {
  const parentName = (id: string) => names[id] ?? "an entry no longer listed";
  const name = (entry: { id: string; name: string }) =>
    linkEntries ? <Link href={`/subprocessors/${entry.id}`}>{entry.name}</Link> : entry.name;
  const { added, removed, changed } = changelog;
  if (added.length + removed.length + changed.length === 0) {
    return <p className="muted">{emptyText}</p>;
  }
  return (
    <div className="changelog">
      {added.length > 0 ? (
        <section aria-label="Added">
          <h3 className="changelog-heading changelog-added">Added</h3>
          <ul className="changelog-names">
            {added.map((entry) => (
              <li key={entry.id}>{name(entry)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {removed.length > 0 ? (
        <section aria-label="Removed">
          <h3 className="changelog-heading changelog-removed">Removed</h3>
          <ul className="changelog-names">
            {removed.map((entry) => (
              <li key={entry.id}>{name(entry)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {changed.length > 0 ? (
        <section aria-label="Changed">
          <h3 className="changelog-heading changelog-changed">Changed</h3>
          <ul className="changelog-entries">
            {changed.map((entry) => (
              <li key={entry.id}>
                <strong>{name(entry)}</strong>
                <ul className="diff-list">
                  {entry.changes.map((change) => (
                    <li key={change.field}>
                      <span className="diff-field">{FIELD_LABELS[change.field]}</span>
                      <span className="diff-before">
                        <FieldValue
                          field={change.field}
                          value={change.before}
                          parentName={parentName}
                        />
                      </span>
                      <span aria-hidden="true">→</span>
                      <span className="visually-hidden">changed to</span>
                      <span className="diff-after">
                        <FieldValue
                          field={change.field}
                          value={change.after}
                          parentName={parentName}
                        />
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
