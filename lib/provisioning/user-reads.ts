import type { Db } from "@/db/client";
import { notFound } from "@/lib/scim/errors";
import type { ListQuery } from "@/lib/scim/list-query";
import type { ResourceRef, StoredResource } from "@/lib/scim/resource";
import { listRows } from "./list-resources";
import { findUserRow, loadUserGroups, storedUser } from "./user-rows";

export type UserRead = { stored: StoredResource; refs: ResourceRef[] | undefined };

export function getUser(db: Db, directoryId: string, id: string, withGroups = true): UserRead {
  const row = findUserRow(db, directoryId, id);
  if (!row) throw notFound(`User "${id}" not found`);
  const refs = withGroups ? (loadUserGroups(db, [id]).get(id) ?? []) : undefined;
  return { stored: storedUser(row), refs };
}

export function listUsers(db: Db, directoryId: string, query: ListQuery, withGroups = true) {
  const page = listRows(db, "User", directoryId, query);
  const groupsByUser = withGroups
    ? loadUserGroups(
        db,
        page.rows.map((row) => row.id),
      )
    : undefined;
  const items: UserRead[] = page.rows.map((row) => ({
    stored: storedUser(row),
    refs: groupsByUser?.get(row.id),
  }));
  return { totalResults: page.totalResults, items, notes: page.notes };
}
