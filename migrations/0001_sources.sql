CREATE TABLE `citations` (
	`article_id` text NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`article_id`, `source_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "citations_position_check" CHECK(position >= 1)
);
--> statement-breakpoint
CREATE INDEX `citations_article_position_idx` ON `citations` (`article_id`,`position`);--> statement-breakpoint
CREATE INDEX `citations_source_idx` ON `citations` (`source_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`publisher` text,
	`author` text,
	`published_at` text,
	`accessed_at` text,
	`language` text,
	`notes` text,
	`content_hash` text,
	`archived_url` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "sources_title_length_check" CHECK(length(title) BETWEEN 1 AND 500),
	CONSTRAINT "sources_version_check" CHECK(version >= 1),
	CONSTRAINT "sources_content_hash_check" CHECK(content_hash IS NULL OR (length(content_hash) = 64 AND content_hash NOT GLOB '*[^0-9a-f]*'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_url_unique` ON `sources` (`url`);--> statement-breakpoint
CREATE INDEX `sources_created_idx` ON `sources` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `sources_publisher_idx` ON `sources` (coalesce(`publisher`, ''),`id`);--> statement-breakpoint
CREATE INDEX `sources_published_idx` ON `sources` (coalesce(`published_at`, ''),`id`);