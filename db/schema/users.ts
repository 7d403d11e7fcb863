import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { directories } from "./directories";

/**
 * One SCIM User. `data` holds the resource's attributes as JSON; the columns beside it copy the
 * attributes that IdPs filter and sort on, so those lookups are answered from indexes.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    directoryId: text("directory_id")
      .notNull()
      .references(() => directories.id, { onDelete: "cascade" }),
    userName: text("user_name").notNull(),
    /** userName folded to lower case: RFC 7643 §4.1.1 makes it case-insensitive and unique. */
    userNameKey: text("user_name_key").notNull(),
    externalId: text("external_id"),
    displayName: text("display_name"),
    displayNameKey: text("display_name_key"),
    active: integer("active", { mode: "boolean" }).notNull(),
    data: text("data").notNull(),
    passwordHash: text("password_hash"),
    createdAt: text("created_at").notNull(),
    lastModified: text("last_modified").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [
    uniqueIndex("users_directory_user_name").on(t.directoryId, t.userNameKey),
    index("users_directory_external_id").on(t.directoryId, t.externalId),
    index("users_directory_display_name").on(t.directoryId, t.displayNameKey),
    index("users_directory_last_modified").on(t.directoryId, t.lastModified),
    index("users_directory_created").on(t.directoryId, t.createdAt, t.id),
    // The dashboard lists users of every directory at once, sorted and filtered by these.
    index("users_user_name_key").on(t.userNameKey, t.directoryId, t.active),
    index("users_display_name_key").on(t.displayNameKey, t.directoryId),
    index("users_last_modified").on(t.lastModified),
  ],
);
