"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiFetch } from "@/components/data/api-client";
import { DataTable, type Column } from "@/components/data/data-table";
import { SearchBox } from "@/components/data/search-box";
import { useChangeStamp } from "@/components/data/use-change-stamp";
import { apiQuery, useUrlState } from "@/components/data/use-url-state";
import { ActiveBadge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { RelativeTime } from "@/components/ui/time";
import type { UserListItem } from "@/lib/dashboard/list-users";
import type { Page } from "@/lib/dashboard/page-input";

const KEYS = ["q", "directory", "active", "sort", "order", "page", "pageSize"] as const;

const columns: Column<UserListItem>[] = [
  { id: "userName", header: "userName", accessorKey: "userName" },
  {
    id: "displayName",
    header: "Display name",
    accessorKey: "displayName",
    cell: ({ row }) => row.original.displayName ?? <span className="muted">—</span>,
  },
  {
    id: "email",
    header: "Email",
    enableSorting: false,
    cell: ({ row }) => row.original.email ?? <span className="muted">—</span>,
  },
  { id: "directory", header: "Directory", enableSorting: false, accessorKey: "directoryName" },
  {
    id: "active",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) => <ActiveBadge active={row.original.active} />,
  },
  {
    id: "lastModified",
    header: "Last modified",
    sortDescFirst: true,
    cell: ({ row }) => <RelativeTime iso={row.original.lastModified} />,
  },
];

type Directory = { id: string; name: string };

export function UsersView({ directories }: { directories: Directory[] }) {
  const { params, get, set } = useUrlState();
  const stamp = useChangeStamp();
  const query = apiQuery(params, KEYS);
  const result = useQuery({
    queryKey: ["users", query, stamp?.users],
    queryFn: () => apiFetch<Page<UserListItem>>(`/api/users?${query}`),
    placeholderData: keepPreviousData,
  });
  const sorting = useMemo(
    () => [{ id: get("sort") ?? "userName", desc: get("order") === "desc" }],
    [get],
  );
  const isFiltered = Boolean(get("q") || get("directory") || get("active"));

  return (
    <>
      <PageHeader
        title="Users"
        description="Every user your identity providers have provisioned, across all directories."
      />
      <div className="toolbar" role="search">
        <SearchBox
          label="Search users"
          placeholder="Search userName, name or email"
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
        <label className="select-field">
          <span>Status</span>
          <select
            value={get("active") ?? ""}
            onChange={(event) => set({ active: event.target.value, page: undefined })}
          >
            <option value="">Any status</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </select>
        </label>
      </div>
      {result.isError && !result.data ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <>
          <DataTable
            label="Users"
            columns={columns}
            rows={result.data?.items ?? []}
            rowId={(row) => row.id}
            rowHref={(row) => `/users/${row.id}`}
            sorting={sorting}
            onSortingChange={(next) => {
              const first = next[0];
              set({ sort: first?.id, order: first?.desc ? "desc" : "asc", page: undefined });
            }}
            isLoading={result.isPending}
            isRefreshing={result.isPlaceholderData}
            empty={
              isFiltered ? (
                <EmptyState title="No users match">
                  Try a shorter search or other filters.
                </EmptyState>
              ) : (
                <EmptyState title="No users yet">
                  Users appear here as soon as an identity provider provisions them.
                </EmptyState>
              )
            }
          />
          {result.data ? (
            <Pagination
              page={result.data.page}
              pageSize={result.data.pageSize}
              total={result.data.total}
              onPage={(page) => set({ page: String(page) })}
              noun="users"
            />
          ) : null}
        </>
      )}
    </>
  );
}
