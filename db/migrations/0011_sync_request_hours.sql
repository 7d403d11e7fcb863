CREATE TABLE `sync_request_hours` (
	`directory_id` text NOT NULL,
	`hour` text NOT NULL,
	`requests` integer NOT NULL,
	`errors` integer NOT NULL,
	PRIMARY KEY(`hour`, `directory_id`)
);
--> statement-breakpoint
-- SQLite-only, like 0008: the hours start from the requests already logged, then each insert
-- adds to its hour in the writer's own transaction.
INSERT INTO `sync_request_hours` (`directory_id`, `hour`, `requests`, `errors`)
SELECT `directory_id`, substr(`created_at`, 1, 13), count(*), sum(`status` >= 400)
FROM `sync_requests` WHERE `directory_id` IS NOT NULL GROUP BY 1, 2;--> statement-breakpoint
CREATE TRIGGER `sync_requests_hour_count` AFTER INSERT ON `sync_requests`
  WHEN NEW.`directory_id` IS NOT NULL BEGIN
  INSERT INTO `sync_request_hours` (`directory_id`, `hour`, `requests`, `errors`)
  VALUES (NEW.`directory_id`, substr(NEW.`created_at`, 1, 13), 1, NEW.`status` >= 400)
  ON CONFLICT (`hour`, `directory_id`) DO UPDATE SET
    `requests` = `requests` + 1, `errors` = `errors` + excluded.`errors`;
END;
