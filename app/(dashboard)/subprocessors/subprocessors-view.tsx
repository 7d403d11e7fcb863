"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { apiFetch } from "@/components/data/api-client";
import { DataTable, type Column } from "@/components/data/data-table";
import { SearchBox } from "@/components/data/search-box";
import { useViewer } from "@/components/data/session-context";
import { apiQuery, useUrlState } from "@/components/data/use-url-state";
import { ExportLinks } from "@/components/subprocessors/export-links";
import { FindingsBadge, StatusBadge } from "@/components/subprocessors/register-badges";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import { canEditRegister } from "@/lib/subprocessors/access";
import { REGION_LABELS, ROLE_LABELS } from "@/lib/subprocessors/catalog";
import { certificationLabel } from "@/lib/subprocessors/format";
import type { EntryList, EntryListItem } from "@/lib/subprocessors/list-entries";
import { CheckSummary } from "./check-summary";
import { DataAccessTable } from "./data-access-table";
import { RegisterFilters } from "./register-filters";

const KEYS = ["q", "status", "region", "certification", "role", "attention", "sort", "order"];

const columns: Column<EntryListItem>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Sub-processor",
    cell: ({ row }) => (
      <span className="cell-stack">
        <span>{row.original.name}</span>
        <span className="muted small">
          {row.original.legalEntity}
          {row.original.parentName ? ` · under ${row.original.parentName}` : ""}
        </span>
      </span>
    ),
  },
  {
    id: "role",
    accessorKey: "role",
    header: "Role",
    cell: ({ row }) => ROLE_LABELS[row.original.role],
  },
  {
    id: "regions",
    header: "Stored in",
    enableSorting: false,
    cell: ({ row }) => row.original.storageRegions.map((code) => REGION_LABELS[code]).join(", "),
  },
  {
    id: "certifications",
    header: "Certifications",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.certifications.length > 0 ? (
        row.original.certifications.map(certificationLabel).join(", ")
      ) : (
        <span className="muted">None</span>
      ),
  },
  {
    id: "status",
    accessorKey: "status",
    header: "Status",
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  },
  {
    id: "findings",
    accessorKey: "findings",
    header: "Checks",
    sortDescFirst: true,
    cell: ({ row }) =>
      row.original.status === "retired" ? (
        <span className="muted">Not checked</span>
      ) : (
        <FindingsBadge findings={row.original.findings} />
      ),
  },
  {
    id: "updatedAt",
    accessorKey: "updatedAt",
    header: "Updated",
    sortDescFirst: true,
    cell: ({ row }) => <RelativeTime iso={row.original.updatedAt} />,
  },
];

export function SubprocessorsView() {
  const { role } = useViewer();
  const isEditor = canEditRegister(role);
  const { params, get, set } = useUrlState();
  const query = apiQuery(params, KEYS);
  const result = useQuery({
    queryKey: ["subprocessors", query],
    queryFn: () => apiFetch<EntryList>(`/api/subprocessors?${query}`),
    placeholderData: keepPreviousData,
  });
  const sorting = useMemo(
    () => [{ id: get("sort") ?? "name", desc: get("order") === "desc" }],
    [get],
  );
  const isFiltered = KEYS.slice(0, 6).some((key) => Boolean(get(key)));

  return (
    <>
      <PageHeader
        title="Sub-processors"
        description={
          "Third parties that receive SCIM data, checked against your compliance rules." +
          (isEditor ? " Publish to update the public list." : "")
        }
        actions={
          <>
            <Link href="/subprocessors/versions" className="button">
              {isEditor ? "Versions and publishing" : "Published versions"}
            </Link>
            {isEditor ? (
              <Link href="/subprocessors/new" className="button button-primary">
                New sub-processor
              </Link>
            ) : null}
          </>
        }
      />
      {result.data ? (
        <CheckSummary
          summary={result.data.summary}
          isFilteringAttention={get("attention") === "true"}
          onShowAttention={() => set({ attention: "true" })}
        />
      ) : null}
      <div className="toolbar" role="search">
        <SearchBox
          label="Search sub-processors"
          placeholder="Search name, entity, purpose, owner"
          value={get("q") ?? ""}
          onChange={(q) => set({ q })}
        />
        <RegisterFilters get={get} set={set} />
      </div>
      {result.isError && !result.data ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <DataTable
          label="Sub-processors"
          columns={columns}
          rows={result.data?.items ?? []}
          rowId={(row) => row.id}
          rowHref={(row) => `/subprocessors/${row.id}`}
          sorting={sorting}
          onSortingChange={(next) => {
            const first = next[0];
            set({ sort: first?.id, order: first?.desc ? "desc" : "asc" });
          }}
          isLoading={result.isPending}
          isRefreshing={result.isPlaceholderData}
          empty={
            isFiltered ? (
              <EmptyState title="No sub-processors match">
                Clear a filter or search for something shorter.
              </EmptyState>
            ) : (
              <EmptyState title="The register is empty">
                {isEditor ? (
                  <Link href="/subprocessors/new">Add the first sub-processor</Link>
                ) : (
                  "A compliance officer has not added any sub-processors yet."
                )}
              </EmptyState>
            )
          }
        />
      )}
      <div className="register-bottom">
        {result.data ? <DataAccessTable access={result.data.dataAccess} /> : null}
        {isEditor ? (
          <section className="card" aria-labelledby="export-title">
            <h2 className="card-title" id="export-title">
              Export
            </h2>
            <ExportLinks />
          </section>
        ) : null}
      </div>
    </>
  );
}
