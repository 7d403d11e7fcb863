import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { groups } from "./groups";

export const MEMBER_TYPES = ["User", "Group"] as const;

export const groupMembers = sqliteTable(
  "group_members",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    memberId: text("member_id").notNull(),
    memberType: text("member_type", { enum: MEMBER_TYPES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.memberId] }),
    // With the group id in the index, a user's groups are read from the index alone.
    index("group_members_member").on(t.memberId, t.groupId),
  ],
);
