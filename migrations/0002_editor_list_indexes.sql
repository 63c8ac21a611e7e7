DROP INDEX `articles_published_idx`;--> statement-breakpoint
DROP INDEX `articles_status_published_idx`;--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (coalesce(`published_at`, ''),`id`);--> statement-breakpoint
CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,coalesce(`published_at`, ''),`id`);--> statement-breakpoint
CREATE INDEX `article_tags_published_idx` ON `article_tags` (`tag`,coalesce(`published_at`, ''),`article_id`);
