import { and, asc, count, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { containsText } from "./contains-text";
import type { Db } from "@/db/client";
import { groupMembers, groups, users } from "@/db/schema";
import type { ScimObject } from "@/lib/scim/resource";
import { pageInput, searchText, type Page } from "./page-input";
import { personName, primaryEmail } from "./scim-people";

export const membersQuery = z.object({ q: searchText, ...pageInput });

export type MemberItem = {
  id: string;
  type: "User" | "Group";
  label: string;
  secondary: string | null;
  active: boolean | null;
};

const memberGroup = sql`member_group`;

/**
 * One page of a group's members in primary-key order, which the index yields without sorting,
 * so the first page of a 50,000-member group costs the same as any other.
 */
export function listGroupMembers(db: Db, groupId: string, input: unknown): Page<MemberItem> {
  const query = membersQuery.parse(input);
  const where = and(
    eq(groupMembers.groupId, groupId),
    query.q
      ? or(
          containsText(sql`${users.userNameKey}`, query.q),
          containsText(sql`coalesce(${users.displayNameKey}, '')`, query.q),
          containsText(sql`coalesce(${memberGroup}.display_name_key, '')`, query.q),
        )
      : undefined,
  );
  const base = () =>
    db
      .select({
        id: groupMembers.memberId,
        type: groupMembers.memberType,
        userData: users.data,
        userName: users.userName,
        active: users.active,
        groupName: sql<string | null>`${memberGroup}.display_name`,
      })
      .from(groupMembers)
      .leftJoin(users, eq(users.id, groupMembers.memberId))
      .leftJoin(sql`${groups} AS ${memberGroup}`, sql`${memberGroup}.id = ${groupMembers.memberId}`)
      .where(where);

  const total = query.q
    ? (db.select({ n: count() }).from(base().as("matches")).get()?.n ?? 0)
    : (db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.groupId, groupId)).get()
        ?.n ?? 0);
  const rows = base()
    .orderBy(asc(groupMembers.memberId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();

  const items = rows.map((row): MemberItem => {
    if (row.type === "Group" || row.userData === null) {
      return {
        id: row.id,
        type: row.type,
        label: row.groupName ?? row.id,
        secondary: null,
        active: null,
      };
    }
    const attributes = JSON.parse(row.userData) as ScimObject;
    return {
      id: row.id,
      type: "User",
      label: personName(attributes) ?? row.userName ?? row.id,
      secondary: row.userName ?? primaryEmail(attributes) ?? null,
      active: row.active,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
