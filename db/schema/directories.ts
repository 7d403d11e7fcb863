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
  /**
   * The directory's users, inactive users and groups, kept by triggers (migrations 0008 and
   * 0010) on every insert, delete and change of `active`, so that an unfiltered SCIM list page
   * and the dashboard's overview read them instead of counting. drizzle-kit does not know the
   * triggers: a migration that rebuilds `users` or `groups` must create them again
   * (directory-counts.test.ts fails if it does not).
   */
  userCount: integer("user_count").notNull().default(0),
  inactiveUserCount: integer("inactive_user_count").notNull().default(0),
  groupCount: integer("group_count").notNull().default(0),
});
