"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiFetch } from "@/components/data/api-client";
import { DataTable, type Column } from "@/components/data/data-table";
import { SearchBox } from "@/components/data/search-box";
import { useChangeStamp } from "@/components/data/use-change-stamp";
import { apiQuery, useUrlState } from "@/components/data/use-url-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { GroupListItem } from "@/lib/dashboard/list-groups";
import type { Page } from "@/lib/dashboard/page-input";

const KEYS = ["q", "directory", "sort", "order", "page", "pageSize"] as const;
const number = new Intl.NumberFormat("en");

const columns: Column<GroupListItem>[] = [
  { id: "displayName", header: "Display name", accessorKey: "displayName" },
  {
    id: "members",
    header: "Members",
    enableSorting: false,
    cell: ({ row }) => number.format(row.original.memberCount),
  },
  {
    id: "externalId",
    header: "externalId",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.externalId ? (
        <code>{row.original.externalId}</code>
      ) : (
        <span className="muted">—</span>
      ),
  },
  { id: "directory", header: "Directory", enableSorting: false, accessorKey: "directoryName" },
  {
    id: "lastModified",
    header: "Last modified",
    sortDescFirst: true,
    cell: ({ row }) => <RelativeTime iso={row.original.lastModified} />,
  },
];

export function GroupsView({ directories }: { directories: { id: string; name: string }[] }) {
  const { params, get, set } = useUrlState();
  const stamp = useChangeStamp();
  const query = apiQuery(params, KEYS);
  const result = useQuery({
    queryKey: ["groups", query, stamp?.groups],
    queryFn: () => apiFetch<Page<GroupListItem>>(`/api/groups?${query}`),
    placeholderData: keepPreviousData,
  });
  const sorting = useMemo(
    () => [{ id: get("sort") ?? "displayName", desc: get("order") === "desc" }],
    [get],
  );
  const isFiltered = Boolean(get("q") || get("directory"));

  return (
    <>
      <PageHeader title="Groups" description="Groups pushed by your identity providers." />
      <div className="toolbar" role="search">
        <SearchBox
          label="Search groups"
          placeholder="Search group names"
          value={get("q") ?? ""}
          onChange={(q) => set({ q, page: undefined })}
        />
        <label className="select-field">
          <span>Directory</span>
          <select
            value={get("directory") ?? ""}
            onChange={(event) => set({ directory: event.target.value, page: undefined })}
          >
            <option value="">All directories</option>
            {directories.map((directory) => (
              <option key={directory.id} value={directory.id}>
                {directory.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.isError && !result.data ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <>
          <DataTable
            label="Groups"
            columns={columns}
            rows={result.data?.items ?? []}
            rowId={(row) => row.id}
            rowHref={(row) => `/groups/${row.id}`}
            sorting={sorting}
            onSortingChange={(next) => {
              const first = next[0];
              set({ sort: first?.id, order: first?.desc ? "desc" : "asc", page: undefined });
            }}
            isLoading={result.isPending}
            isRefreshing={result.isPlaceholderData}
            empty={
              <EmptyState title={isFiltered ? "No groups match" : "No groups yet"}>
                {isFiltered
                  ? "Try another search or directory."
                  : "Groups appear here once an identity provider pushes them."}
              </EmptyState>
            }
          />
          {result.data ? (
            <Pagination
              page={result.data.page}
              pageSize={result.data.pageSize}
              total={result.data.total}
              onPage={(page) => set({ page: String(page) })}
              noun="groups"
            />
          ) : null}
        </>
      )}
    </>
  );
}
