"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/components/data/api-client";
import { apiQuery, useUrlState } from "@/components/data/use-url-state";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/time";
import type { LogListItem, LogPage } from "@/lib/sync-log/list-log";
import { LOG_FILTER_KEYS, LOG_SCAN_ROWS } from "@/lib/sync-log/log-query";
import { LogFilters } from "./log-filters";
import { LogTable } from "./log-table";
import styles from "./logs.module.css";

export const LIVE_POLL_MS = 2_000;
/** The entry page links back to the view it was opened from. */
export const LAST_VIEW_KEY = "roster.logs.view";

const CURSOR_KEYS = ["before", "after"] as const;
const PAGE_KEYS = [...LOG_FILTER_KEYS, ...CURSOR_KEYS, "limit"] as const;
const NO_CURSOR = { before: undefined, after: undefined };

type Directory = { id: string; name: string };

/** Ids that arrived since the previous poll of the same view, to mark them in the table. */
function useArrivals(items: LogListItem[] | undefined, view: string): ReadonlySet<string> {
  const seen = useRef<{ view: string; ids: Set<string> } | undefined>(undefined);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!items) return;
    const previous = seen.current;
    const isSameView = previous?.view === view;
    setFresh(
      new Set(
        isSameView ? items.filter((item) => !previous.ids.has(item.id)).map((i) => i.id) : [],
      ),
    );
    seen.current = { view, ids: new Set(items.map((item) => item.id)) };
  }, [items, view]);
  return fresh;
}

/** How far a filter without an index read before it answered: "searched back to 4 Dec, 18:02". */
function searchedNote(page: LogPage, isForward: boolean): string {
  if (!page.searchedTo) return "";
  return `searched ${isForward ? "up" : "back"} to ${formatDateTime(page.searchedTo)}`;
}

/** A shared link whose filters the API refused: say which, and offer a way out. */
function InvalidView({ error, onClear }: { error: ApiError; onClear: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">This view’s filters can’t be read</p>
      <ul className={`state-body ${styles.issues}`}>
        {error.issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>{issue.path || "query"}</code>: {issue.message}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

function LiveToggle(props: { isLive: boolean; isHead: boolean; onToggle: () => void }) {
  const isOn = props.isLive && props.isHead;
  return (
    <button
      type="button"
      className={`button ${styles.live}`}
      aria-pressed={isOn}
      onClick={props.onToggle}
      disabled={!props.isHead}
      title={props.isHead ? undefined : "Live updates run on the newest page"}
    >
      <span className={styles.liveDot} aria-hidden="true" />
      {isOn ? "Live" : "Paused"}
    </button>
  );
}

function Pager(props: {
  page: LogPage | undefined;
  hasCursor: boolean;
  isForward: boolean;
  onPage: (patch: Record<string, string | undefined>) => void;
}) {
  const { page, hasCursor, isForward, onPage } = props;
  const count = page?.items.length ?? 0;
  return (
    <nav className={styles.pager} aria-label="Pagination">
      <span className="muted">
        {!page
          ? "Loading…"
          : count === 0
            ? "No entries"
            : `${count} ${count === 1 ? "entry" : "entries"}, newest first`}
        {page?.isSearchCut ? ` · ${searchedNote(page, isForward)}` : ""}
      </span>
      <div className={styles.pagerButtons}>
        <button
          type="button"
          className="button button-small"
          disabled={!hasCursor}
          onClick={() => onPage(NO_CURSOR)}
        >
          Newest
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!hasCursor}
          onClick={() => onPage(page?.newer ? { before: undefined, after: page.newer } : NO_CURSOR)}
        >
          ← Newer
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!page?.older}
          onClick={() => onPage({ after: undefined, before: page?.older ?? undefined })}
        >
          Older →
        </button>
      </div>
    </nav>
  );
}

export function LogsView({ directories }: { directories: Directory[] }) {
  const { params, get, set } = useUrlState();
  const [isLive, setLive] = useState(true);
  const isHead = !get("before") && !get("after");
  const isForward = Boolean(get("after")) && !get("before");
  const query = apiQuery(params, PAGE_KEYS);
  const filters = apiQuery(params, LOG_FILTER_KEYS);
  const result = useQuery({
    queryKey: ["logs", query],
    queryFn: () => apiFetch<LogPage>(`/api/logs?${query}`),
    placeholderData: keepPreviousData,
    refetchInterval: isLive && isHead ? LIVE_POLL_MS : false,
  });
  const fresh = useArrivals(result.isPlaceholderData ? undefined : result.data?.items, query);
  const isFiltered = LOG_FILTER_KEYS.some((key) => get(key));

  useEffect(() => {
    sessionStorage.setItem(LAST_VIEW_KEY, query);
  }, [query]);

  const clearAll = () =>
    set(Object.fromEntries([...PAGE_KEYS].map((key) => [key, undefined] as const)));

  const exportHref = (format: string) => {
    const query = new URLSearchParams([["format", format], ...new URLSearchParams(filters)]);
    return `/api/logs/export?${query}`;
  };

  return (
    <>
      <PageHeader
        title="Sync log"
        description={
          "Every request your identity providers sent to /scim/v2, what Roster answered, " +
          "and what changed."
        }
        actions={
          <div className={styles.headerActions}>
            <LiveToggle isLive={isLive} isHead={isHead} onToggle={() => setLive(!isLive)} />
            <a className="button" href={exportHref("csv")} download>
              Export CSV
            </a>
            <a className="button" href={exportHref("ndjson")} download>
              Export NDJSON
            </a>
          </div>
        }
      />
      <LogFilters
        directories={directories}
        get={get}
        onChange={(patch) => set({ ...patch, ...NO_CURSOR })}
      />
      {result.error instanceof ApiError && result.error.status === 400 ? (
        <InvalidView error={result.error} onClear={clearAll} />
      ) : result.isError && !result.data ? (
        <ErrorState error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <>
          <LogTable
            rows={result.data?.items ?? []}
            fresh={fresh}
            isLoading={result.isPending}
            isRefreshing={result.isPlaceholderData}
            empty={
              result.data?.isSearchCut ? (
                <EmptyState title="No matches in this stretch of the log">
                  {`Text, method and resource type filters read ${LOG_SCAN_ROWS.toLocaleString("en")} `}
                  {`entries at a time; this page ${searchedNote(result.data, isForward)}. `}
                  {`${isForward ? "← Newer" : "Older →"} searches on.`}
                </EmptyState>
              ) : !isHead ? (
                <EmptyState title="No entries this way">
                  <button type="button" className="button" onClick={() => set(NO_CURSOR)}>
                    Go to the newest entries
                  </button>
                </EmptyState>
              ) : isFiltered ? (
                <EmptyState title="No entries match">
                  Try a wider time range, another status or fewer filters.
                </EmptyState>
              ) : (
                <EmptyState title="No requests yet">
                  Entries appear here as soon as an identity provider calls the SCIM endpoint.
                </EmptyState>
              )
            }
          />
          <Pager page={result.data} hasCursor={!isHead} isForward={isForward} onPage={set} />
        </>
      )}
    </>
  );
}
