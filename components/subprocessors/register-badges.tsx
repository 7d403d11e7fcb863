import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS, type EntryStatus } from "@/lib/subprocessors/catalog";
import type { CheckFinding } from "@/lib/subprocessors/checks";

const STATUS_TONES = { proposed: "info", active: "success", retired: "neutral" } as const;

export function StatusBadge({ status }: { status: EntryStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** "Passes", or how many checks fail and warn, for list rows. */
export function FindingsBadge({ findings }: { findings: readonly CheckFinding[] }) {
  const failing = findings.filter((finding) => finding.severity === "fail").length;
  const warnings = findings.length - failing;
  if (findings.length === 0) return <Badge tone="success">Passes</Badge>;
  return (
    <span className="badge-row">
      {failing > 0 ? <Badge tone="danger">{`${failing} failing`}</Badge> : null}
      {warnings > 0 ? <Badge tone="warning">{`${warnings} expiring`}</Badge> : null}
    </span>
  );
}

export function FindingList({ findings }: { findings: readonly CheckFinding[] }) {
  if (findings.length === 0) {
    return <p className="check-pass">Passes every compliance check.</p>;
  }
  return (
    <ul className="finding-list">
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${index}`} className={`finding finding-${finding.severity}`}>
          <span className="finding-mark" aria-hidden="true">
            {finding.severity === "fail" ? "✕" : "!"}
          </span>
          <span>
            <span className="visually-hidden">
              {finding.severity === "fail" ? "Fails: " : "Warning: "}
            </span>
            {finding.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
