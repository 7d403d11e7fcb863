DROP INDEX `sync_events_created`;--> statement-breakpoint
DROP INDEX `sync_events_resource`;--> statement-breakpoint
DROP INDEX `sync_events_directory`;--> statement-breakpoint
CREATE INDEX `sync_events_resource` ON `sync_events` (`resource_id`,`id`);--> statement-breakpoint
CREATE INDEX `sync_events_directory` ON `sync_events` (`directory_id`,`id`);