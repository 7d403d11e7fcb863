-- Representative planner statistics for a directory of about 100,000 users. Without them SQLite
-- guesses, and for lookups such as externalId it walks the directory's creation-order index to
-- avoid a sort instead of seeking the lookup's own index. ANALYZE replaces these with measured
-- figures once real data exists (the seed command runs it).
ANALYZE;--> statement-breakpoint
DELETE FROM sqlite_stat1;--> statement-breakpoint
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('directories', 'sqlite_autoindex_directories_1', '10 1'),
  ('tokens', 'sqlite_autoindex_tokens_1', '30 1'),
  ('tokens', 'tokens_secret_hash', '30 1'),
  ('tokens', 'tokens_directory', '30 3'),
  ('users', 'sqlite_autoindex_users_1', '100000 1'),
  ('users', 'users_directory_user_name', '100000 10000 1'),
  ('users', 'users_directory_external_id', '100000 10000 1'),
  ('users', 'users_directory_display_name', '100000 10000 2'),
  ('users', 'users_directory_last_modified', '100000 10000 2'),
  ('users', 'users_directory_created', '100000 10000 1 1'),
  ('user_emails', 'user_emails_value', '100000 1'),
  ('user_emails', 'user_emails_user', '100000 1'),
  ('groups', 'sqlite_autoindex_groups_1', '1000 1'),
  ('groups', 'groups_directory_display_name', '1000 100 1'),
  ('groups', 'groups_directory_external_id', '1000 100 1'),
  ('groups', 'groups_directory_last_modified', '1000 100 2'),
  ('groups', 'groups_directory_created', '1000 100 1 1'),
  ('group_members', 'sqlite_autoindex_group_members_1', '300000 300 1'),
  ('group_members', 'group_members_member', '300000 3');--> statement-breakpoint
ANALYZE sqlite_schema;
