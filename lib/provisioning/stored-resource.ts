import type { ScimObject, StoredResource } from "@/lib/scim/resource";

type ResourceRow = {
  id: string;
  data: string;
  createdAt: string;
  lastModified: string;
  version: number;
};

/** A users or groups row as the protocol layer sees it. */
export function storedResource(row: ResourceRow): StoredResource {
  return {
    id: row.id,
    attributes: JSON.parse(row.data) as ScimObject,
    createdAt: row.createdAt,
    lastModified: row.lastModified,
    version: row.version,
  };
}
