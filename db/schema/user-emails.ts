import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/** A copy of each user's emails, kept in step with `users.data`, so email lookups use an index. */
export const userEmails = sqliteTable(
  "user_emails",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    directoryId: text("directory_id").notNull(),
    valueKey: text("value_key").notNull(),
    typeKey: text("type_key"),
    isPrimary: integer("is_primary", { mode: "boolean" }).notNull(),
  },
  (t) => [index("user_emails_value").on(t.valueKey), index("user_emails_user").on(t.userId)],
);
