import { sql, type SQL } from "drizzle-orm";
import { jsonScalar } from "@/db/dialect";
import type { ResolvedAttribute, ResourceKind } from "@/lib/scim/schemas";

/** How a filterable value is stored: `folded` columns hold text already folded to lower case. */
export type ColumnRef = { expression: SQL; folded: boolean };

/** A multi-valued attribute copied into a side table, selected with `owner IN (subquery)`. */
export type SideTable = {
  /** `SELECT <owner> FROM <from> WHERE <join>` yields the ids of the matching resources. */
  owner: SQL;
  from: SQL;
  columns: Record<string, ColumnRef>;
};

const col = (name: string, folded = false): ColumnRef => ({ expression: sql.raw(name), folded });

/** Attributes answered from columns of the resource's own table, keyed by lower-cased path. */
export const RESOURCE_COLUMNS: Record<ResourceKind, Record<string, ColumnRef>> = {
  User: {
    id: col("users.id"),
    username: col("users.user_name_key", true),
    externalid: col("users.external_id"),
    displayname: col("users.display_name_key", true),
    active: col("users.active"),
    "meta.created": col("users.created_at"),
    "meta.lastmodified": col("users.last_modified"),
  },
  Group: {
    id: col("groups.id"),
    displayname: col("groups.display_name_key", true),
    externalid: col("groups.external_id"),
    "meta.created": col("groups.created_at"),
    "meta.lastmodified": col("groups.last_modified"),
  },
};

export const SIDE_TABLES: Record<ResourceKind, Record<string, SideTable>> = {
  User: {
    emails: {
      owner: sql.raw("user_emails.user_id"),
      from: sql.raw("user_emails"),
      columns: {
        value: col("user_emails.value_key", true),
        type: col("user_emails.type_key", true),
        primary: col("user_emails.is_primary"),
      },
    },
    groups: {
      owner: sql.raw("group_members.member_id"),
      from: sql.raw("group_members JOIN groups AS g ON g.id = group_members.group_id"),
      columns: {
        value: col("group_members.group_id"),
        display: col("g.display_name_key", true),
      },
    },
  },
  Group: {
    members: {
      owner: sql.raw("group_members.group_id"),
      from: sql.raw("group_members"),
      columns: {
        value: col("group_members.member_id"),
        type: col("group_members.member_type"),
      },
    },
  },
};

export const DATA_COLUMN: Record<ResourceKind, SQL> = {
  User: sql.raw("users.data"),
  Group: sql.raw("groups.data"),
};

export const ID_COLUMN: Record<ResourceKind, SQL> = {
  User: sql.raw("users.id"),
  Group: sql.raw("groups.id"),
};

/**
 * Where a single-valued attribute or sub-attribute is stored: a column of the resource's table,
 * else a field of its JSON data. Undefined for `meta` values made when a resource is served.
 */
export function singleValueColumn(
  kind: ResourceKind,
  resolved: ResolvedAttribute,
): ColumnRef | undefined {
  const key = [resolved.def.name, resolved.sub?.name].filter(Boolean).join(".").toLowerCase();
  const column = resolved.isExtension ? undefined : RESOURCE_COLUMNS[kind][key];
  if (column) return column;
  if (key === "meta.resourcetype") return { expression: sql`${kind}`, folded: false };
  if (key.startsWith("meta.")) return undefined;
  const keys = [
    ...(resolved.isExtension && resolved.schema ? [resolved.schema] : []),
    resolved.def.name,
    ...(resolved.sub ? [resolved.sub.name] : []),
  ];
  return { expression: jsonScalar(DATA_COLUMN[kind], keys), folded: false };
}
