ALTER TABLE `webhooks` ADD `fanned_out_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `webhooks` ADD `fanned_out_event_id` text;--> statement-breakpoint
-- Each webhook starts where the one global fan-out mark was, or after the last event
-- older than the webhook (the rule the global fan-out applied), so nothing is delivered
-- twice or lost across the upgrade.
UPDATE `webhooks` SET `fanned_out_sequence` = coalesce((
  SELECT max(e.rowid) FROM `webhook_events` e
  WHERE e.rowid <= coalesce(
      (SELECT m.rowid FROM `webhook_events` m JOIN `app_settings` s ON m.id = json_extract(s.value, '$.eventId') WHERE s.key = 'webhooks_fanned_out_to'),
      (SELECT json_extract(s.value, '$.sequence') FROM `app_settings` s WHERE s.key = 'webhooks_fanned_out_to'),
      0)
    OR e.created_at < `webhooks`.`created_at`
), 0);--> statement-breakpoint
UPDATE `webhooks` SET `fanned_out_event_id` = (SELECT e.id FROM `webhook_events` e WHERE e.rowid = `webhooks`.`fanned_out_sequence`);--> statement-breakpoint
DELETE FROM `app_settings` WHERE `key` = 'webhooks_fanned_out_to';
