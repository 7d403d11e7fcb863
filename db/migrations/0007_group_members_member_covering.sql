DROP INDEX `group_members_member`;--> statement-breakpoint
CREATE INDEX `group_members_member` ON `group_members` (`member_id`,`group_id`);--> statement-breakpoint
-- Statistics for the rebuilt index, scaled to the row count the table's primary key records
-- (measured by ANALYZE, or 0001's representative figure): about 3 groups per member.
INSERT INTO sqlite_stat1 (tbl, idx, stat)
  SELECT tbl, 'group_members_member', substr(stat, 1, instr(stat, ' ') - 1) || ' 3 1'
  FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_group_members_1';--> statement-breakpoint
ANALYZE sqlite_schema;
