DROP INDEX `group_members_member`;--> statement-breakpoint
CREATE INDEX `group_members_member` ON `group_members` (`member_id`,`group_id`);--> statement-breakpoint
-- Representative statistics for the rebuilt index, as 0001 gives for the others.
INSERT OR REPLACE INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('group_members', 'group_members_member', '300000 3 1');--> statement-breakpoint
ANALYZE sqlite_schema;
