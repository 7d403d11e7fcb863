import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const SYNC_EVENT_TYPES = [
  "user.created",
  "user.updated",
  "user.deactivated",
  "user.reactivated",
  "user.deleted",
  "group.created",
  "group.updated",
  "group.deleted",
  "group.member_added",
  "group.member_removed",
] as const;
export type SyncEventType = (typeof SYNC_EVENT_TYPES)[number];

/**
 * A normalised change to one resource, written in the transaction of the change itself. It names
 * its request but outlives it: request bodies are pruned sooner than events.
 */
export const syncEvents = sqliteTable(
  "sync_events",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id"),
    createdAt: text("created_at").notNull(),
    directoryId: text("directory_id").notNull(),
    tokenId: text("token_id"),
    type: text("type", { enum: SYNC_EVENT_TYPES }).notNull(),
    resourceType: text("resource_type", { enum: ["User", "Group"] }).notNull(),
    resourceId: text("resource_id").notNull(),
    resourceLabel: text("resource_label"),
    /** JSON: `[{attribute, before, after}]` for updates, `{memberIds}` for membership events. */
    detail: text("detail").notNull(),
  },
  // Ids are UUIDv7, so id order is time order: timelines, the newest events of a directory and
  // retention all run on ids, and `created_at` needs no index (one B-tree less per change).
  (t) => [
    index("sync_events_resource").on(t.resourceId, t.id),
    index("sync_events_request").on(t.requestId),
    index("sync_events_directory").on(t.directoryId, t.id),
  ],
);
