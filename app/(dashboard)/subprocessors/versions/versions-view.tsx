"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { ExportLinks } from "@/components/subprocessors/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import { formatDateTime, RelativeTime } from "@/components/ui/time";
import { canEditRegister } from "@/lib/subprocessors/access";
import type { Changelog } from "@/lib/subprocessors/changelog";
import type { VersionSummary } from "@/lib/subprocessors/versions";
import { ComparePicker } from "./compare-picker";
import { PublishPanel } from "./publish-panel";

type VersionsAnswer = { versions: VersionSummary[]; pending: Changelog };

const BACK = <Link href="/subprocessors">← Sub-processors</Link>;

export function VersionsView() {
  const { role } = useViewer();
  const result = useQuery({
    queryKey: ["subprocessor-versions"],
    queryFn: () => apiFetch<VersionsAnswer>("/api/subprocessors/versions"),
  });
  const header = (
    <PageHeader
      eyebrow={BACK}
      title="Versions"
      description={
        <>
          Each published version is frozen, numbered and shown publicly at{" "}
          <a href="/trust/subprocessors" target="_blank" rel="noreferrer">
            /trust/subprocessors
          </a>
          .
        </>
      }
    />
  );
  if (result.isPending) {
    return (
      <>
        {header}
        <div className="card">
          <SkeletonLines count={5} />
        </div>
      </>
    );
  }
  if (result.isError) {
    return (
      <>
        {header}
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      </>
    );
  }

  const { versions, pending } = result.data;
  const latest = versions[0];
  return (
    <>
      {header}
      {canEditRegister(role) ? (
        <PublishPanel pending={pending} nextNumber={(latest?.number ?? 0) + 1} />
      ) : null}
      <section className="section">
        <h2 className="section-title">Published versions</h2>
        {versions.length === 0 ? (
          <EmptyState title="Nothing published yet">
            The public page stays empty until the first version is published.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table" aria-label="Published versions">
              <thead>
                <tr>
                  <th>Version</th>
                  <th>Published</th>
                  <th>By</th>
                  <th>Entries</th>
                  <th>Changes</th>
                  {canEditRegister(role) ? <th>Export</th> : null}
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.number}>
                    <td>
                      <Link href={`/subprocessors/versions/${version.number}`}>
                        Version {version.number}
                      </Link>
                      {version === latest ? (
                        <span className="badge badge-success">Public</span>
                      ) : null}
                    </td>
                    <td title={formatDateTime(version.publishedAt)}>
                      <RelativeTime iso={version.publishedAt} />
                    </td>
                    <td>{version.publishedBy}</td>
                    <td>{version.entryCount}</td>
                    <td className="small">
                      +{version.counts.added} added · −{version.counts.removed} removed ·{" "}
                      {version.counts.changed} changed
                    </td>
                    {canEditRegister(role) ? (
                      <td>
                        <ExportLinks version={version.number} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {versions.length > 0 ? <ComparePicker versions={versions} /> : null}
    </>
  );
}
