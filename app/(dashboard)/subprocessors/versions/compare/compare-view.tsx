"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/data/api-client";
import { FieldValue } from "@/components/subprocessors/field-value";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, SkeletonLines } from "@/components/ui/states";
import type { Comparison } from "@/lib/subprocessors/compare-versions";
import { ENTRY_FIELDS, FIELD_LABELS, type Entry } from "@/lib/subprocessors/types";

const BACK = <Link href="/subprocessors/versions">← Versions</Link>;

type Pair = { id: string; name: string; from?: Entry; to?: Entry; changed: Set<string> };
type ParentNames = [(id: string) => string, (id: string) => string];

/** Parent ids as names, each side reading its own register first and then the other. */
function parentNamesOf(comparison: Comparison): ParentNames {
  const nameIn = (first: Entry[], second: Entry[]) => {
    const names = new Map([...second, ...first].map((entry) => [entry.id, entry.name]));
    return (id: string) => names.get(id) ?? "an entry no longer listed";
  };
  const { from, to } = comparison;
  return [nameIn(from.entries, to.entries), nameIn(to.entries, from.entries)];
}

function pairsOf(comparison: Comparison): Pair[] {
  const from = new Map(comparison.from.entries.map((entry) => [entry.id, entry]));
  const to = new Map(comparison.to.entries.map((entry) => [entry.id, entry]));
  const changed = new Map(
    comparison.changelog.changed.map((entry) => [
      entry.id,
      new Set<string>(entry.changes.map((change) => change.field)),
    ]),
  );
  const ids = [...new Set([...from.keys(), ...to.keys()])];
  return ids
    .map((id) => {
      const left = from.get(id);
      const right = to.get(id);
      return {
        id,
        name: right?.name ?? left?.name ?? id,
        from: left,
        to: right,
        changed: changed.get(id) ?? new Set<string>(),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function stateOf(pair: Pair): { label: string; tone: string } {
  if (!pair.from) return { label: "Added", tone: "success" };
  if (!pair.to) return { label: "Removed", tone: "danger" };
  return pair.changed.size > 0
    ? { label: "Changed", tone: "info" }
    : { label: "Unchanged", tone: "neutral" };
}

function PairTable({
  pair,
  isShowingAll,
  labels,
  parentNames,
}: {
  pair: Pair;
  isShowingAll: boolean;
  labels: [string, string];
  parentNames: ParentNames;
}) {
  const state = stateOf(pair);
  const fields = ENTRY_FIELDS.filter(
    (field) => isShowingAll || !pair.from || !pair.to || pair.changed.has(field),
  ).filter((field) => isShowingAll || pair.from?.[field] != null || pair.to?.[field] != null);
  return (
    <section className="card compare-card" aria-label={pair.name}>
      <div className="card-head">
        <h2 className="card-title">{pair.name}</h2>
        <span className={`badge badge-${state.tone}`}>{state.label}</span>
      </div>
      <table className="data-table compare-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field} className={pair.changed.has(field) ? "compare-changed" : undefined}>
              <th scope="row">{FIELD_LABELS[field]}</th>
              <td className={pair.from ? undefined : "compare-absent"}>
                {pair.from ? (
                  <FieldValue field={field} value={pair.from[field]} parentName={parentNames[0]} />
                ) : (
                  "Not listed"
                )}
              </td>
              <td className={pair.to ? undefined : "compare-absent"}>
                {pair.to ? (
                  <FieldValue field={field} value={pair.to[field]} parentName={parentNames[1]} />
                ) : (
                  "Not listed"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CompareView() {
  const params = useSearchParams();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "draft";
  const [isShowingAll, setShowingAll] = useState(false);
  const result = useQuery({
    queryKey: ["subprocessor-compare", from, to],
    queryFn: () =>
      apiFetch<Comparison>(
        `/api/subprocessors/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
  });
  if (result.isPending || result.isError) {
    return (
      <>
        <PageHeader eyebrow={BACK} title="Compare versions" />
        {result.isError ? (
          <ErrorState error={result.error} onRetry={() => result.refetch()} />
        ) : (
          <div className="card">
            <SkeletonLines count={6} />
          </div>
        )}
      </>
    );
  }

  const comparison = result.data;
  const pairs = pairsOf(comparison).filter(
    (pair) => isShowingAll || stateOf(pair).label !== "Unchanged",
  );
  const labels: [string, string] = [comparison.from.label, comparison.to.label];
  const parentNames = parentNamesOf(comparison);
  const { added, removed, changed } = comparison.changelog;
  return (
    <>
      <PageHeader
        eyebrow={BACK}
        title={`${labels[0]} → ${labels[1]}`}
        description={[
          `${added.length} added`,
          `${removed.length} removed`,
          `${changed.length} changed`,
        ].join(" · ")}
        actions={
          <label className="choice">
            <input
              type="checkbox"
              checked={isShowingAll}
              onChange={(event) => setShowingAll(event.target.checked)}
            />
            <span>Show unchanged entries and fields</span>
          </label>
        }
      />
      {pairs.length === 0 ? (
        <p className="notice">These two versions list the same entries with the same details.</p>
      ) : (
        <div className="stack">
          {pairs.map((pair) => (
            <PairTable
              key={pair.id}
              pair={pair}
              isShowingAll={isShowingAll}
              labels={labels}
              parentNames={parentNames}
            />
          ))}
        </div>
      )}
    </>
  );
}
