-- SQLite-only, like every migration here. A user's `groups` (RFC 7643 §4.1.2) is part of its
-- representation, so a user gaining or losing a group, or one of its groups being renamed, moves
-- the user's version and lastModified on: its ETag must not let a client keep (304) or write
-- over (If-Match) a `groups` it has not seen. Triggers do it in the writing transaction, for
-- every path that changes memberships, cascades from a group's deletion included. Inserts that
-- ON CONFLICT DO NOTHING skips fire nothing, so re-sending a member changes no version.
CREATE TRIGGER `group_members_user_joined` AFTER INSERT ON `group_members`
  WHEN NEW.`member_type` = 'User' BEGIN
  UPDATE `users` SET `version` = `version` + 1,
    `last_modified` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `id` = NEW.`member_id`;
END;--> statement-breakpoint
CREATE TRIGGER `group_members_user_left` AFTER DELETE ON `group_members`
  WHEN OLD.`member_type` = 'User' BEGIN
  UPDATE `users` SET `version` = `version` + 1,
    `last_modified` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `id` = OLD.`member_id`;
END;--> statement-breakpoint
CREATE TRIGGER `groups_renamed_for_members` AFTER UPDATE OF `display_name` ON `groups`
  WHEN NEW.`display_name` IS NOT OLD.`display_name` BEGIN
  UPDATE `users` SET `version` = `version` + 1,
    `last_modified` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE `id` IN (
    SELECT `member_id` FROM `group_members`
    WHERE `group_id` = NEW.`id` AND `member_type` = 'User'
  );
END;
