CREATE TABLE `sync_event_members` (
	`event_id` text NOT NULL,
	`member_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_event_members_member` ON `sync_event_members` (`member_id`,`event_id`);--> statement-breakpoint
-- SQLite-only, like 0011: members of the events already recorded, oldest event first, so the
-- rows start in the insertion order retention prunes by.
INSERT INTO `sync_event_members` (`event_id`, `member_id`)
SELECT e.`id`, m.`value` FROM `sync_events` AS e, json_each(e.`detail`, '$.memberIds') AS m
WHERE e.`type` IN ('group.member_added', 'group.member_removed') ORDER BY e.`id`, m.`key`;
