-- Full-text index over articles (external content: the text lives in articles only).
-- Kept in step by triggers, so every write path, including imports and restores, is indexed
-- in the same transaction; an update that leaves the text as it was does not re-index. Title is weighted above dek, tags and body at query time (bm25).
-- articles has no INTEGER PRIMARY KEY, so VACUUM may renumber its rowids: after a VACUUM run
-- INSERT INTO articles_fts(articles_fts) VALUES('rebuild').
CREATE VIRTUAL TABLE `articles_fts` USING fts5(title, dek, body, tags, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_after_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, dek, body, tags) VALUES (new.rowid, new.title, new.dek, new.body, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_after_delete` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body, tags) VALUES ('delete', old.rowid, old.title, old.dek, old.body, old.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_after_update` AFTER UPDATE OF title, dek, body, tags ON `articles`
  WHEN old.title IS NOT new.title OR old.dek IS NOT new.dek OR old.body IS NOT new.body OR old.tags IS NOT new.tags BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, body, tags) VALUES ('delete', old.rowid, old.title, old.dek, old.body, old.tags);
  INSERT INTO articles_fts(rowid, title, dek, body, tags) VALUES (new.rowid, new.title, new.dek, new.body, new.tags);
END;
--> statement-breakpoint
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
--> statement-breakpoint
-- articles.comment_count: approved comments that are not deleted, kept by triggers so
-- every write path (moderation, edits, soft deletes) counts the same way in its own transaction.
CREATE TRIGGER `comments_count_after_insert` AFTER INSERT ON `comments`
  WHEN new.status = 'approved' AND new.deleted_at IS NULL BEGIN
  UPDATE articles SET comment_count = comment_count + 1 WHERE id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_count_after_update` AFTER UPDATE OF status, deleted_at ON `comments`
  WHEN (old.status = 'approved' AND old.deleted_at IS NULL) IS NOT (new.status = 'approved' AND new.deleted_at IS NULL) BEGIN
  UPDATE articles SET comment_count = comment_count + (CASE WHEN new.status = 'approved' AND new.deleted_at IS NULL THEN 1 ELSE -1 END)
  WHERE id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `comments_count_after_delete` AFTER DELETE ON `comments`
  WHEN old.status = 'approved' AND old.deleted_at IS NULL BEGIN
  UPDATE articles SET comment_count = comment_count - 1 WHERE id = old.article_id;
END;
