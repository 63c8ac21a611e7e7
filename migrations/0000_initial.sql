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
	`comment_count` integer DEFAULT 0 NOT NULL,
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
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`article_id` text NOT NULL,
	`parent_id` text,
	`root_id` text,
	`depth` integer NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`edited_at` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "comments_status_check" CHECK(status IN ('pending', 'approved', 'rejected', 'spam')),
	CONSTRAINT "comments_depth_check" CHECK(depth BETWEEN 0 AND 3),
	CONSTRAINT "comments_shape_check" CHECK((parent_id IS NULL AND root_id IS NULL AND depth = 0) OR (parent_id IS NOT NULL AND root_id IS NOT NULL AND depth >= 1)),
	CONSTRAINT "comments_body_check" CHECK(length(body) <= 5000 AND (deleted_at IS NOT NULL OR length(body) >= 1))
);
--> statement-breakpoint
CREATE INDEX `comments_roots_idx` ON `comments` (`article_id`,`status`,`created_at`,`id`) WHERE parent_id IS NULL;--> statement-breakpoint
CREATE INDEX `comments_roots_all_idx` ON `comments` (`article_id`,`created_at`,`id`) WHERE parent_id IS NULL;--> statement-breakpoint
CREATE INDEX `comments_thread_idx` ON `comments` (`root_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `comments_queue_idx` ON `comments` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `comments_article_status_idx` ON `comments` (`article_id`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `related_links` (
	`article_id` text NOT NULL,
	`related_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`article_id`, `related_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "related_links_not_self_check" CHECK(article_id <> related_id),
	CONSTRAINT "related_links_position_check" CHECK(position >= 1)
);
--> statement-breakpoint
CREATE INDEX `related_links_article_position_idx` ON `related_links` (`article_id`,`position`);--> statement-breakpoint
CREATE INDEX `related_links_related_idx` ON `related_links` (`related_id`,`article_id`);--> statement-breakpoint
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
CREATE INDEX `sources_published_idx` ON `sources` (coalesce(`published_at`, ''),`id`);--> statement-breakpoint
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