"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/data/api-client";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, SkeletonLines } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/time";
import { describeAuditDetail } from "@/lib/audit/describe-audit";
import type { listAudit } from "@/lib/audit/list-audit";

type AuditPage = ReturnType<typeof listAudit>;

const DESCRIPTION =
  "Sign-ins, failed ones too, and every change to accounts, directories, tokens, the " +
  "sub-processor register and its compliance settings: who made it and when.";

export function AuditView() {
  const result = useInfiniteQuery({
    queryKey: ["audit"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      apiFetch<AuditPage>(
        `/api/audit${pageParam ? `?before=${encodeURIComponent(pageParam)}` : ""}`,
      ),
    getNextPageParam: (last) => last.nextBefore,
  });
  const items = result.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title="Audit trail" description={DESCRIPTION} />
      {result.isPending ? (
        <div className="card">
          <SkeletonLines count={5} />
        </div>
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Audit trail">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>Detail</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td className="cell-time">{formatDateTime(entry.createdAt)}</td>
                  <td>{entry.actorLabel}</td>
                  <td>
                    <Badge tone="info">{entry.action}</Badge>
                  </td>
                  <td>{entry.targetLabel ?? entry.targetId}</td>
                  <td className="muted">{describeAuditDetail(entry.action, entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.hasNextPage ? (
            <button
              type="button"
              className="button load-more"
              onClick={() => result.fetchNextPage()}
              disabled={result.isFetchingNextPage}
            >
              {result.isFetchingNextPage ? "Loading…" : "Show older entries"}
            </button>
          ) : null}
        </div>
      )}
    </>
  );
}
