import type { Db } from "@/db/client";
import { notFound } from "@/lib/scim/errors";
import type { ListQuery } from "@/lib/scim/list-query";
import type { ResourceRef, StoredResource } from "@/lib/scim/resource";
import { findGroupRow, loadGroupMembers, storedGroup } from "./group-rows";
import { listRows } from "./list-resources";

export type GroupRead = { stored: StoredResource; refs: ResourceRef[] | undefined };

export function getGroup(db: Db, directoryId: string, id: string, withMembers = true): GroupRead {
  const row = findGroupRow(db, directoryId, id);
  if (!row) throw notFound(`Group "${id}" not found`);
  const refs = withMembers ? (loadGroupMembers(db, [id]).get(id) ?? []) : undefined;
  return { stored: storedGroup(row), refs };
}

export function listGroups(db: Db, directoryId: string, query: ListQuery, withMembers = true) {
  const page = listRows(db, "Group", directoryId, query);
  const byGroup = withMembers
    ? loadGroupMembers(
        db,
        page.rows.map((row) => row.id),
      )
    : undefined;
  const items: GroupRead[] = page.rows.map((row) => ({
    stored: storedGroup(row),
    refs: byGroup?.get(row.id),
  }));
  return { totalResults: page.totalResults, items, notes: page.notes };
}
