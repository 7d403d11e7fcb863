"use client";

import {
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";

export const tableFeatureSet = tableFeatures({ rowSortingFeature });
export type Column<T extends RowData> = ColumnDef<typeof tableFeatureSet, T>;

type Props<T extends RowData> = {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowId: (row: T) => string;
  /** Sorting is done by the server; the table only shows and changes what the URL says. */
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  rowHref?: (row: T) => string;
  isLoading: boolean;
  isRefreshing?: boolean;
  empty: ReactNode;
};

const SKELETON_ROWS = 8;

function SortMark({ direction }: { direction: false | "asc" | "desc" }) {
  if (!direction) return <span className="sort-mark sort-none" aria-hidden="true" />;
  return (
    <span className="sort-mark" aria-hidden="true">
      {direction === "asc" ? "▲" : "▼"}
    </span>
  );
}

export function DataTable<T extends RowData>(props: Props<T>) {
  const table = useTable({
    features: tableFeatureSet,
    columns: props.columns,
    data: props.rows,
    getRowId: props.rowId,
    // TanStack offers a column for sorting only when it has an accessor, so sortable columns
    // name their key even where a cell renders something else.
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: props.sorting },
    onSortingChange: (updater) =>
      props.onSortingChange(typeof updater === "function" ? updater(props.sorting) : updater),
  });
  const columnCount = props.columns.length;

  return (
    <div className="table-wrap" data-refreshing={props.isRefreshing ? "true" : undefined}>
      <table className="data-table" aria-label={props.label} aria-busy={props.isLoading}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
                const ariaSort =
                  direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none";
                return (
                  <th key={header.id} aria-sort={header.column.getCanSort() ? ariaSort : undefined}>
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="th-sort"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        <table.FlexRender header={header} />
                        <SortMark direction={direction} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {props.isLoading
            ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
                <tr key={index} className="skeleton-row">
                  {Array.from({ length: columnCount }, (_, cell) => (
                    <td key={cell}>
                      <span className="skeleton" />
                    </td>
                  ))}
                </tr>
              ))
            : table.getRowModel().rows.map((row) => {
                const href = props.rowHref?.(row.original);
                return (
                  <tr key={row.id} className={href ? "row-link" : undefined}>
                    {row.getAllCells().map((cell, index) => (
                      <td key={cell.id}>
                        {href && index === 0 ? (
                          <Link href={href} className="cell-link">
                            <table.FlexRender cell={cell} />
                          </Link>
                        ) : (
                          <table.FlexRender cell={cell} />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
        </tbody>
      </table>
      {!props.isLoading && props.rows.length === 0 ? props.empty : null}
    </div>
  );
}
