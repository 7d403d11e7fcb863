ALTER TABLE `directories` ADD `user_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `directories` ADD `group_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- SQLite-only, like every migration here. The counts start from what the tables hold, then
-- move with each row a trigger sees inserted or deleted, in the transaction that does it; rows
-- written by another process (the CLI's seed) are counted the same way.
UPDATE `directories` SET
  `user_count` = (SELECT count(*) FROM `users` WHERE `users`.`directory_id` = `directories`.`id`),
  `group_count` = (SELECT count(*) FROM `groups` WHERE `groups`.`directory_id` = `directories`.`id`);--> statement-breakpoint
CREATE TRIGGER `users_count_insert` AFTER INSERT ON `users` BEGIN
  UPDATE `directories` SET `user_count` = `user_count` + 1 WHERE `id` = NEW.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `users_count_delete` AFTER DELETE ON `users` BEGIN
  UPDATE `directories` SET `user_count` = `user_count` - 1 WHERE `id` = OLD.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `users_count_move` AFTER UPDATE OF `directory_id` ON `users`
  WHEN NEW.`directory_id` IS NOT OLD.`directory_id` BEGIN
  UPDATE `directories` SET `user_count` = `user_count` - 1 WHERE `id` = OLD.`directory_id`;
  UPDATE `directories` SET `user_count` = `user_count` + 1 WHERE `id` = NEW.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `groups_count_insert` AFTER INSERT ON `groups` BEGIN
  UPDATE `directories` SET `group_count` = `group_count` + 1 WHERE `id` = NEW.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `groups_count_delete` AFTER DELETE ON `groups` BEGIN
  UPDATE `directories` SET `group_count` = `group_count` - 1 WHERE `id` = OLD.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `groups_count_move` AFTER UPDATE OF `directory_id` ON `groups`
  WHEN NEW.`directory_id` IS NOT OLD.`directory_id` BEGIN
  UPDATE `directories` SET `group_count` = `group_count` - 1 WHERE `id` = OLD.`directory_id`;
  UPDATE `directories` SET `group_count` = `group_count` + 1 WHERE `id` = NEW.`directory_id`;
END;
