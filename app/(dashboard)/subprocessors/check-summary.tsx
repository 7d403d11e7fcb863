import Link from "next/link";
import { CHECK_CODES, CHECK_LABELS } from "@/lib/subprocessors/checks";
import type { RegisterSummary } from "@/lib/subprocessors/list-entries";

/** How many entries fail each check, above the list; one click filters to those entries. */
export function CheckSummary({
  summary,
  isFilteringAttention,
  onShowAttention,
}: {
  summary: RegisterSummary;
  isFilteringAttention: boolean;
  onShowAttention: () => void;
}) {
  const needsAttention = summary.failing + summary.warnings;
  const failing = CHECK_CODES.filter((code) => summary.byCheck[code] > 0);
  return (
    <section className="card check-summary" aria-label="Compliance checks">
      <dl className="stats">
        <div>
          <dt>Sub-processors</dt>
          <dd>{summary.entries}</dd>
        </div>
        <div>
          <dt>Checked (not retired)</dt>
          <dd>{summary.checked}</dd>
        </div>
        <div>
          <dt>Failing a check</dt>
          <dd className={summary.failing > 0 ? "text-danger" : undefined}>{summary.failing}</dd>
        </div>
        <div>
          <dt>Expiring soon only</dt>
          <dd className={summary.warnings > 0 ? "text-warning" : undefined}>{summary.warnings}</dd>
        </div>
      </dl>
      {needsAttention > 0 ? (
        <div className="check-summary-row">
          <ul className="check-chips">
            {failing.map((code) => (
              <li
                key={code}
                className={code === "certification_expiring" ? "chip-warn" : "chip-fail"}
              >
                {CHECK_LABELS[code]}: {summary.byCheck[code]}
              </li>
            ))}
          </ul>
          {isFilteringAttention ? null : (
            <button type="button" className="button button-small" onClick={onShowAttention}>
              {needsAttention === 1
                ? "Show the one that needs attention"
                : `Show the ${needsAttention} that need attention`}
            </button>
          )}
        </div>
      ) : summary.checked > 0 ? (
        <p className="check-pass">Every sub-processor in use passes the compliance checks.</p>
      ) : null}
      <p className="muted small check-settings-link">
        Rules come from <Link href="/settings/compliance">compliance settings</Link>.
      </p>
    </section>
  );
}
