CREATE TABLE `directories` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`provider` text NOT NULL,
	`rate_limit_per_second` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` text NOT NULL,
	`member_id` text NOT NULL,
	`member_type` text NOT NULL,
	PRIMARY KEY(`group_id`, `member_id`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_members_member` ON `group_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `groups` (
	`id` text PRIMARY KEY NOT NULL,
	`directory_id` text NOT NULL,
	`display_name` text NOT NULL,
	`display_name_key` text NOT NULL,
	`external_id` text,
	`data` text NOT NULL,
	`created_at` text NOT NULL,
	`last_modified` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`directory_id`) REFERENCES `directories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_directory_display_name` ON `groups` (`directory_id`,`display_name_key`);--> statement-breakpoint
CREATE INDEX `groups_directory_external_id` ON `groups` (`directory_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `groups_directory_last_modified` ON `groups` (`directory_id`,`last_modified`);--> statement-breakpoint
CREATE INDEX `groups_directory_created` ON `groups` (`directory_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`directory_id` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`directory_id`) REFERENCES `directories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_secret_hash` ON `tokens` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `tokens_directory` ON `tokens` (`directory_id`);--> statement-breakpoint
CREATE TABLE `user_emails` (
	`user_id` text NOT NULL,
	`directory_id` text NOT NULL,
	`value_key` text NOT NULL,
	`type_key` text,
	`is_primary` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_emails_value` ON `user_emails` (`value_key`);--> statement-breakpoint
CREATE INDEX `user_emails_user` ON `user_emails` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`directory_id` text NOT NULL,
	`user_name` text NOT NULL,
	`user_name_key` text NOT NULL,
	`external_id` text,
	`display_name` text,
	`display_name_key` text,
	`active` integer NOT NULL,
	`data` text NOT NULL,
	`password_hash` text,
	`created_at` text NOT NULL,
	`last_modified` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`directory_id`) REFERENCES `directories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_directory_user_name` ON `users` (`directory_id`,`user_name_key`);--> statement-breakpoint
CREATE INDEX `users_directory_external_id` ON `users` (`directory_id`,`external_id`);--> statement-breakpoint
CREATE INDEX `users_directory_display_name` ON `users` (`directory_id`,`display_name_key`);--> statement-breakpoint
CREATE INDEX `users_directory_last_modified` ON `users` (`directory_id`,`last_modified`);--> statement-breakpoint
CREATE INDEX `users_directory_created` ON `users` (`directory_id`,`created_at`,`id`);