-- Events are keyed by their sequence, an INTEGER PRIMARY KEY: the rowid itself, so writing an
-- event is one B-tree insert instead of two (the text id kept an index of its own), and
-- VACUUM keeps the numbers, so a webhook's cursor is the sequence alone. The text id stays
-- as the id payloads carry. Migrations run in one transaction with foreign keys enforced:
-- the new tables are filled before the old ones go, and dropping the old events table
-- after the old deliveries cascades nothing. Each sequence is the event's rowid until now.
-- A delivery whose event is gone (possible only if rows were deleted with foreign keys
-- off, as the sqlite3 shell has them) is not carried over: the API never listed one.
CREATE TABLE `__new_webhook_events` (
	`sequence` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_webhook_events` (`sequence`, `id`, `type`, `data`, `created_at`)
	SELECT `rowid`, `id`, `type`, `data`, `created_at` FROM `webhook_events` ORDER BY `rowid`;--> statement-breakpoint
CREATE TABLE `__new_webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`webhook_id` text NOT NULL,
	`event_sequence` integer NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_attempt_at` text,
	`last_status_code` integer,
	`last_error` text,
	`delivered_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_sequence`) REFERENCES `__new_webhook_events`(`sequence`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "webhook_deliveries_status_check" CHECK(status IN ('pending', 'delivered', 'failed')),
	CONSTRAINT "webhook_deliveries_attempts_check" CHECK(attempts >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_webhook_deliveries` (`id`, `webhook_id`, `event_sequence`, `status`, `attempts`, `next_attempt_at`, `last_attempt_at`, `last_status_code`, `last_error`, `delivered_at`, `created_at`)
	SELECT d.`id`, d.`webhook_id`, e.`rowid`, d.`status`, d.`attempts`, d.`next_attempt_at`, d.`last_attempt_at`, d.`last_status_code`, d.`last_error`, d.`delivered_at`, d.`created_at`
	FROM `webhook_deliveries` d JOIN `webhook_events` e ON e.`id` = d.`event_id`;--> statement-breakpoint
-- A cursor whose event VACUUM renumbered is placed by that event's id, as it was read until now.
UPDATE `webhooks` SET `fanned_out_sequence` = coalesce((SELECT e.`rowid` FROM `webhook_events` e WHERE e.`id` = `webhooks`.`fanned_out_event_id`), `fanned_out_sequence`);--> statement-breakpoint
DROP TABLE `webhook_deliveries`;--> statement-breakpoint
DROP TABLE `webhook_events`;--> statement-breakpoint
-- Renaming also renames the reference in the new deliveries table's foreign key.
ALTER TABLE `__new_webhook_events` RENAME TO `webhook_events`;--> statement-breakpoint
ALTER TABLE `__new_webhook_deliveries` RENAME TO `webhook_deliveries`;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_due_idx` ON `webhook_deliveries` (`webhook_id`,`next_attempt_at`,`id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_idx` ON `webhook_deliveries` (`webhook_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_event_idx` ON `webhook_deliveries` (`event_sequence`);--> statement-breakpoint
ALTER TABLE `webhooks` DROP COLUMN `fanned_out_event_id`;
