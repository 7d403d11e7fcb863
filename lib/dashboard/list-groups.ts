import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { containsText } from "@/db/dialect";
import type { Db } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import { directoryNames } from "./list-users";
import { pageInput, searchText, type Page } from "./page-input";

export const GROUP_SORTS = ["displayName", "lastModified"] as const;

export const groupsQuery = z.object({
  q: searchText,
  directory: z.string().max(100).optional(),
  sort: z.enum(GROUP_SORTS).default("displayName"),
  order: z.enum(["asc", "desc"]).default("asc"),
  ...pageInput,
});

export type GroupListItem = {
  id: string;
  displayName: string;
  externalId: string | null;
  directoryId: string;
  directoryName: string;
  memberCount: number;
  lastModified: string;
};

function orderOf(query: z.infer<typeof groupsQuery>): SQL[] {
  const by = query.order === "asc" ? asc : desc;
  const first = query.sort === "lastModified" ? groups.lastModified : groups.displayNameKey;
  return [by(first), by(groups.directoryId), by(groups.id)];
}

export function listGroups(db: Db, input: unknown): Page<GroupListItem> {
  const query = groupsQuery.parse(input);
  const where = and(
    query.directory ? eq(groups.directoryId, query.directory) : undefined,
    query.q ? containsText(sql`${groups.displayNameKey}`, query.q) : undefined,
  );

  const total = db.select({ total: count() }).from(groups).where(where).get()?.total ?? 0;
  // The page is chosen first, so only its groups' members are counted, not every group's.
  const pageIds = db
    .select({ id: groups.id })
    .from(groups)
    .where(where)
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all()
    .map((row) => row.id);
  const byId = new Map(
    (pageIds.length === 0
      ? []
      : db
          .select({
            id: groups.id,
            displayName: groups.displayName,
            externalId: groups.externalId,
            directoryId: groups.directoryId,
            lastModified: groups.lastModified,
            memberCount: sql<number>`(SELECT count(*) FROM ${groupMembers}
              WHERE ${groupMembers.groupId} = ${groups.id})`,
          })
          .from(groups)
          .where(inArray(groups.id, pageIds))
          .all()
    ).map((row) => [row.id, row] as const),
  );
  const rows = pageIds.flatMap((id) => byId.get(id) ?? []);

  const names = directoryNames(db, [...new Set(rows.map((row) => row.directoryId))]);
  const items = rows.map((row) => ({ ...row, directoryName: names.get(row.directoryId) ?? "" }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
