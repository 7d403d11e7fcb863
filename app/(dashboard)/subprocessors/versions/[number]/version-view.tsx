"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { apiFetch } from "@/components/data/api-client";
import { useViewer } from "@/components/data/session-context";
import { ChangelogView } from "@/components/subprocessors/changelog-view";
import { ExportLinks } from "@/components/subprocessors/export-links";
import { StatusBadge } from "@/components/subprocessors/register-badges";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, SkeletonLines } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/time";
import { canEditRegister } from "@/lib/subprocessors/access";
import { REGION_LABELS, ROLE_LABELS } from "@/lib/subprocessors/catalog";
import { certificationLabel } from "@/lib/subprocessors/format";
import type { Version } from "@/lib/subprocessors/versions";

const BACK = <Link href="/subprocessors/versions">← Versions</Link>;

export function VersionView({ number }: { number: string }) {
  const { role } = useViewer();
  const result = useQuery({
    queryKey: ["subprocessor-version", number],
    queryFn: () =>
      apiFetch<{ version: Version }>(`/api/subprocessors/versions/${encodeURIComponent(number)}`),
  });
  if (result.isPending || result.isError) {
    return (
      <>
        <PageHeader eyebrow={BACK} title={`Version ${number}`} />
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

  const { version } = result.data;
  const names = Object.fromEntries(version.entries.map((entry) => [entry.id, entry.name]));
  const previous = version.changelog.previousVersion;
  return (
    <>
      <PageHeader
        eyebrow={BACK}
        title={`Version ${version.number}`}
        description={
          `Published ${formatDateTime(version.publishedAt)} by ${version.publishedBy}` +
          ` · ${version.entryCount} entries`
        }
        actions={
          previous !== null ? (
            <Link
              className="button"
              href={`/subprocessors/versions/compare?from=${previous}&to=${version.number}`}
            >
              Compare with version {previous}
            </Link>
          ) : null
        }
      />
      <div className="detail-grid">
        <div className="detail-main">
          <section className="card">
            <h2 className="card-title">
              {previous === null ? "First version" : `Changes since version ${previous}`}
            </h2>
            <ChangelogView changelog={version.changelog} names={names} linkEntries />
          </section>
          <section className="card">
            <h2 className="card-title">Entries</h2>
            <table
              className="data-table compact"
              aria-label={`Entries of version ${version.number}`}
            >
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Role</th>
                  <th>Stored in</th>
                  <th>Certifications</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {version.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.name}</td>
                    <td>{ROLE_LABELS[entry.role]}</td>
                    <td>{entry.storageRegions.map((code) => REGION_LABELS[code]).join(", ")}</td>
                    <td>{entry.certifications.map(certificationLabel).join(", ") || "—"}</td>
                    <td>
                      <StatusBadge status={entry.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <div className="detail-side">
          <section className="card">
            <h2 className="card-title">Integrity</h2>
            <p className="muted small">
              SHA-256 of this version’s content, stated in every export:
            </p>
            <code className="hash">{version.sha256}</code>
          </section>
          {canEditRegister(role) ? (
            <section className="card">
              <h2 className="card-title">Export</h2>
              <ExportLinks version={version.number} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
