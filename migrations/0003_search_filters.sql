CREATE TABLE `article_search_filters` (
	`article_rowid` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`status` text NOT NULL,
	`published_at` text,
	`author_id` text,
	`origin` text NOT NULL
);
--> statement-breakpoint
-- Kept in step with articles by triggers, so every write path (imports and restores included)
-- updates it in the same transaction. Keyed by articles' rowid like articles_fts: after a
-- VACUUM, which may renumber rowids, refill it as below along with the full-text 'rebuild'.
INSERT INTO `article_search_filters` (article_rowid, id, status, published_at, author_id, origin)
  SELECT rowid, id, status, published_at, author_id, origin FROM articles;
--> statement-breakpoint
CREATE TRIGGER `article_search_filters_after_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO article_search_filters (article_rowid, id, status, published_at, author_id, origin)
    VALUES (new.rowid, new.id, new.status, new.published_at, new.author_id, new.origin);
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_filters_after_update` AFTER UPDATE OF id, status, published_at, author_id, origin ON `articles` BEGIN
  UPDATE article_search_filters SET id = new.id, status = new.status, published_at = new.published_at, author_id = new.author_id, origin = new.origin
    WHERE article_rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_filters_after_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM article_search_filters WHERE article_rowid = old.rowid;
END;
