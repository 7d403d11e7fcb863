ALTER TABLE `directories` ADD `inactive_user_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- SQLite-only, like 0008: the count starts from what the table holds and then moves with each
-- row a trigger sees, in the transaction that writes it, whichever process writes.
UPDATE `directories` SET `inactive_user_count` = (
  SELECT count(*) FROM `users`
  WHERE `users`.`directory_id` = `directories`.`id` AND `users`.`active` = 0
);--> statement-breakpoint
CREATE TRIGGER `users_inactive_count_insert` AFTER INSERT ON `users` WHEN NEW.`active` = 0 BEGIN
  UPDATE `directories` SET `inactive_user_count` = `inactive_user_count` + 1
  WHERE `id` = NEW.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `users_inactive_count_delete` AFTER DELETE ON `users` WHEN OLD.`active` = 0 BEGIN
  UPDATE `directories` SET `inactive_user_count` = `inactive_user_count` - 1
  WHERE `id` = OLD.`directory_id`;
END;--> statement-breakpoint
CREATE TRIGGER `users_inactive_count_change` AFTER UPDATE OF `active`, `directory_id` ON `users`
  WHEN NEW.`active` IS NOT OLD.`active` OR NEW.`directory_id` IS NOT OLD.`directory_id` BEGIN
  UPDATE `directories` SET `inactive_user_count` = `inactive_user_count` - 1
  WHERE `id` = OLD.`directory_id` AND OLD.`active` = 0;
  UPDATE `directories` SET `inactive_user_count` = `inactive_user_count` + 1
  WHERE `id` = NEW.`directory_id` AND NEW.`active` = 0;
END;
