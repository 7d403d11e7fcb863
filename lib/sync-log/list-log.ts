import type { Db } from "@/db/client";
import { directoryNames } from "@/lib/dashboard/list-users";
import { timeOfTimeOrderedId } from "@/lib/time-ordered-ids";
import { logPageInput, toRequestFilters } from "./log-query";
import { pageRequestSummaries, type RequestSummary } from "./queries";
import { existingResources } from "./resource-refs";

/** `resourceExists`: the resource is still held, so the list may link to its page. */
export type LogListItem = Omit<RequestSummary, "quirks"> & {
  directoryName: string | null;
  quirks: string[];
  resourceExists: boolean;
};

/**
 * Cursors of the neighbouring pages; null where there is nothing further that way.
 * `isSearchCut`: a filter without an index (text, method, resource type) stopped reading before
 * it filled the page, and goes on from the cursor in its direction; `searchedTo` is the time of
 * the last entry it read.
 */
export type LogPage = {
  items: LogListItem[];
  older: string | null;
  newer: string | null;
  isSearchCut: boolean;
  searchedTo: string | null;
};

export function parseQuirks(text: string): string[] {
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? parsed.filter((code) => typeof code === "string") : [];
}

/** Rows with their directory's name; requests with an unknown token have no directory. */
export function withDirectoryNames<T extends { directoryId: string | null }>(db: Db, rows: T[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.directoryId ? [row.directoryId] : [])))];
  const names = directoryNames(db, ids);
  return rows.map((row) => ({
    ...row,
    directoryName: row.directoryId ? (names.get(row.directoryId) ?? null) : null,
  }));
}

/**
 * A page of the log, newest first. Paging is by keyset on the time-ordered id, so every page
 * costs the same however deep it is; no total is counted for the same reason.
 */
export function listLog(db: Db, input: unknown): LogPage {
  const query = logPageInput.parse(input);
  const { items, hasMore, resumeAt } = pageRequestSummaries(db, toRequestFilters(query), query);

  const first = items[0]?.id ?? null;
  const last = items.at(-1)?.id ?? null;
  const isForward = query.after !== undefined;
  const existing = existingResources(db, [
    ...new Set(items.flatMap((item) => (item.resourceId ? [item.resourceId] : []))),
  ]);
  const rows = withDirectoryNames(db, items).map((row) => ({
    ...row,
    quirks: parseQuirks(row.quirks),
    resourceExists:
      row.resourceId !== null && existing.get(row.resourceId)?.type === row.resourceType,
  }));
  const resumed = resumeAt ?? null;
  return {
    items: rows,
    older: isForward ? last : (resumed ?? (hasMore ? last : null)),
    newer: isForward ? (resumed ?? (hasMore ? first : null)) : query.before ? first : null,
    isSearchCut: resumeAt !== undefined,
    searchedTo: resumeAt ? new Date(timeOfTimeOrderedId(resumeAt)).toISOString() : null,
  };
}
