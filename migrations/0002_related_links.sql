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
CREATE INDEX `related_links_related_idx` ON `related_links` (`related_id`,`article_id`);