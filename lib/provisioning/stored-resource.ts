import type { ScimObject, StoredResource } from "@/lib/scim/resource";

/** The columns a StoredResource is made of, shared by users and groups. */
export type ResourceRow = {
  id: string;
  data: string;
  createdAt: string;
  lastModified: string;
  version: number;
};

/** A users or groups row as the protocol layer sees it. */
export function storedResource(row: ResourceRow): StoredResource {
  return storedResourceOf(row, JSON.parse(row.data) as ScimObject);
}

/**
 * A row just written, with the attributes its `data` was serialised from: a write answers with
 * what it stored without parsing that back. Nothing may change `attributes` afterwards.
 */
/** A resource's attributes before and after a write, and the row columns of the new ones. */
export type WriteChange<Columns> = { before: ScimObject; after: ScimObject; columns: Columns };

export function storedResourceOf(row: ResourceRow, attributes: ScimObject): StoredResource {
  return {
    id: row.id,
    attributes,
    createdAt: row.createdAt,
    lastModified: row.lastModified,
    version: row.version,
  };
}
