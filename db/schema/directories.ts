import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const PROVIDERS = ["entra", "okta", "onelogin", "jumpcloud", "google", "generic"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const directories = sqliteTable("directories", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  provider: text("provider", { enum: PROVIDERS }).notNull(),
  /** Sustained SCIM requests per second allowed per token; null takes the server default. */
  rateLimitPerSecond: integer("rate_limit_per_second"),
  createdAt: text("created_at").notNull(),
});
