DROP INDEX `users_directory_user_name`;--> statement-breakpoint
DROP INDEX `users_directory_display_name`;--> statement-breakpoint
DROP INDEX `users_directory_last_modified`;--> statement-breakpoint
DROP INDEX `users_user_name_key`;--> statement-breakpoint
DROP INDEX `users_display_name_key`;--> statement-breakpoint
DROP INDEX `users_last_modified`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_user_name` ON `users` (`user_name_key`,`directory_id`);--> statement-breakpoint
CREATE INDEX `users_display_name` ON `users` (`display_name_key`,`directory_id`);--> statement-breakpoint
CREATE INDEX `users_last_modified` ON `users` (`last_modified`,`directory_id`);--> statement-breakpoint
-- Representative statistics for the new indexes, as 0001 and 0003 give for the others.
INSERT OR REPLACE INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('users', 'users_user_name', '100000 1 1'),
  ('users', 'users_display_name', '100000 2 1'),
  ('users', 'users_last_modified', '100000 2 1');--> statement-breakpoint
ANALYZE sqlite_schema;
