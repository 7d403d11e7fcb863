import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { directories } from "./directories";

export const tokens = sqliteTable(
  "tokens",
  {
    id: text("id").primaryKey(),
    directoryId: text("directory_id")
      .notNull()
      .references(() => directories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the bearer secret, hex; the secret itself is never stored. */
    secretHash: text("secret_hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("tokens_secret_hash").on(t.secretHash),
    index("tokens_directory").on(t.directoryId),
  ],
);
