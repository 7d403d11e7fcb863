import { FieldValue } from "@/components/subprocessors/field-value";
import type { Entry } from "@/lib/subprocessors/types";
import { ENTRY_FIELDS, FIELD_LABELS } from "@/lib/subprocessors/types";

/** The read-only view of an entry, for roles that may not edit it. */
export function EntryFacts({ entry, parent }: { entry: Entry; parent: { name: string } | null }) {
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 className="card-title" id="facts-title">
        Details
      </h2>
      <p className="muted small">Your role can read the register but not change it.</p>
      <dl className="facts entry-facts">
        {ENTRY_FIELDS.map((field) => (
          <div key={field} className="facts-row">
            <dt>{FIELD_LABELS[field]}</dt>
            <dd>
              <FieldValue
                field={field}
                value={entry[field]}
                parentName={() => parent?.name ?? "—"}
              />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
