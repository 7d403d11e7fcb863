CREATE TABLE `sync_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text,
	`created_at` text NOT NULL,
	`directory_id` text NOT NULL,
	`token_id` text,
	`type` text NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`resource_label` text,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_events_resource` ON `sync_events` (`resource_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sync_events_request` ON `sync_events` (`request_id`);--> statement-breakpoint
CREATE INDEX `sync_events_directory` ON `sync_events` (`directory_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sync_events_created` ON `sync_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `sync_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`directory_id` text,
	`token_id` text,
	`token_name` text,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`query` text,
	`status` integer NOT NULL,
	`scim_type` text,
	`duration_ms` integer NOT NULL,
	`client_ip` text,
	`user_agent` text,
	`headers` text NOT NULL,
	`request_body` text,
	`response_body` text,
	`is_request_truncated` integer NOT NULL,
	`is_response_truncated` integer NOT NULL,
	`resource_type` text,
	`resource_id` text,
	`resource_label` text,
	`resources` text NOT NULL,
	`quirks` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_requests_directory` ON `sync_requests` (`directory_id`,`id`);--> statement-breakpoint
CREATE INDEX `sync_requests_created` ON `sync_requests` (`created_at`);--> statement-breakpoint
CREATE INDEX `sync_requests_status` ON `sync_requests` (`status`,`id`);