import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { compareSortValues, compareValues, sortTerms } from "@/db/dialect";
import type { Db } from "@/db/client";
import { directSelect } from "@/db/direct-statements";
import { directories, groups, users } from "@/db/schema";
import { badRequest } from "@/lib/scim/errors";
import { FilterSyntaxError, parseFilterWithNotes } from "@/lib/scim/filter/parse-filter";
import type { ListQuery } from "@/lib/scim/list-query";
import type { ResourceKind } from "@/lib/scim/schemas";
import { compileFilter, filterShape } from "./compile-filter";
import { compileSortKey } from "./compile-sort-key";
import type { ResourceRow } from "./stored-resource";

export const FILTER_LENGTH_MAX = 4096;
const PREPARED_QUERIES_MAX = 200;

const TABLES = { User: users, Group: groups } as const;
/** The directory's running totals, which the schema's triggers keep (see directories.ts). */
const TOTALS = { User: directories.userCount, Group: directories.groupCount } as const;

type CompiledList = {
  condition: SQL | undefined;
  params: Record<string, string | number>;
  shape: string;
  notes: string[];
};

/** Parses and compiles `filter`, turning syntax errors into RFC 7644 `invalidFilter` errors. */
export function filterCondition(
  kind: ResourceKind,
  filter: string | undefined,
  searchedKinds?: readonly ResourceKind[],
): CompiledList {
  if (!filter) return { condition: undefined, params: {}, shape: "", notes: [] };
  if (filter.length > FILTER_LENGTH_MAX) {
    throw badRequest("invalidFilter", `Filters are limited to ${FILTER_LENGTH_MAX} characters`);
  }
  try {
    const { filter: ast, notes } = parseFilterWithNotes(filter);
    const { condition, params } = compileFilter(kind, ast, searchedKinds);
    return { condition, params, shape: filterShape(ast), notes };
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw badRequest("invalidFilter", error.message);
    throw error;
  }
}

/**
 * A list's order: the sort key, then creation and id, so that pages never repeat or skip a
 * resource. The sort key is undefined without sortBy, and at the root for an attribute of
 * another type, which leaves every resource of this one without a value.
 */
function orderOf(kind: ResourceKind, query: ListQuery) {
  const table = TABLES[kind];
  const sortKey = query.sortBy
    ? compileSortKey(kind, query.sortBy, query.searchedKinds)
    : undefined;
  const keyTerms = sortKey ? sortTerms(sortKey, query.sortOrder === "descending") : [];
  return { sortKey, order: [...keyTerms, asc(table.createdAt), asc(table.id)] };
}

/** A resource's place in its list's order: what orderOf sorts on. */
export type SortKeyRow = { sortValue: unknown; createdAt: string; id: string };

/** The order of orderOf, for rows of several lists merged in memory. */
export function compareSortKeyRows(a: SortKeyRow, b: SortKeyRow, descending: boolean): number {
  return (
    compareSortValues(a.sortValue, b.sortValue, descending) ||
    compareValues(a.createdAt, b.createdAt) ||
    compareValues(a.id, b.id)
  );
}

/** Computed columns a caller adds to each page row, such as a user's groups. */
export type ExtraColumns = Record<string, SQL.Aliased | SQL>;

function buildQueries<K extends ResourceKind>(
  db: Db,
  kind: K,
  compiled: CompiledList,
  query: ListQuery,
  extra: ExtraColumns,
) {
  const table = TABLES[kind];
  const where = and(eq(table.directoryId, sql.placeholder("directoryId")), compiled.condition);
  const { sortKey, order } = orderOf(kind, query);
  // Only what a StoredResource is made of: every further column costs a string per row.
  const stored = {
    id: table.id,
    data: table.data,
    createdAt: table.createdAt,
    lastModified: table.lastModified,
    version: table.version,
  };
  // Unfiltered, the total is the directory's running count: counting 100k index entries costs
  // more than the rest of a 100-row page, and clients paging through a directory ask each time.
  const counted = { total: count() };
  const kept = { total: TOTALS[kind] };
  const page = { ...stored, ...extra };
  const keyColumns = { sortValue: sortKey ?? sql`NULL`, createdAt: table.createdAt, id: table.id };
  const buildSortKeys = () =>
    directSelect(
      db,
      keyColumns,
      db
        .select(keyColumns)
        .from(table)
        .where(where)
        .orderBy(...order)
        .limit(sql.placeholder("limit")),
    );
  // Only a root search's merge reads sort keys, so their statement is prepared on first use.
  let sortKeys: ReturnType<typeof buildSortKeys> | undefined;
  return {
    count: compiled.condition
      ? directSelect(db, counted, db.select(counted).from(table).where(where))
      : directSelect(
          db,
          kept,
          db
            .select(kept)
            .from(directories)
            .where(eq(directories.id, sql.placeholder("directoryId"))),
        ),
    page: directSelect(
      db,
      page,
      db
        .select(page)
        .from(table)
        .where(where)
        .orderBy(...order)
        .limit(sql.placeholder("limit"))
        .offset(sql.placeholder("offset")),
    ),
    sortKeys: () => (sortKeys ??= buildSortKeys()),
  };
}

type Queries = ReturnType<typeof buildQueries>;
const preparedByDb = new WeakMap<Db, Map<string, Queries>>();

/**
 * The prepared count and page statements for a filter shape and sort. IdPs repeat a handful of
 * shapes (`userName eq "…"` on every sync), so building and preparing happens once per shape.
 */
function queriesFor<K extends ResourceKind>(
  db: Db,
  kind: K,
  compiled: CompiledList,
  query: ListQuery,
  extra: ExtraColumns,
) {
  const columns = Object.keys(extra).join(",");
  const searched = query.searchedKinds?.join(",") ?? "";
  const sort = `${query.sortBy ?? ""}|${query.sortOrder}`;
  const key = `${kind}|${searched}|${compiled.shape}|${sort}|${columns}`;
  let cache = preparedByDb.get(db);
  if (!cache) {
    cache = new Map();
    preparedByDb.set(db, cache);
  }
  let queries = cache.get(key);
  if (queries) {
    cache.delete(key);
  } else {
    queries = buildQueries(db, kind, compiled, query, extra);
    if (cache.size >= PREPARED_QUERIES_MAX) cache.delete(cache.keys().next().value ?? "");
  }
  cache.set(key, queries);
  return queries;
}

export type ListPage<R> = { totalResults: number; rows: R[]; notes: string[] };

/** One page of a directory's resources: filtered and sorted in SQL, in a stable order. */
export function listRows<K extends ResourceKind>(
  db: Db,
  kind: K,
  directoryId: string,
  query: ListQuery,
  extra: ExtraColumns = {},
): ListPage<ResourceRow & Record<string, unknown>> {
  const compiled = filterCondition(kind, query.filter, query.searchedKinds);
  const queries = queriesFor(db, kind, compiled, query, extra);
  const params = { ...compiled.params, directoryId };
  const countRows = () => queries.count.get(params)?.total ?? 0;
  if (query.count === 0) return { totalResults: countRows(), rows: [], notes: compiled.notes };
  const rows = queries.page.all({ ...params, limit: query.count, offset: query.startIndex - 1 });
  // A page that is not full ends the result set, so its length gives the total without a
  // second query; this is every lookup an IdP makes by userName or externalId.
  const isLastPage = rows.length > 0 && rows.length < query.count;
  const isEmptyFirstPage = rows.length === 0 && query.startIndex === 1;
  const total = isLastPage || isEmptyFirstPage ? query.startIndex - 1 + rows.length : countRows();
  return {
    totalResults: total,
    rows: rows as (ResourceRow & Record<string, unknown>)[],
    notes: compiled.notes,
  };
}

/** Where the first `limit` resources `query` lists stand in its order, without reading them. */
export function listSortKeys<K extends ResourceKind>(
  db: Db,
  kind: K,
  directoryId: string,
  query: ListQuery,
  limit: number,
): SortKeyRow[] {
  const compiled = filterCondition(kind, query.filter, query.searchedKinds);
  const statement = queriesFor(db, kind, compiled, query, {}).sortKeys();
  return statement.all({ ...compiled.params, directoryId, limit });
}
