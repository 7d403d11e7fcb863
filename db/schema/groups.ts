import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { directories } from "./directories";

export const groups = sqliteTable(
  "groups",
  {
    id: text("id").primaryKey(),
    directoryId: text("directory_id")
      .notNull()
      .references(() => directories.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    displayNameKey: text("display_name_key").notNull(),
    externalId: text("external_id"),
    data: text("data").notNull(),
    createdAt: text("created_at").notNull(),
    lastModified: text("last_modified").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [
    uniqueIndex("groups_directory_display_name").on(t.directoryId, t.displayNameKey),
    index("groups_directory_external_id").on(t.directoryId, t.externalId),
    index("groups_directory_last_modified").on(t.directoryId, t.lastModified),
    index("groups_directory_created").on(t.directoryId, t.createdAt, t.id),
  ],
);
