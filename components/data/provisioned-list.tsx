"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { apiFetch } from "@/components/data/api-client";
import { DataTable, type Column } from "@/components/data/data-table";
import { SearchBox } from "@/components/data/search-box";
import { useChangeStamp } from "@/components/data/use-change-stamp";
import { apiQuery, useUrlState } from "@/components/data/use-url-state";
import { PageHeader } from "@/components/ui/page-header";
import { lastPageOf, Pagination, PastLastPage } from "@/components/ui/pagination";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { Page } from "@/lib/dashboard/page-input";

type Directory = { id: string; name: string };
type Message = { title: string; text: string };

type Props<T extends { id: string }> = {
  /** Names the API route, the detail pages, the change stamp and the pagination noun. */
  resource: "users" | "groups";
  title: string;
  description: string;
  search: { label: string; placeholder: string };
  columns: Column<T>[];
  sortDefault: string;
  directories: Directory[];
  /** Toolbar controls beyond search and directory, and the URL keys they write. */
  extraFilters?: { keys: readonly string[]; controls: ReactNode };
  empty: { filtered: Message; none: Message };
};

const PAGE_KEYS = ["sort", "order", "page", "pageSize"] as const;

function DirectoryFilter({ directories }: { directories: Directory[] }) {
  const { get, set } = useUrlState();
  return (
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
  );
}

/** The users and groups lists: search, filters, sorting and paging, all kept in the URL. */
export function ProvisionedList<T extends { id: string }>(props: Props<T>) {
  const { resource } = props;
  const { params, get, set } = useUrlState();
  const stamp = useChangeStamp();
  const filterKeys = ["q", "directory", ...(props.extraFilters?.keys ?? [])];
  const query = apiQuery(params, [...filterKeys, ...PAGE_KEYS]);
  const result = useQuery({
    queryKey: [resource, query, stamp?.[resource]],
    queryFn: () => apiFetch<Page<T>>(`/api/${resource}?${query}`),
    placeholderData: keepPreviousData,
  });
  const sorting = useMemo(
    () => [{ id: get("sort") ?? props.sortDefault, desc: get("order") === "desc" }],
    [get, props.sortDefault],
  );
  const empty = filterKeys.some((key) => get(key)) ? props.empty.filtered : props.empty.none;
  const data = result.data;
  const lastPage = data ? lastPageOf(data.total, data.pageSize) : 1;
  const isPastEnd = data !== undefined && data.total > 0 && data.page > lastPage;

  return (
    <>
      <PageHeader title={props.title} description={props.description} />
      <div className="toolbar" role="search">
        <SearchBox
          label={props.search.label}
          placeholder={props.search.placeholder}
          value={get("q") ?? ""}
          onChange={(q) => set({ q, page: undefined })}
        />
        <DirectoryFilter directories={props.directories} />
        {props.extraFilters?.controls}
      </div>
      {result.isError && !result.data ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <>
          <DataTable
            label={props.title}
            columns={props.columns}
            rows={result.data?.items ?? []}
            rowId={(row) => row.id}
            rowHref={(row) => `/${resource}/${row.id}`}
            sorting={sorting}
            onSortingChange={(next) => {
              const first = next[0];
              set({ sort: first?.id, order: first?.desc ? "desc" : "asc", page: undefined });
            }}
            isLoading={result.isPending}
            isRefreshing={result.isPlaceholderData}
            empty={
              isPastEnd ? (
                <PastLastPage
                  page={data.page}
                  lastPage={lastPage}
                  noun={resource}
                  onLastPage={() => set({ page: String(lastPage) })}
                />
              ) : (
                <EmptyState title={empty.title}>{empty.text}</EmptyState>
              )
            }
          />
          {result.data ? (
            <Pagination
              page={result.data.page}
              pageSize={result.data.pageSize}
              total={result.data.total}
              onPage={(page) => set({ page: String(page) })}
              noun={resource}
            />
          ) : null}
        </>
      )}
    </>
  );
}
