import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** At most one row (id 1); without it the defaults in lib/subprocessors apply. */
export const complianceSettings = sqliteTable("compliance_settings", {
  id: integer("id").primaryKey(),
  requiredCertifications: text("required_certifications", { mode: "json" })
    .$type<string[]>()
    .notNull(),
  allowedStorageRegions: text("allowed_storage_regions", { mode: "json" })
    .$type<string[]>()
    .notNull(),
  expiryWarningDays: integer("expiry_warning_days").notNull(),
  /** The operator's name on the public trust page, its feeds and the exports; null names none. */
  companyName: text("company_name"),
  updatedAt: text("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});
