import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { groupMembers, groups, users } from "@/db/schema";
import type { ScimObject } from "@/lib/scim/resource";
import { containsText } from "@/db/dialect";
import { pageInput, searchText, type Page } from "./page-input";
import { personName } from "./scim-people";

export const membersQuery = z.object({ q: searchText, ...pageInput });

export type MemberItem = {
  id: string;
  type: "User" | "Group";
  label: string;
  secondary: string | null;
  active: boolean | null;
};

/**
 * Members whose name matches `needle`, found through the narrow name indexes of users and
 * groups and then probed against the membership primary key, never by joining every member.
 */
function matchingMembers(needle: string): SQL | undefined {
  return or(
    inArray(
      groupMembers.memberId,
      sql`(SELECT id FROM ${users} WHERE rowid IN (
        SELECT rowid FROM ${users} WHERE ${containsText(sql`${users.userNameKey}`, needle)}
        UNION ALL
        SELECT rowid FROM ${users} WHERE ${containsText(sql`${users.displayNameKey}`, needle)}))`,
    ),
    inArray(
      groupMembers.memberId,
      sql`(SELECT id FROM ${groups} WHERE ${containsText(sql`${groups.displayNameKey}`, needle)})`,
    ),
  );
}

function describeMembers(db: Db, ids: string[]): Map<string, MemberItem> {
  if (ids.length === 0) return new Map();
  const people = db
    .select({ id: users.id, userName: users.userName, active: users.active, data: users.data })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  const teams = db
    .select({ id: groups.id, displayName: groups.displayName })
    .from(groups)
    .where(inArray(groups.id, ids))
    .all();
  const items = new Map<string, MemberItem>();
  for (const person of people) {
    const label = personName(JSON.parse(person.data) as ScimObject) ?? person.userName;
    items.set(person.id, {
      id: person.id,
      type: "User",
      label,
      secondary: person.userName,
      active: person.active,
    });
  }
  for (const team of teams) {
    items.set(team.id, {
      id: team.id,
      type: "Group",
      label: team.displayName,
      secondary: null,
      active: null,
    });
  }
  return items;
}

/**
 * One page of a group's members in primary-key order, which the index yields without sorting;
 * only the page's members are then read, so a 50,000-member group opens like a small one.
 */
export function listGroupMembers(db: Db, groupId: string, input: unknown): Page<MemberItem> {
  const query = membersQuery.parse(input);
  const where = and(
    eq(groupMembers.groupId, groupId),
    query.q ? matchingMembers(query.q) : undefined,
  );

  const total = db.select({ n: count() }).from(groupMembers).where(where).get()?.n ?? 0;
  const ids = db
    .select({ id: groupMembers.memberId })
    .from(groupMembers)
    .where(where)
    .orderBy(asc(groupMembers.memberId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all()
    .map((row) => row.id);

  const described = describeMembers(db, ids);
  const items = ids.map(
    (id): MemberItem =>
      described.get(id) ?? { id, type: "User", label: id, secondary: null, active: null },
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}
