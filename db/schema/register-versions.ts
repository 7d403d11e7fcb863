import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Published register versions. Rows are never changed or removed: the migration adds triggers
 * that make SQLite refuse UPDATE and DELETE on this table.
 */
export const registerVersions = sqliteTable("register_versions", {
  number: integer("number").primaryKey(),
  publishedAt: text("published_at").notNull(),
  publishedById: text("published_by_id"),
  publishedByLabel: text("published_by_label").notNull(),
  /** JSON list of the entries as they were at publication. */
  entries: text("entries", { mode: "json" }).$type<unknown[]>().notNull(),
  /** JSON changelog against the previous version: added, removed and changed entries. */
  changelog: text("changelog", { mode: "json" }).$type<unknown>().notNull(),
  /** SHA-256 (hex) of the canonical JSON of `entries`; every export of the version states it. */
  sha256: text("sha256").notNull(),
});
