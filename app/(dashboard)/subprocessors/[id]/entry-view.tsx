"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { apiFetch, postJson } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { EntryForm } from "@/components/subprocessors/entry-form";
import { formFromEntry } from "@/components/subprocessors/entry-form-state";
import { FindingList, StatusBadge } from "@/components/subprocessors/register-badges";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, SkeletonLines } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { canEditRegister } from "@/lib/subprocessors/access";
import { ROLE_LABELS } from "@/lib/subprocessors/catalog";
import type { EntryDetail } from "@/lib/subprocessors/get-entry";
import type { EntryList } from "@/lib/subprocessors/list-entries";
import { EntryFacts } from "./entry-facts";
import { EntryHistory } from "./entry-history";

const BACK = <Link href="/subprocessors">← Sub-processors</Link>;

export function EntryView({ id }: { id: string }) {
  const { role } = useViewer();
  const isEditor = canEditRegister(role);
  const queryClient = useQueryClient();
  const isJustCreated = useSearchParams().get("created") === "1";
  const [savedAt, setSavedAt] = useState<string | undefined>();
  const detail = useQuery({
    queryKey: ["subprocessor", id],
    queryFn: () => apiFetch<EntryDetail>(`/api/subprocessors/${encodeURIComponent(id)}`),
  });
  const all = useQuery({
    queryKey: ["subprocessors", ""],
    queryFn: () => apiFetch<EntryList>("/api/subprocessors"),
    enabled: isEditor,
  });

  if (detail.isPending) {
    return (
      <>
        <PageHeader title="Sub-processor" eyebrow={BACK} />
        <div className="card">
          <SkeletonLines count={8} />
        </div>
      </>
    );
  }
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Sub-processor" eyebrow={BACK} />
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
      </>
    );
  }

  const { entry, findings, history, parent, children, names } = detail.data;
  const owner = `${entry.legalEntity} · ${ROLE_LABELS[entry.role]}`;
  const parents = (all.data?.items ?? [])
    .filter((item) => item.id !== entry.id)
    .map((item) => ({ id: item.id, name: item.name }));
  const save = async (input: Record<string, unknown>) => {
    const next = await postJson<EntryDetail>(
      `/api/subprocessors/${encodeURIComponent(id)}`,
      { ...input, revision: entry.revision },
      "PUT",
    );
    queryClient.setQueryData(["subprocessor", id], next);
    await queryClient.invalidateQueries({ queryKey: ["subprocessors"] });
    setSavedAt(next.entry.updatedAt);
  };

  return (
    <>
      <PageHeader
        eyebrow={BACK}
        title={entry.name}
        description={
          <>
            {owner} &middot; <StatusBadge status={entry.status} /> &middot; updated{" "}
            <RelativeTime iso={entry.updatedAt} />
          </>
        }
      />
      {isJustCreated && history.length === 1 ? (
        <p className="notice notice-success" role="status">
          Sub-processor created. It reaches the public list with the next published version.
        </p>
      ) : null}
      {savedAt ? (
        <p className="notice notice-success" role="status">
          Changes saved. Publish a new version to update the public list.
        </p>
      ) : null}
      <div className="detail-grid">
        <div className="detail-main">
          {isEditor ? (
            <EntryForm
              key={entry.revision}
              initial={formFromEntry(entry)}
              parents={parents}
              submitLabel="Save changes"
              onSubmit={save}
            />
          ) : (
            <EntryFacts entry={entry} parent={parent} />
          )}
        </div>
        <div className="detail-side">
          <section className="card" aria-labelledby="checks-title">
            <h2 className="card-title" id="checks-title">
              Compliance checks
            </h2>
            {entry.status === "retired" ? (
              <p className="muted">Retired entries are not checked.</p>
            ) : (
              <FindingList findings={findings} />
            )}
            <p className="muted small check-settings-link">
              Rules: <Link href="/settings/compliance">compliance settings</Link>
            </p>
          </section>
          {children.length > 0 || parent ? (
            <section className="card">
              <h2 className="card-title">Related entries</h2>
              {parent ? (
                <p>
                  Sub-processor of <Link href={`/subprocessors/${parent.id}`}>{parent.name}</Link>
                </p>
              ) : null}
              {children.length > 0 ? (
                <>
                  <p className="muted small">Its own sub-processors:</p>
                  <ul className="link-list">
                    {children.map((child) => (
                      <li key={child.id}>
                        <Link href={`/subprocessors/${child.id}`}>{child.name}</Link>{" "}
                        <StatusBadge status={child.status} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}
          <EntryHistory history={history} names={names} />
        </div>
      </div>
    </>
  );
}
