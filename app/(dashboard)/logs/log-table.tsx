"use client";

import Link from "next/link";
import { DataTable, type Column } from "@/components/data/data-table";
import { resourceHref } from "@/components/sync/resource-link";
import type { LogListItem } from "@/lib/sync-log/list-log";
import { formatDuration, LogTime, MethodLabel, StatusBadge } from "./log-format";
import styles from "./logs.module.css";

/**
 * Long ids in a path shortened to their last characters; the Resource column names them. Ids
 * are time-ordered (UUIDv7), so those made in the same minute share their first characters.
 */
function shortPath(path: string): string {
  return path.replace(/\/([0-9a-f-]{20,})(?=\/|$)/gi, (_, id: string) => `/…${id.slice(-8)}`);
}

function columnsFor(fresh: ReadonlySet<string>): Column<LogListItem>[] {
  return [
    {
      id: "time",
      header: "Time",
      cell: ({ row }) => (
        <span className={styles.nowrap}>
          {fresh.has(row.original.id) ? (
            <span className={styles.fresh} role="img" aria-label="New" />
          ) : null}
          <LogTime iso={row.original.createdAt} />
        </span>
      ),
    },
    {
      id: "directory",
      header: "Directory",
      cell: ({ row }) => (
        <span className={styles.nowrap}>
          {row.original.directoryName ?? <span className="muted">Unknown token</span>}
        </span>
      ),
    },
    {
      id: "method",
      header: "Method",
      cell: ({ row }) => <MethodLabel method={row.original.method} />,
    },
    {
      id: "path",
      header: "Path",
      cell: ({ row }) => {
        const { path, query, quirks } = row.original;
        return (
          <>
            <span className={styles.path} title={path}>
              {shortPath(path)}
            </span>
            {quirks.length > 0 ? (
              <span className={styles.quirkMark} title={quirks.join(", ")}>
                {quirks.length} {quirks.length === 1 ? "quirk" : "quirks"}
              </span>
            ) : null}
            {query ? (
              <span className={styles.query} title={query}>
                ?{query}
              </span>
            ) : null}
          </>
        );
      },
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    },
    {
      id: "duration",
      header: "Duration",
      cell: ({ row }) => (
        <span className={styles.numeric}>{formatDuration(row.original.durationMs)}</span>
      ),
    },
    {
      id: "resource",
      header: "Resource",
      cell: ({ row }) => {
        const { resourceType, resourceId, resourceLabel, resourceCount } = row.original;
        const href = row.original.resourceExists
          ? resourceHref(resourceType, resourceId)
          : undefined;
        const label = resourceLabel ?? resourceId;
        if (!label) return <span className="muted">—</span>;
        const others = resourceCount - 1;
        return (
          <span className={styles.resource}>
            {href ? (
              <Link href={href} className={styles.resourceLabel} title={label}>
                {label}
              </Link>
            ) : (
              <span className={styles.resourceLabel} title={label}>
                {label}
              </span>
            )}
            {others > 0 ? (
              <span className={`muted ${styles.resourceMore}`}>
                {`and ${others.toLocaleString("en")} more`}
              </span>
            ) : null}
          </span>
        );
      },
    },
  ];
}

export function LogTable(props: {
  rows: LogListItem[];
  fresh: ReadonlySet<string>;
  isLoading: boolean;
  isRefreshing: boolean;
  empty: React.ReactNode;
}) {
  return (
    <DataTable
      label="Sync log"
      columns={columnsFor(props.fresh)}
      rows={props.rows}
      rowId={(row) => row.id}
      rowHref={(row) => `/logs/${row.id}`}
      sorting={[]}
      onSortingChange={() => undefined}
      isLoading={props.isLoading}
      isRefreshing={props.isRefreshing}
      empty={props.empty}
    />
  );
}
