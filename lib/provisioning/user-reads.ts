import type { Db } from "@/db/client";
import { notFound } from "@/lib/scim/errors";
import type { ListQuery } from "@/lib/scim/list-query";
import type { ResourceRef, StoredResource } from "@/lib/scim/resource";
import { listRows, type ExtraColumns } from "./list-resources";
import { findUser, groupRefsOf, storedUser, USER_GROUPS_JSON } from "./user-rows";

export type UserRead = { stored: StoredResource; refs: ResourceRef[] | undefined };

export function getUser(db: Db, directoryId: string, id: string, withGroups = true): UserRead {
  const found = findUser(db, directoryId, id, withGroups);
  if (!found) throw notFound(`User "${id}" not found`);
  return { stored: storedUser(found.row), refs: found.refs };
}

export function listUsers(db: Db, directoryId: string, query: ListQuery, withGroups = true) {
  const columns: ExtraColumns = withGroups ? { groupsJson: USER_GROUPS_JSON } : {};
  const page = listRows(db, "User", directoryId, query, columns);
  const items: UserRead[] = page.rows.map(({ groupsJson, ...row }) => ({
    stored: storedUser(row),
    refs: typeof groupsJson === "string" ? groupRefsOf(groupsJson) : undefined,
  }));
  return { totalResults: page.totalResults, items, notes: page.notes };
}
