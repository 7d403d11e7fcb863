import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Requests and errors per directory and UTC hour, counted by a trigger on every sync-log insert
 * (migration 0011), so that the overview's 24-hour chart reads a row an hour instead of every
 * request of the day. Pruned with the requests themselves.
 */
export const syncRequestHours = sqliteTable(
  "sync_request_hours",
  {
    directoryId: text("directory_id").notNull(),
    /** `YYYY-MM-DDTHH`, UTC: the first 13 characters of a request's `created_at`. */
    hour: text("hour").notNull(),
    requests: integer("requests").notNull(),
    errors: integer("errors").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.directoryId] })],
);
