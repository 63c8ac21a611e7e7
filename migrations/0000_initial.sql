CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`expires_at` text,
	`last_used_at` text,
	`revoked_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "api_tokens_kind_check" CHECK(kind IN ('api', 'session'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `api_tokens_created_idx` ON `api_tokens` (`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `article_revisions` (
	`article_id` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	PRIMARY KEY(`article_id`, `version`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `article_tags` (
	`article_id` text NOT NULL,
	`tag` text NOT NULL,
	`status` text NOT NULL,
	`published_at` text,
	PRIMARY KEY(`article_id`, `tag`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_tags_public_idx` ON `article_tags` (`tag`,`published_at`,`article_id`) WHERE status IN ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX `article_tags_tag_idx` ON `article_tags` (`tag`,`article_id`);--> statement-breakpoint
CREATE INDEX `article_tags_published_idx` ON `article_tags` (`tag`,coalesce(`published_at`, ''),`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`dek` text NOT NULL,
	`status` text NOT NULL,
	`published_at` text,
	`byline` text,
	`tags` text NOT NULL,
	`origin` text NOT NULL,
	`model` text,
	`reviewed_by` text,
	`reviewed_at` text,
	`disclosure` text,
	`comments_enabled` integer NOT NULL,
	`author_id` text,
	`reading_time_minutes` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer NOT NULL,
	`outline` text NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "articles_status_check" CHECK(status IN ('draft', 'scheduled', 'published', 'archived')),
	CONSTRAINT "articles_origin_check" CHECK(origin IN ('human', 'ai-assisted', 'ai-generated')),
	CONSTRAINT "articles_published_at_check" CHECK(status NOT IN ('published', 'scheduled') OR published_at IS NOT NULL),
	CONSTRAINT "articles_title_length_check" CHECK(length(title) BETWEEN 1 AND 300),
	CONSTRAINT "articles_version_check" CHECK(version >= 1),
	CONSTRAINT "articles_reading_time_check" CHECK(reading_time_minutes >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_public_published_idx` ON `articles` (`published_at`,`id`) WHERE status IN ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX `articles_public_updated_idx` ON `articles` (`updated_at`,`id`) WHERE status IN ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX `articles_public_title_idx` ON `articles` (`title`,`id`) WHERE status IN ('published', 'scheduled');--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (coalesce(`published_at`, ''),`id`);--> statement-breakpoint
CREATE INDEX `articles_updated_idx` ON `articles` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `articles_title_idx` ON `articles` (`title`,`id`);--> statement-breakpoint
CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,coalesce(`published_at`, ''),`id`);--> statement-breakpoint
CREATE INDEX `articles_author_idx` ON `articles` (`author_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`disabled_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_role_check" CHECK(role IN ('admin', 'editor', 'author', 'member'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_created_idx` ON `users` (`created_at`,`id`);