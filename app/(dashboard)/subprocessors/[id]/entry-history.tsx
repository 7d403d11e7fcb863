import { FieldValue } from "@/components/subprocessors/field-value";
import { formatDateTime, RelativeTime } from "@/components/ui/time";
import type { HistoryItem } from "@/lib/subprocessors/get-entry";
import { FIELD_LABELS } from "@/lib/subprocessors/types";

/** Every saved change, newest first: who, when, and each field before and after. */
export function EntryHistory({
  history,
  names,
}: {
  history: HistoryItem[];
  names: Record<string, string>;
}) {
  const parentName = (id: string) => names[id] ?? "a removed entry";
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 className="card-title" id="history-title">
        History
      </h2>
      <ol className="timeline">
        {history.map((item) => (
          <li key={item.id} className="timeline-item">
            <div className="timeline-head">
              <strong>{item.action === "subprocessor.created" ? "Created" : "Updated"}</strong>
              <span className="muted">by {item.actorLabel}</span>
              <span className="muted" title={formatDateTime(item.changedAt)}>
                <RelativeTime iso={item.changedAt} />
              </span>
            </div>
            <dl className="change-list">
              {item.changes.map((change) => (
                <div key={change.field} className="change">
                  <dt>{FIELD_LABELS[change.field]}</dt>
                  <dd>
                    {item.action === "subprocessor.updated" ? (
                      <>
                        <span className="diff-before">
                          <FieldValue
                            field={change.field}
                            value={change.before}
                            parentName={parentName}
                          />
                        </span>
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden">changed to</span>
                      </>
                    ) : null}
                    <span className="diff-after">
                      <FieldValue
                        field={change.field}
                        value={change.after}
                        parentName={parentName}
                      />
                    </span>
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
