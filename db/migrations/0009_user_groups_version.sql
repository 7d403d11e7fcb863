-- SQLite-only, like every migration here. A user's `groups` and a group's `members` carry the
-- other side's display name (RFC 7643 §4.1.2, §4.2), so a change on one side changes the
-- other's representation, and its version moves on: an ETag must not let a client keep (304)
-- or write over (If-Match) what it has not seen. lastModified stays the resource's own: moving
-- it would rewrite an index entry per member (a third more time renaming a 49k-member group)
-- and hand every member to a client that syncs by `meta.lastModified gt`. Inserts that
-- ON CONFLICT DO NOTHING skips fire nothing, so re-sending a member changes no version.
CREATE TRIGGER `group_members_user_joined` AFTER INSERT ON `group_members`
  WHEN NEW.`member_type` = 'User' BEGIN
  UPDATE `users` SET `version` = `version` + 1 WHERE `id` = NEW.`member_id`;
END;--> statement-breakpoint
CREATE TRIGGER `group_members_user_left` AFTER DELETE ON `group_members`
  WHEN OLD.`member_type` = 'User' BEGIN
  UPDATE `users` SET `version` = `version` + 1 WHERE `id` = OLD.`member_id`;
END;--> statement-breakpoint
CREATE TRIGGER `groups_renamed_for_members` AFTER UPDATE OF `display_name` ON `groups`
  WHEN NEW.`display_name` IS NOT OLD.`display_name` BEGIN
  UPDATE `users` SET `version` = `version` + 1
  WHERE `id` IN (
    SELECT `member_id` FROM `group_members`
    WHERE `group_id` = NEW.`id` AND `member_type` = 'User'
  );
  UPDATE `groups` SET `version` = `version` + 1
  WHERE `id` IN (
    SELECT `group_id` FROM `group_members`
    WHERE `member_id` = NEW.`id` AND `member_type` = 'Group'
  );
END;--> statement-breakpoint
CREATE TRIGGER `users_renamed_for_groups` AFTER UPDATE OF `display_name`, `user_name` ON `users`
  WHEN NEW.`display_name` IS NOT OLD.`display_name` OR NEW.`user_name` IS NOT OLD.`user_name`
  BEGIN
  UPDATE `groups` SET `version` = `version` + 1
  WHERE `id` IN (SELECT `group_id` FROM `group_members` WHERE `member_id` = NEW.`id`);
END;
