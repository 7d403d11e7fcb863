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
    /**
     * Also moved on when the user joins or leaves a group or one of its groups is renamed, and
     * it moves its groups' versions when renamed: triggers (migration 0009), unknown to
     * drizzle-kit, so a migration that rebuilds `users`, `groups` or `group_members` must
     * create them again.
     */
    version: integer("version").notNull(),
  },
  // Each index leads with the value looked up, then the directory: one index serves an IdP's
  // lookup inside its directory and the dashboard's sorted list across all of them. Every
  // index costs each write a B-tree, so there is no second, directory-first copy.
  (t) => [
    uniqueIndex("users_user_name").on(t.userNameKey, t.directoryId),
    index("users_directory_external_id").on(t.directoryId, t.externalId),
    index("users_display_name").on(t.displayNameKey, t.directoryId),
    index("users_last_modified").on(t.lastModified, t.directoryId),
    index("users_directory_created").on(t.directoryId, t.createdAt, t.id),
  ],
);
