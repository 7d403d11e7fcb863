import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { sortTerms } from "@/db/dialect";
import type { Db } from "@/db/client";
import { groups, users } from "@/db/schema";
import type { ListQuery } from "@/lib/scim/list-query";
import { parseFilterWithNotes } from "@/lib/scim/filter/parse-filter";
import { FilterSyntaxError } from "@/lib/scim/filter/parse-filter";
import { badRequest } from "@/lib/scim/errors";
import type { ResourceKind } from "@/lib/scim/schemas";
import { compileFilter, compileSortKey } from "./compile-filter";

export const FILTER_LENGTH_MAX = 4096;

const TABLES = { User: users, Group: groups } as const;

/** Parses and compiles `filter`, turning syntax errors into RFC 7644 `invalidFilter` errors. */
export function filterCondition(kind: ResourceKind, filter: string | undefined) {
  if (!filter) return { condition: undefined, notes: [] as string[] };
  if (filter.length > FILTER_LENGTH_MAX) {
    throw badRequest("invalidFilter", `Filters are limited to ${FILTER_LENGTH_MAX} characters`);
  }
  try {
    const { filter: ast, notes } = parseFilterWithNotes(filter);
    return { condition: compileFilter(kind, ast), notes: notes as string[] };
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw badRequest("invalidFilter", error.message);
    throw error;
  }
}

export type ListPage<Row> = { totalResults: number; rows: Row[]; notes: string[] };

/** One page of a directory's resources: filtered and sorted in SQL, in a stable order. */
export function listRows<K extends ResourceKind>(
  db: Db,
  kind: K,
  directoryId: string,
  query: ListQuery,
): ListPage<(typeof TABLES)[K]["$inferSelect"]> {
  const table = TABLES[kind];
  const { condition, notes } = filterCondition(kind, query.filter);
  const where = and(eq(table.directoryId, directoryId), condition);
  const countRows = () => db.select({ total: count() }).from(table).where(where).get()?.total ?? 0;
  if (query.count === 0) return { totalResults: countRows(), rows: [], notes };
  const isDescending = query.sortOrder === "descending";
  const order: SQL[] = [
    ...(query.sortBy ? sortTerms(compileSortKey(kind, query.sortBy), isDescending) : []),
    asc(table.createdAt),
    asc(table.id),
  ];
  const rows = db
    .select()
    .from(table)
    .where(where)
    .orderBy(...order)
    .limit(query.count)
    .offset(query.startIndex - 1)
    .all();
  // A page that is not full ends the result set, so its length gives the total without a
  // second query; this is every lookup an IdP makes by userName or externalId.
  const isLastPage = rows.length > 0 && rows.length < query.count;
  const isEmptyFirstPage = rows.length === 0 && query.startIndex === 1;
  const total = isLastPage || isEmptyFirstPage ? query.startIndex - 1 + rows.length : countRows();
  return {
    totalResults: total,
    rows: rows as unknown as (typeof TABLES)[K]["$inferSelect"][],
    notes,
  };
}
