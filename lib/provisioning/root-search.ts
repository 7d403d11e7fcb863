import type { Db } from "@/db/client";
import type { ListQuery } from "@/lib/scim/list-query";
import type { ResourceRef, StoredResource } from "@/lib/scim/resource";
import type { ResourceKind } from "@/lib/scim/schemas";
import { listGroups } from "./group-reads";
import { compareSortKeyRows, listRows, listSortKeys } from "./list-resources";
import { listUsers } from "./user-reads";

export const ROOT_KINDS: readonly ResourceKind[] = ["User", "Group"];

export type RootItem = {
  kind: ResourceKind;
  stored: StoredResource;
  refs: ResourceRef[] | undefined;
};

export type RootPage = { totalResults: number; items: RootItem[]; notes: string[] };

/** How many of each type's resources precede the page, and the type of each one on it. */
type Plan = { skipped: Map<ResourceKind, number>; order: ResourceKind[] };

/** Without sortBy, the types follow one another: every user, then every group. */
function concatenated(totals: Map<ResourceKind, number>, query: ListQuery): Plan {
  const skipped = new Map<ResourceKind, number>();
  const order: ResourceKind[] = [];
  let skip = query.startIndex - 1;
  for (const kind of ROOT_KINDS) {
    const total = totals.get(kind) ?? 0;
    const skippedHere = Math.min(skip, total);
    skip -= skippedHere;
    skipped.set(kind, skippedHere);
    const taken = Math.min(total - skippedHere, query.count - order.length);
    for (let i = 0; i < taken; i += 1) order.push(kind);
  }
  return { skipped, order };
}

/**
 * With sortBy, one order over every type: each type's first startIndex + count - 1 resources in
 * that order are all a page can hold, and merging their sort keys places the page.
 */
function merged(db: Db, directoryId: string, query: ListQuery): Plan {
  const end = query.startIndex - 1 + query.count;
  const descending = query.sortOrder === "descending";
  const lists = ROOT_KINDS.map((kind) => ({
    kind,
    keys: listSortKeys(db, kind, directoryId, query, end),
    next: 0,
  }));
  const skipped = new Map<ResourceKind, number>(ROOT_KINDS.map((kind) => [kind, 0]));
  const order: ResourceKind[] = [];
  for (let position = 0; position < end; position += 1) {
    let first: (typeof lists)[number] | undefined;
    for (const list of lists) {
      const head = list.keys[list.next];
      const best = first?.keys[first.next];
      if (head && (!best || compareSortKeyRows(head, best, descending) < 0)) first = list;
    }
    if (!first) break;
    first.next += 1;
    if (position < query.startIndex - 1) {
      skipped.set(first.kind, (skipped.get(first.kind) ?? 0) + 1);
    } else {
      order.push(first.kind);
    }
  }
  return { skipped, order };
}

function readPage(
  db: Db,
  directoryId: string,
  kind: ResourceKind,
  query: ListQuery,
  refs: boolean,
) {
  return kind === "User"
    ? listUsers(db, directoryId, query, refs)
    : listGroups(db, directoryId, query, refs);
}

/**
 * One page of a root search (RFC 7644 §3.4.3) over users and groups, sorted across both when
 * sortBy is given. `withRefs` says whether a type's resources are read with their groups or
 * members.
 */
export function listRootPage(
  db: Db,
  directoryId: string,
  request: ListQuery,
  withRefs: (kind: ResourceKind) => boolean,
): RootPage {
  const query: ListQuery = { ...request, searchedKinds: ROOT_KINDS };
  const notes = new Set<string>();
  const totals = new Map<ResourceKind, number>();
  for (const kind of ROOT_KINDS) {
    const counted = listRows(db, kind, directoryId, { ...query, count: 0 });
    counted.notes.forEach((note) => notes.add(note));
    totals.set(kind, counted.totalResults);
  }
  const totalResults = [...totals.values()].reduce((sum, total) => sum + total, 0);
  const isBeyondEnd = query.count === 0 || query.startIndex > totalResults;
  const plan: Plan = isBeyondEnd
    ? { skipped: new Map(), order: [] }
    : query.sortBy
      ? merged(db, directoryId, query)
      : concatenated(totals, query);

  const pages = new Map<ResourceKind, RootItem[]>();
  for (const kind of ROOT_KINDS) {
    const count = plan.order.filter((placed) => placed === kind).length;
    if (count === 0) continue;
    const startIndex = (plan.skipped.get(kind) ?? 0) + 1;
    const page = readPage(db, directoryId, kind, { ...query, startIndex, count }, withRefs(kind));
    pages.set(
      kind,
      page.items.map((item) => ({ kind, ...item })),
    );
  }
  const items = plan.order.flatMap((kind) => pages.get(kind)?.shift() ?? []);
  return { totalResults, items, notes: [...notes] };
}
