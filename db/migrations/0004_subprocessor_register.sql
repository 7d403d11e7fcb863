CREATE TABLE `subprocessors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`legal_entity` text NOT NULL,
	`website` text,
	`purpose` text NOT NULL,
	`role` text NOT NULL,
	`data_categories` text NOT NULL,
	`storage_regions` text NOT NULL,
	`processing_regions` text NOT NULL,
	`transfer_mechanism` text,
	`certifications` text NOT NULL,
	`dpa_url` text,
	`dpa_signed_on` text,
	`status` text NOT NULL,
	`effective_on` text,
	`owner` text,
	`notes` text,
	`parent_id` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `subprocessors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `subprocessors_parent` ON `subprocessors` (`parent_id`);--> statement-breakpoint
CREATE TABLE `subprocessor_history` (
	`id` text PRIMARY KEY NOT NULL,
	`subprocessor_id` text NOT NULL,
	`changed_at` text NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`revision` integer NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`subprocessor_id`) REFERENCES `subprocessors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subprocessor_history_entry` ON `subprocessor_history` (`subprocessor_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `compliance_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`required_certifications` text NOT NULL,
	`allowed_storage_regions` text NOT NULL,
	`expiry_warning_days` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `register_versions` (
	`number` integer PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`published_by_id` text,
	`published_by_label` text NOT NULL,
	`entries` text NOT NULL,
	`changelog` text NOT NULL,
	`sha256` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `register_versions_no_update` BEFORE UPDATE ON `register_versions`
BEGIN
	SELECT RAISE(ABORT, 'published register versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `register_versions_no_delete` BEFORE DELETE ON `register_versions`
BEGIN
	SELECT RAISE(ABORT, 'published register versions are immutable');
END;
