import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per member a `group.member_added` or `group.member_removed` event lists, so a user's
 * timeline finds the groups it joined and left by index instead of reading every membership
 * event's JSON. No primary key: rows stay in insertion order, which retention prunes from.
 */
export const syncEventMembers = sqliteTable(
  "sync_event_members",
  {
    eventId: text("event_id").notNull(),
    memberId: text("member_id").notNull(),
  },
  (t) => [index("sync_event_members_member").on(t.memberId, t.eventId)],
);
