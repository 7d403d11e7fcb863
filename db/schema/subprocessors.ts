import { index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * The draft register: one row per sub-processor, edited in the dashboard. Vocabularies and JSON
 * shapes are validated and typed in lib/subprocessors, which alone writes these rows.
 */
export const subprocessors = sqliteTable(
  "subprocessors",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    legalEntity: text("legal_entity").notNull(),
    website: text("website"),
    purpose: text("purpose").notNull(),
    role: text("role").notNull(),
    dataCategories: text("data_categories", { mode: "json" }).$type<string[]>().notNull(),
    storageRegions: text("storage_regions", { mode: "json" }).$type<string[]>().notNull(),
    processingRegions: text("processing_regions", { mode: "json" }).$type<string[]>().notNull(),
    transferMechanism: text("transfer_mechanism"),
    certifications: text("certifications", { mode: "json" }).$type<unknown[]>().notNull(),
    dpaUrl: text("dpa_url"),
    dpaSignedOn: text("dpa_signed_on"),
    status: text("status").notNull(),
    effectiveOn: text("effective_on"),
    owner: text("owner"),
    notes: text("notes"),
    parentId: text("parent_id").references((): AnySQLiteColumn => subprocessors.id, {
      onDelete: "set null",
    }),
    revision: integer("revision").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("subprocessors_parent").on(t.parentId)],
);
