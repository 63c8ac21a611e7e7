export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description Answers 200 while the process runs; for container health checks.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Request counts and latency histograms per route (method, route pattern, status class), the SQLite database and WAL sizes, the webhook delivery queue depth, and process metrics (CPU, memory, event-loop lag, GC). For a monitoring scraper: give it an API token with the metrics:read scope alone. Answered even when the server sheds load.
         *
         *     Requires a bearer token with the `metrics:read` scope.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description Answers 200 when the database is open and every migration is applied and the server is not overloaded, 503 otherwise (so a load balancer sends traffic elsewhere).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List articles
         * @description Keyset-paginated list of article summaries. Anonymous callers see published articles only (including scheduled ones whose time has come); callers with content:read see every status and may filter by it.
         */
        get: operations["listArticles"];
        put?: never;
        /**
         * Create an article
         * @description Creates an article (a draft unless status says otherwise). The slug comes from the title when absent and is made unique; an explicit slug already in use is a 409. Publishing sets publishedAt to now when absent; scheduled needs a future publishedAt.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        post: operations["createArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article by id
         * @description Returns the article with an ETag; send it back in If-None-Match to get a 304 when nothing changed. Drafts and other unpublished articles are a 404 unless the caller has content:read.
         */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        /**
         * Delete an article
         * @description Deletes the article and its revision history. With If-Match, a stale ETag is a 412 and nothing is deleted.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        delete: operations["deleteArticle"];
        options?: never;
        head?: never;
        /**
         * Update an article
         * @description Changes only the fields sent and increments version; the previous version stays in the revision history. With If-Match, a stale ETag is a 412 and nothing is written. Setting status to published sets publishedAt when absent; scheduled needs a future publishedAt.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        patch: operations["updateArticle"];
        trace?: never;
    };
    "/v1/articles/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An article's comment threads
         * @description Top-level comments, keyset-paginated (oldest first by default), each with its replies nested in order and a replyCount, so one request renders a page of the thread. The public sees approved comments; moderators see every status or filter with status. Deleted comments keep their place without a body.
         */
        get: operations["listArticleComments"];
        put?: never;
        /**
         * Comment on an article
         * @description Signed-in readers post plain text (1-5,000 characters, trimmed). A reply names parentId, a comment on the same article; replies nest at most 3 deep (deeper ones attach to the deepest allowed ancestor). New comments wait for moderation (pending) unless COMMENTS_AUTO_APPROVE is on or the author is an editor. 403 when comments are off or the article is not public; rate limited per user (429 with Retry-After).
         *
         *     Requires a bearer token with the `comments:write` scope.
         */
        post: operations["createComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/related": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An article's related articles
         * @description The curated "Related articles" list, in order. Anonymous callers see only published targets; an article that is deleted disappears from every list. The list has an ETag of its own (links do not change the article's version): send it in If-None-Match for a 304, or in If-Match on a write.
         */
        get: operations["listRelatedArticles"];
        /**
         * Replace an article's related articles
         * @description Replaces the ordered list in one transaction. The article itself or a repeated id is a 400; an unknown id is a 404 naming it (missingIds). With reciprocal, each target also links back (appended when missing). Honours If-Match with the list's ETag.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        put: operations["replaceRelatedArticles"];
        /**
         * Add a related article
         * @description Adds one link at position (1-based; the end when absent). A self-link is a 400, an existing link a 409 already_related, an unknown target a 404 naming it. With reciprocal, the target links back too. Honours If-Match with the list's ETag.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        post: operations["addRelatedArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/related/{relatedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a related article
         * @description Removes one link; the others keep their order. reciprocal=true removes the link back as well. Honours If-Match with the list's ETag.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        delete: operations["removeRelatedArticle"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/related/suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggest related articles
         * @description Published articles not yet linked, scored from shared sources (3 each), shared tags (1 each) and text similarity (0 to 2): published candidates in the search index containing the least common words of this article's title and dek (three at a time: all, the two rarest, then any), by bm25 relative to the best match. Best first, each with its reasons.
         *
         *     Requires a bearer token with the `content:read` scope.
         */
        get: operations["suggestRelatedArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an article reviewed
         * @description An editor vouches for the article's current text and sources: provenance.reviewedBy becomes the caller and reviewedAt now, in a new version. An ai-generated article cannot be published or scheduled without it (409 review_required), nor without a cited source (409 sources_required). Any later change to the body or the sources clears the review. Editors and admins only; honours If-Match.
         *
         *     Requires a bearer token with the `content:write` scope, belonging to an editor or an admin.
         */
        post: operations["reviewArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an article's versions
         * @description Every version the article has had, newest first. Each write keeps the version it replaced.
         *
         *     Each item names the version, its title and status, when it was written and by whom; get one version for its full content.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        get: operations["listArticleRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/revisions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one version of an article
         * @description The full content of one earlier version: the fields an editor can restore, with the sources cited then. Versions are numbered from 1 and never change once written.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        get: operations["getArticleRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/revisions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an old version
         * @description Writes the content of that version (slug, title, dek, body, tags, byline, provenance, disclosure, commentsEnabled) as a new version. Status and publishedAt stay as they are now, so restoring wording never unpublishes. Honours If-Match.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        post: operations["restoreArticleRevision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An article's sources
         * @description The ordered citations of an article, each with its note and source. Visible to whoever can see the article.
         */
        get: operations["listArticleSources"];
        /**
         * Replace an article's sources
         * @description Replaces the whole ordered list in one transaction: each item cites an existing source by id, or describes one (found by normalised URL or created). One bad item fails the request and leaves the old list as it was. Writes a new article version and clears its review. Honours If-Match on the article.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        put: operations["replaceArticleSources"];
        /**
         * Attach a source to an article
         * @description Adds one citation at position (1-based; the end when absent). Citing the same source twice is a 409 already_cited. Writes a new article version and clears its review.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        post: operations["attachArticleSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/sources/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Detach a source from an article
         * @description Removes one citation; the others keep their order. Writes a new article version and clears its review.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        delete: operations["detachArticleSource"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/slug/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article by slug
         * @description The same as getting by id, addressed by the URL slug a frontend routes on.
         */
        get: operations["getArticleBySlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Exchanges email and password for a session token (nds_…), valid for 30 days and extended by each use. A wrong email and a wrong password give the same 401 and take the same time. Rate limited per client address and per email (429 with Retry-After).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Revokes the session token that made the request. API tokens are revoked with DELETE /v1/tokens/{id} instead (400 here).
         *
         *     Requires any valid bearer token.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I
         * @description The signed-in account, and the token used, with the scopes it carries.
         *
         *     Requires any valid bearer token.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a reader account
         * @description Creates a member account (members may comment). The email is normalised to lower case and must be unused (409); the password needs 10+ characters and must not be the email. Closed with 403 when REGISTRATION=closed; rate limited per client address.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The moderation queue
         * @description Comments in one status (pending by default), optionally for one article, oldest first, keyset-paginated.
         *
         *     Requires a bearer token with the `comments:moderate` scope.
         */
        get: operations["listModerationQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a comment
         * @description Approved comments are public; others are visible to their author and to moderators (404 to anyone else).
         */
        get: operations["getComment"];
        put?: never;
        post?: never;
        /**
         * Delete a comment
         * @description The author or a moderator deletes a comment: its text is removed, it is marked deleted, and its replies stay in place. Honours If-Match.
         *
         *     Requires any valid bearer token.
         */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        /**
         * Edit or moderate a comment
         * @description The author may change the body within 15 minutes of posting (editedAt is set); moderators change the status. Honours If-Match.
         *
         *     Requires any valid bearer token.
         */
        patch: operations["updateComment"];
        trace?: never;
    };
    "/v1/comments/moderate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Moderate many comments
         * @description Sets every listed comment to the status in one transaction; ids that match no comment are returned in unknown.
         *
         *     Requires a bearer token with the `comments:moderate` scope.
         */
        post: operations["moderateComments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export everything as NDJSON
         * @description Streams every source, article (with its citations by source URL and related articles by slug) and approved comment, one JSON object per line with a type field, in the order POST /v1/import needs: the output imports into an empty database as the same content, ids included. Read in pages as the client reads, so any size streams in flat memory; not a point-in-time snapshot if others write meanwhile.
         *
         *     Sends the file as an attachment named newsdesk-export-<date>.ndjson. Comments awaiting moderation, rejected or marked as spam stay out of it.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["exportContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import articles, sources and comments
         * @description Creates or updates many items at once: a JSON array, or NDJSON (application/x-ndjson, one item per line) such as GET /v1/export writes. Articles are matched by slug, sources by normalised URL, comments by id; an item that would change nothing is reported unchanged and writes nothing, so importing the same file twice is a no-op.
         *
         *     Every item goes through the same rules as the API (an author's items stay drafts, ai-generated articles need sources and a review to go public, every change is a new version). Items are validated and written one by one: the answer is 200 with a result per item, and the valid ones land even when others fail. Sources are written first, then articles, then related links (which may name articles later in the file), then comments.
         *
         *     Limits: IMPORT_BODY_LIMIT bytes (default 128 MiB; 413 beyond) and IMPORT_MAX_ITEMS items (default 20,000; 400 beyond). Comment lines need the admin scope; reviewed: true needs an editor or admin.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        post: operations["importContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sources
         * @description Keyset-paginated sources, filtered by publisher, exact (normalised) URL, or text in the title or publisher.
         */
        get: operations["listSources"];
        put?: never;
        /**
         * Create a source
         * @description Records a source article. The URL is normalised (see the README) and unique: a URL already known is a 409 source_exists whose problem carries existingId.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        post: operations["createSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a source
         * @description A source with an ETag. Sources are public: knowing what a newsroom cites is part of trusting it.
         */
        get: operations["getSource"];
        put?: never;
        post?: never;
        /**
         * Delete a source
         * @description Deleting a source that articles cite is a 409 source_in_use listing them (citedBy), unless detach=true removes it from those articles first: each gets a new version and loses its review, and the request fails (nothing changes) if that would leave a live ai-generated article unsourced or unreviewed. Honours If-Match.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        delete: operations["deleteSource"];
        options?: never;
        head?: never;
        /**
         * Update a source
         * @description Changes the fields sent; a new URL is normalised and must not belong to another source (409). Honours If-Match.
         *
         *     Requires a bearer token with the `content:write` scope.
         */
        patch: operations["updateSource"];
        trace?: never;
    };
    "/v1/sources/{id}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Articles citing a source
         * @description The published articles that cite the source (editors: every article), newest first.
         */
        get: operations["listSourceArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tags with article counts
         * @description Every tag used by a published article, with how many published articles carry it; most used first.
         */
        get: operations["listTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tokens
         * @description Your own tokens (sessions included), newest first; admins see everyone's, or one user's with userId. Secrets are never shown again, only their prefix.
         *
         *     Requires any valid bearer token.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token
         * @description Creates an API token (ndk_…) and returns its secret this once. Scopes cannot exceed the owner's role, nor the scopes of the token making the request (403 scope_not_allowed). Admins may create tokens for other users.
         *
         *     Requires any valid bearer token.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a token
         * @description Revokes one of your tokens (admins: anyone's); it stops working at once. Revoking twice is harmless.
         *
         *     Requires any valid bearer token.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Every account, newest first, optionally only one role. Passwords are never returned.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Creates an account with any role, typically an editor or author. The email must be unused (409).
         *
         *     Requires a bearer token with the `admin` scope.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user
         * @description One account with its role and whether it is disabled, with an ETag to send back as If-Match when changing it.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Deletes the account and its tokens. Their articles stay (without an author). The last active admin cannot be deleted (409). Honours If-Match.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Change a user
         * @description Changes display name, role or password, or disables the account ({ "disabled": true }): a disabled user's sessions and tokens stop working at once. The last active admin cannot be demoted or disabled (409). Honours If-Match.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhooks
         * @description Every webhook, newest first, keyset-paginated; active filters by state. Secrets are never listed.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description Subscribes a URL to events (names or wildcards such as "article.*" and "*"). The signing secret (whsec_…) is generated and returned this once. The URL's host is resolved now and at every delivery: a target on a loopback, private, link-local, metadata or other non-public address is a 400 webhook_target_forbidden.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook
         * @description One webhook: its URL, the events it receives and whether it is active, with an ETag to send back as If-Match when changing it. The signing secret is never shown again after creation; rotate it to get a new one.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook
         * @description Deletes the webhook and its deliveries, pending ones included. Honours If-Match.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Update a webhook
         * @description Changes the URL (checked like on create), the events, the description, or turns it off and on (active). Honours If-Match.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook's deliveries
         * @description Each event sent (or being sent) to the webhook, newest first: its state, attempts, the last response code or error, and when the next attempt is due. An event is listed once the webhook has taken it up from the outbox: a webhook takes up new events only while it has fewer than 4 × WEBHOOK_CONCURRENCY deliveries pending, so behind a slow receiver the latest events wait there, in order, and are not listed yet.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery
         * @description One delivery: the event it carries, its state, how many attempts were made, the last response code or error, and when the next attempt is due. Its ETag changes with every attempt, so If-None-Match polls cheaply until it is delivered or failed.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Attempts the delivery's event again, now, and answers at once (202) with the delivery that will carry it: the same one when it is still pending, otherwise a new delivery of the same event (same payload id, new Newsdesk-Delivery id). 409 webhook_inactive when the webhook is off.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ping a webhook
         * @description Sends a ping event, whose data is the webhook itself, to this webhook only, and answers at once (202) with its delivery: a way to check the receiver and its signature check. 409 webhook_inactive when the webhook is off.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook's secret
         * @description Replaces the signing secret and returns the new one this once; every attempt from now on, retries included, is signed with it. Honours If-Match.
         *
         *     Requires a bearer token with the `admin` scope.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An article with its body and derived fields.
         * @example {
         *       "id": "019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d",
         *       "slug": "harbour-bridge-reopens-after-repairs",
         *       "title": "Harbour bridge reopens after eight months of repairs",
         *       "dek": "The crossing carries 40,000 vehicles a day; engineers say the new deck should last fifty years.",
         *       "body": "## What changed\n\nThe deck was replaced in sections...\n\n## What it cost\n\nThe final bill came in under budget...",
         *       "status": "published",
         *       "publishedAt": "2026-11-20T08:30:00.000Z",
         *       "tags": [
         *         "transport",
         *         "infrastructure"
         *       ],
         *       "byline": "Maria Okafor",
         *       "provenance": {
         *         "origin": "human",
         *         "model": null,
         *         "reviewedBy": null,
         *         "reviewedAt": null
         *       },
         *       "disclosure": null,
         *       "commentsEnabled": true,
         *       "authorId": "019a6f1e-0000-7000-8000-000000000001",
         *       "readingTimeMinutes": 4,
         *       "outline": [
         *         {
         *           "level": 2,
         *           "text": "What changed",
         *           "anchor": "what-changed"
         *         },
         *         {
         *           "level": 2,
         *           "text": "What it cost",
         *           "anchor": "what-it-cost"
         *         }
         *       ],
         *       "commentCount": 12,
         *       "createdAt": "2026-11-19T16:02:11.000Z",
         *       "updatedAt": "2026-11-20T08:30:00.000Z",
         *       "version": 3
         *     }
         */
        Article: {
            /** @description The user who created the article. */
            authorId: string | null;
            /** @description Markdown. Headings become the outline. */
            body: string;
            /** @description The body rendered to HTML; present only with format=html. Raw HTML in the Markdown is escaped and unsafe links are dropped. */
            bodyHtml?: string;
            byline: string | null;
            /** @description Approved, undeleted reader comments. */
            commentCount: number;
            commentsEnabled: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description One-paragraph summary shown under the title. */
            dek: string;
            /** @description Reader-facing note on how the article was produced. */
            disclosure: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            outline: components["schemas"]["OutlineEntry"][];
            provenance: components["schemas"]["Provenance"];
            /** @description When the article went (or goes) public. */
            publishedAt: string | null;
            readingTimeMinutes: number;
            /** @description Related articles in order; present with include=related. */
            related?: components["schemas"]["RelatedArticle"][];
            /** @description How the article matched; present in lists searched with q. */
            search?: components["schemas"]["SearchHit"];
            /**
             * @description URL name of the article, unique across all articles.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug: string;
            /** @description The cited sources in order; present with include=sources. */
            sources?: components["schemas"]["Citation"][];
            status: components["schemas"]["ArticleStatus"];
            /**
             * @description Lowercase kebab-case tags.
             * @example [
             *       "transport",
             *       "infrastructure"
             *     ]
             */
            tags: string[];
            /** @example Harbour bridge reopens after eight months of repairs */
            title: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            /** @description Increments on every change; the ETag carries it. */
            version: number;
        };
        /**
         * @description A new article. Unknown fields and server-owned fields (id, version, createdAt, updatedAt) are refused.
         * @example {
         *       "title": "Harbour bridge reopens after eight months of repairs",
         *       "dek": "The crossing carries 40,000 vehicles a day.",
         *       "body": "## What changed\n\nThe deck was replaced in sections.",
         *       "tags": [
         *         "transport"
         *       ],
         *       "byline": "Maria Okafor"
         *     }
         */
        ArticleCreateInput: {
            /**
             * @description Markdown, at most 200,000 characters. Raw HTML is not rendered.
             * @default
             */
            body?: string;
            byline?: string | null;
            /** @default true */
            commentsEnabled?: boolean;
            /** @default  */
            dek?: string;
            disclosure?: string | null;
            /**
             * @default {
             *       "origin": "human"
             *     }
             */
            provenance?: components["schemas"]["ProvenanceWriteInput"];
            /** @description Required in the future for scheduled; set to now on publishing when absent. */
            publishedAt?: string | null;
            /**
             * @description Derived from the title when absent (made unique with -2, -3…). An explicit slug already in use is a 409.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug?: string;
            /** @description The sources the article is written from, in order; each by id or described inline (found by URL or created). */
            sources?: components["schemas"]["CitationItemsInput"];
            /** @default draft */
            status?: components["schemas"]["ArticleStatusInput"];
            /**
             * @description Up to 20 tags; normalised to lowercase kebab-case and de-duplicated.
             * @default []
             * @example [
             *       "Transport",
             *       "city council"
             *     ]
             */
            tags?: string[];
            /** @example Harbour bridge reopens after eight months of repairs */
            title: string;
        };
        /**
         * @description Who wrote the text: a person, a person helped by a model, or a model.
         * @enum {string}
         */
        ArticleOrigin: "human" | "ai-assisted" | "ai-generated";
        /**
         * @description Who wrote the text: a person, a person helped by a model, or a model.
         * @enum {string}
         */
        ArticleOriginInput: "human" | "ai-assisted" | "ai-generated";
        /** @description One page of articles, newest first unless sort says otherwise. */
        ArticlePage: {
            data: components["schemas"]["ArticleSummary"][];
            page: components["schemas"]["Page"];
        };
        /**
         * @description A partial update: only the fields sent change. Send If-Match with the ETag you read to avoid overwriting someone else's edit.
         * @example {
         *       "status": "published"
         *     }
         * @example {
         *       "title": "Harbour bridge reopens early",
         *       "tags": [
         *         "transport",
         *         "city"
         *       ]
         *     }
         */
        ArticlePatchInput: {
            /** @description Markdown, at most 200,000 characters. Raw HTML is not rendered. */
            body?: string;
            byline?: string | null;
            commentsEnabled?: boolean;
            dek?: string;
            disclosure?: string | null;
            provenance?: components["schemas"]["ProvenanceWriteInput"];
            /** @description Required in the future for scheduled; set to now on publishing when absent. */
            publishedAt?: string | null;
            /**
             * @description URL name of the article, unique across all articles.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug?: string;
            /** @description Replaces the whole ordered list of cited sources. */
            sources?: components["schemas"]["CitationItemsInput"];
            status?: components["schemas"]["ArticleStatusInput"];
            /**
             * @description Up to 20 tags; normalised to lowercase kebab-case and de-duplicated.
             * @example [
             *       "Transport",
             *       "city council"
             *     ]
             */
            tags?: string[];
            /** @example Harbour bridge reopens after eight months of repairs */
            title?: string;
        };
        /**
         * @description draft: being written. scheduled: goes public by itself at publishedAt. published: public. archived: withdrawn from the public.
         * @enum {string}
         */
        ArticleStatus: "draft" | "scheduled" | "published" | "archived";
        /**
         * @description draft: being written. scheduled: goes public by itself at publishedAt. published: public. archived: withdrawn from the public.
         * @enum {string}
         */
        ArticleStatusInput: "draft" | "scheduled" | "published" | "archived";
        /**
         * @description An article in a list. Carries id, slug, title, dek, status, publishedAt, tags, byline, provenance, disclosure, commentsEnabled, authorId, readingTimeMinutes, commentCount, createdAt, updatedAt, version unless the fields parameter names others; body and outline only when asked for.
         * @example {
         *       "id": "019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d",
         *       "slug": "harbour-bridge-reopens-after-repairs",
         *       "title": "Harbour bridge reopens after eight months of repairs",
         *       "dek": "The crossing carries 40,000 vehicles a day; engineers say the new deck should last fifty years.",
         *       "status": "published",
         *       "publishedAt": "2026-11-20T08:30:00.000Z",
         *       "tags": [
         *         "transport",
         *         "infrastructure"
         *       ],
         *       "byline": "Maria Okafor",
         *       "provenance": {
         *         "origin": "human",
         *         "model": null,
         *         "reviewedBy": null,
         *         "reviewedAt": null
         *       },
         *       "disclosure": null,
         *       "commentsEnabled": true,
         *       "authorId": "019a6f1e-0000-7000-8000-000000000001",
         *       "readingTimeMinutes": 4,
         *       "commentCount": 12,
         *       "createdAt": "2026-11-19T16:02:11.000Z",
         *       "updatedAt": "2026-11-20T08:30:00.000Z",
         *       "version": 3
         *     }
         */
        ArticleSummary: {
            /** @description The user who created the article. */
            authorId?: string | null;
            /** @description Markdown. Headings become the outline. */
            body?: string;
            byline?: string | null;
            /** @description Approved, undeleted reader comments. */
            commentCount?: number;
            commentsEnabled?: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt?: string;
            /** @description One-paragraph summary shown under the title. */
            dek?: string;
            /** @description Reader-facing note on how the article was produced. */
            disclosure?: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            outline?: components["schemas"]["OutlineEntry"][];
            provenance?: components["schemas"]["Provenance"];
            /** @description When the article went (or goes) public. */
            publishedAt?: string | null;
            readingTimeMinutes?: number;
            /** @description Related articles in order; present with include=related. */
            related?: components["schemas"]["RelatedArticle"][];
            /** @description How the article matched; present in lists searched with q. */
            search?: components["schemas"]["SearchHit"];
            /**
             * @description URL name of the article, unique across all articles.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug?: string;
            /** @description The cited sources in order; present with include=sources. */
            sources?: components["schemas"]["Citation"][];
            status?: components["schemas"]["ArticleStatus"];
            /**
             * @description Lowercase kebab-case tags.
             * @example [
             *       "transport",
             *       "infrastructure"
             *     ]
             */
            tags?: string[];
            /** @example Harbour bridge reopens after eight months of repairs */
            title?: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt?: string;
            /** @description Increments on every change; the ETag carries it. */
            version?: number;
        };
        /** @description A source cited by an article, in order. */
        Citation: {
            note: string | null;
            position: number;
            source: components["schemas"]["Source"];
        };
        /**
         * @description Attach one source at position (1-based; the end when absent or beyond it).
         * @example {
         *       "sourceId": "019a6f1e-5555-7a8b-9c0d-1e2f3a4b5c6d",
         *       "note": "Traffic numbers",
         *       "position": 1
         *     }
         */
        CitationAttachInput: {
            /** @description What the article takes from this source. */
            note?: string | null;
            position?: number;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            sourceId: string;
        } | {
            /** @description What the article takes from this source. */
            note?: string | null;
            position?: number;
            source: components["schemas"]["SourceCreateInput"];
        };
        /** @description Cite a source by its details: found by normalised URL, or created. */
        CitationBySource: {
            /** @description What the article takes from this source. */
            note?: string | null;
            source: components["schemas"]["SourceCreate"];
        };
        /** @description Cite an existing source. */
        CitationBySourceId: {
            /** @description What the article takes from this source. */
            note?: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            sourceId: string;
        };
        /** @description Cite an existing source. */
        CitationBySourceIdInput: {
            /** @description What the article takes from this source. */
            note?: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            sourceId: string;
        };
        /** @description Cite a source by its details: found by normalised URL, or created. */
        CitationBySourceInput: {
            /** @description What the article takes from this source. */
            note?: string | null;
            source: components["schemas"]["SourceCreateInput"];
        };
        /** @description One cited source: an existing one by id, or one described inline. */
        CitationItem: components["schemas"]["CitationBySourceId"] | components["schemas"]["CitationBySource"];
        /** @description One cited source: an existing one by id, or one described inline. */
        CitationItemInput: components["schemas"]["CitationBySourceIdInput"] | components["schemas"]["CitationBySourceInput"];
        /**
         * @description The whole ordered list of sources (at most 100); the first item is position 1.
         * @example [
         *       {
         *         "source": {
         *           "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *           "title": "Harbour bridge repairs finish two weeks early"
         *         },
         *         "note": "Cost figures"
         *       }
         *     ]
         */
        CitationItems: components["schemas"]["CitationItem"][];
        /**
         * @description The whole ordered list of sources (at most 100); the first item is position 1.
         * @example [
         *       {
         *         "source": {
         *           "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *           "title": "Harbour bridge repairs finish two weeks early"
         *         },
         *         "note": "Cost figures"
         *       }
         *     ]
         */
        CitationItemsInput: components["schemas"]["CitationItemInput"][];
        /** @description An article's citations in order (the whole list). */
        CitationList: {
            data: components["schemas"]["Citation"][];
        };
        /**
         * @description A reader comment.
         * @example {
         *       "id": "019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d",
         *       "articleId": "019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d",
         *       "parentId": null,
         *       "depth": 0,
         *       "author": {
         *         "id": "019a6f1e-0000-7000-8000-000000000009",
         *         "displayName": "A. Reader"
         *       },
         *       "body": "The cycle lanes are the best part of this.",
         *       "status": "approved",
         *       "deleted": false,
         *       "editedAt": null,
         *       "createdAt": "2026-11-20T10:00:00.000Z",
         *       "updatedAt": "2026-11-20T10:00:00.000Z",
         *       "version": 1
         *     }
         */
        Comment: {
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            articleId: string;
            author: components["schemas"]["CommentAuthor"];
            /** @description Plain text, never HTML: escape it when rendering. Empty once deleted. */
            body: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description Deleted comments keep their place in the thread, without a body. */
            deleted: boolean;
            /** @description 0 for top-level; replies nest at most 3 deep. */
            depth: number;
            editedAt: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /** @description The comment this replies to; null for a top-level comment. */
            parentId: string | null;
            status: components["schemas"]["CommentStatus"];
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            version: number;
        };
        /** @description Who wrote it; null when the account was deleted. */
        CommentAuthor: {
            displayName: string;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
        } | null;
        /**
         * @description A new comment or reply, plain text.
         * @example {
         *       "body": "The cycle lanes are the best part of this."
         *     }
         */
        CommentCreateInput: {
            body: string;
            /**
             * Format: uuid
             * @description Reply to this comment of the same article.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            parentId?: string;
        };
        /** @description Comments in the moderation queue, oldest first. */
        CommentPage: {
            data: components["schemas"]["Comment"][];
            page: components["schemas"]["Page"];
        };
        /**
         * @description An author's edit or a moderator's decision.
         * @example {
         *       "status": "approved"
         *     }
         */
        CommentPatchInput: {
            /** @description The author, within 15 minutes of posting. */
            body?: string;
            /** @description Moderators only. */
            status?: components["schemas"]["CommentStatusInput"];
        };
        /**
         * @description pending: waiting for a moderator. approved: public. rejected and spam: hidden.
         * @enum {string}
         */
        CommentStatus: "pending" | "approved" | "rejected" | "spam";
        /**
         * @description pending: waiting for a moderator. approved: public. rejected and spam: hidden.
         * @enum {string}
         */
        CommentStatusInput: "pending" | "approved" | "rejected" | "spam";
        /** @description A new token with its secret, shown this once. */
        CreatedToken: {
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            expiresAt: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description api: created for a script; session: from signing in.
             * @enum {string}
             */
            kind: "api" | "session";
            lastUsedAt: string | null;
            /** @example nightly importer */
            name: string;
            /**
             * @description The first characters of the secret, to recognise it.
             * @example ndk_Xk3v9QeL
             */
            prefix: string;
            revokedAt: string | null;
            /** @description What the token may do; for sessions, everything the role allows. */
            scopes: components["schemas"]["Scope"][];
            /**
             * @description The secret. Store it now: only its hash is kept.
             * @example ndk_Xk3v9QeL2mJrT0bYw8cVn4sPq6dFh1aZ5uGiEoKx7lM
             */
            token: string;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            userId: string;
        };
        /** @description A webhook with its signing secret, shown this once. */
        CreatedWebhook: {
            /** @description An inactive webhook receives nothing for the events that happen while it is inactive. Switching it off turns the events it had not taken up yet into pending deliveries, which wait with those already pending until it is active again; switching it on starts it at the newest event. */
            active: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description The admin who created it; null once that account is deleted. */
            createdBy: string | null;
            description: string | null;
            /** @description The events it receives. An event goes by the subscription in force when it happened: changing this first turns the events the webhook had not taken up yet into pending deliveries under the old one. */
            events: components["schemas"]["WebhookEventFilter"][];
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description The signing secret. Store it now: it is never shown again (rotate it to get a new one).
             * @example whsec_3q2f9Vx0bYw8cVn4sPq6dFh1aZ5uGiEoKx7lMXk3v9Qe
             */
            secret: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            /** @example https://hooks.example.com/newsdesk */
            url: string;
            version: number;
        };
        /** @description One invalid part of a request. */
        FieldError: {
            /** @example Too big: expected string to have <=300 characters */
            message: string;
            /**
             * @description Where the problem is: the part of the request and a JSON pointer into it.
             * @example body/title
             */
            path: string;
        };
        /**
         * @description An article to create or update, matched by slug. On an existing article, the fields the line leaves out are kept; on a new one they take the defaults of POST /v1/articles. The same line imported twice changes nothing the second time.
         * @example {
         *       "type": "article",
         *       "slug": "harbour-bridge-reopens",
         *       "title": "Harbour bridge reopens after eight months of repairs",
         *       "dek": "The crossing carries 40,000 vehicles a day.",
         *       "body": "## What changed\n\nThe deck was replaced in sections.",
         *       "status": "published",
         *       "publishedAt": "2026-11-20T08:30:00.000Z",
         *       "tags": [
         *         "transport"
         *       ],
         *       "byline": "Maria Okafor",
         *       "provenance": {
         *         "origin": "human",
         *         "model": null
         *       },
         *       "disclosure": null,
         *       "commentsEnabled": true,
         *       "reviewed": false,
         *       "sources": [
         *         {
         *           "source": {
         *             "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *             "title": "Harbour bridge repairs finish early"
         *           },
         *           "note": "Cost figures"
         *         }
         *       ],
         *       "related": [
         *         "bridge-repairs-begin"
         *       ]
         *     }
         */
        ImportArticle: {
            /**
             * @description Markdown, at most 200,000 characters. Raw HTML is not rendered.
             * @default
             */
            body: string;
            byline?: string | null;
            /** @default true */
            commentsEnabled: boolean;
            /** @default  */
            dek: string;
            disclosure?: string | null;
            /**
             * Format: uuid
             * @description Kept when this line creates the article, so an export imported into an empty database keeps its ids. Ignored when the slug matches an existing article.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
            /**
             * @default {
             *       "origin": "human"
             *     }
             */
            provenance: components["schemas"]["ProvenanceWrite"];
            /** @description Required in the future for scheduled; set to now on publishing when absent. */
            publishedAt?: string | null;
            /** @description Slugs of the related articles, in order. They may be articles later in the same import. Absent: the links stay as they are. */
            related?: string[];
            /**
             * @description true: the importer vouches for the text and sources as an editor's review does (editors and admins only; recorded as their review, now). Needed to publish an ai-generated article. false claims nothing: an existing review stays unless the body or sources change.
             * @default false
             */
            reviewed: boolean;
            /**
             * @description The article's identity in an import: an article with this slug is updated, otherwise one is created.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug: string;
            /** @description The sources the article is written from, in order; each by id or described inline (found by URL or created). */
            sources?: components["schemas"]["CitationItems"];
            /** @default draft */
            status: components["schemas"]["ArticleStatus"];
            /**
             * @description Up to 20 tags; normalised to lowercase kebab-case and de-duplicated.
             * @default []
             * @example [
             *       "Transport",
             *       "city council"
             *     ]
             */
            tags: string[];
            /** @example Harbour bridge reopens after eight months of repairs */
            title: string;
            /**
             * @description article (the default when absent).
             * @constant
             */
            type?: "article";
        };
        /**
         * @description An article to create or update, matched by slug. On an existing article, the fields the line leaves out are kept; on a new one they take the defaults of POST /v1/articles. The same line imported twice changes nothing the second time.
         * @example {
         *       "type": "article",
         *       "slug": "harbour-bridge-reopens",
         *       "title": "Harbour bridge reopens after eight months of repairs",
         *       "dek": "The crossing carries 40,000 vehicles a day.",
         *       "body": "## What changed\n\nThe deck was replaced in sections.",
         *       "status": "published",
         *       "publishedAt": "2026-11-20T08:30:00.000Z",
         *       "tags": [
         *         "transport"
         *       ],
         *       "byline": "Maria Okafor",
         *       "provenance": {
         *         "origin": "human",
         *         "model": null
         *       },
         *       "disclosure": null,
         *       "commentsEnabled": true,
         *       "reviewed": false,
         *       "sources": [
         *         {
         *           "source": {
         *             "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *             "title": "Harbour bridge repairs finish early"
         *           },
         *           "note": "Cost figures"
         *         }
         *       ],
         *       "related": [
         *         "bridge-repairs-begin"
         *       ]
         *     }
         */
        ImportArticleInput: {
            /**
             * @description Markdown, at most 200,000 characters. Raw HTML is not rendered.
             * @default
             */
            body?: string;
            byline?: string | null;
            /** @default true */
            commentsEnabled?: boolean;
            /** @default  */
            dek?: string;
            disclosure?: string | null;
            /**
             * Format: uuid
             * @description Kept when this line creates the article, so an export imported into an empty database keeps its ids. Ignored when the slug matches an existing article.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
            /**
             * @default {
             *       "origin": "human"
             *     }
             */
            provenance?: components["schemas"]["ProvenanceWriteInput"];
            /** @description Required in the future for scheduled; set to now on publishing when absent. */
            publishedAt?: string | null;
            /** @description Slugs of the related articles, in order. They may be articles later in the same import. Absent: the links stay as they are. */
            related?: string[];
            /**
             * @description true: the importer vouches for the text and sources as an editor's review does (editors and admins only; recorded as their review, now). Needed to publish an ai-generated article. false claims nothing: an existing review stays unless the body or sources change.
             * @default false
             */
            reviewed?: boolean;
            /**
             * @description The article's identity in an import: an article with this slug is updated, otherwise one is created.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug: string;
            /** @description The sources the article is written from, in order; each by id or described inline (found by URL or created). */
            sources?: components["schemas"]["CitationItemsInput"];
            /** @default draft */
            status?: components["schemas"]["ArticleStatusInput"];
            /**
             * @description Up to 20 tags; normalised to lowercase kebab-case and de-duplicated.
             * @default []
             * @example [
             *       "Transport",
             *       "city council"
             *     ]
             */
            tags?: string[];
            /** @example Harbour bridge reopens after eight months of repairs */
            title: string;
            /**
             * @description article (the default when absent).
             * @constant
             */
            type?: "article";
        };
        /**
         * @description An approved reader comment (imports and exports carry approved comments only). Needs the admin scope: it bypasses moderation and may create placeholder authors.
         * @example {
         *       "type": "comment",
         *       "id": "019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d",
         *       "article": "harbour-bridge-reopens",
         *       "parentId": null,
         *       "author": {
         *         "displayName": "A. Reader"
         *       },
         *       "body": "The cycle lanes are the best part.",
         *       "deleted": false,
         *       "createdAt": "2026-11-20T10:00:00.000Z",
         *       "editedAt": null
         *     }
         */
        ImportComment: {
            /**
             * @description Slug of the article the comment is on.
             * @example harbour-bridge-reopens-after-repairs
             */
            article: string;
            /**
             * @description null: an author whose account was deleted.
             * @default null
             */
            author: components["schemas"]["ImportCommentAuthor"] | null;
            /** @description Plain text; empty only for a deleted comment. */
            body: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /**
             * @description A deleted comment keeps its place in the thread without its text.
             * @default false
             */
            deleted: boolean;
            /** @default null */
            editedAt: string | null;
            /**
             * Format: uuid
             * @description The comment's identity: an existing comment with this id is updated, otherwise it is created with it.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description The comment this replies to: one on the same article, already there or earlier in the import.
             * @default null
             */
            parentId: string | null;
            /** @constant */
            type: "comment";
        };
        /** @description Who wrote the comment. Without an account here (by id), the comment is attributed to a placeholder account with this display name, disabled and without a password, created once per name. */
        ImportCommentAuthor: {
            displayName: string;
            /**
             * Format: uuid
             * @description The author's account, when it exists where the comment is imported.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
        };
        /** @description Who wrote the comment. Without an account here (by id), the comment is attributed to a placeholder account with this display name, disabled and without a password, created once per name. */
        ImportCommentAuthorInput: {
            displayName: string;
            /**
             * Format: uuid
             * @description The author's account, when it exists where the comment is imported.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
        };
        /**
         * @description An approved reader comment (imports and exports carry approved comments only). Needs the admin scope: it bypasses moderation and may create placeholder authors.
         * @example {
         *       "type": "comment",
         *       "id": "019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d",
         *       "article": "harbour-bridge-reopens",
         *       "parentId": null,
         *       "author": {
         *         "displayName": "A. Reader"
         *       },
         *       "body": "The cycle lanes are the best part.",
         *       "deleted": false,
         *       "createdAt": "2026-11-20T10:00:00.000Z",
         *       "editedAt": null
         *     }
         */
        ImportCommentInput: {
            /**
             * @description Slug of the article the comment is on.
             * @example harbour-bridge-reopens-after-repairs
             */
            article: string;
            /**
             * @description null: an author whose account was deleted.
             * @default null
             */
            author?: components["schemas"]["ImportCommentAuthorInput"] | null;
            /** @description Plain text; empty only for a deleted comment. */
            body: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /**
             * @description A deleted comment keeps its place in the thread without its text.
             * @default false
             */
            deleted?: boolean;
            /** @default null */
            editedAt?: string | null;
            /**
             * Format: uuid
             * @description The comment's identity: an existing comment with this id is updated, otherwise it is created with it.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description The comment this replies to: one on the same article, already there or earlier in the import.
             * @default null
             */
            parentId?: string | null;
            /** @constant */
            type: "comment";
        };
        /** @description One line of an import or export, told apart by type (absent: article). */
        ImportItem: components["schemas"]["ImportArticle"] | components["schemas"]["ImportSource"] | components["schemas"]["ImportComment"];
        /** @description One line of an import or export, told apart by type (absent: article). */
        ImportItemInput: components["schemas"]["ImportArticleInput"] | components["schemas"]["ImportSourceInput"] | components["schemas"]["ImportCommentInput"];
        /** @description A JSON array of items, or (as application/x-ndjson) one item per line. Each item is validated on its own: a bad one is reported in the results and the others still land. */
        ImportItemsInput: components["schemas"]["ImportItemInput"][];
        /**
         * @description Per-item outcome of an import.
         * @example {
         *       "data": [
         *         {
         *           "index": 0,
         *           "type": "source",
         *           "status": "unchanged",
         *           "id": "019a6f1e-5555-7a8b-9c0d-1e2f3a4b5c6d",
         *           "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs"
         *         },
         *         {
         *           "index": 1,
         *           "type": "article",
         *           "status": "created",
         *           "id": "019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d",
         *           "slug": "harbour-bridge-reopens"
         *         },
         *         {
         *           "index": 2,
         *           "type": "article",
         *           "status": "error",
         *           "slug": "draft-two",
         *           "problem": {
         *             "type": "urn:newsdesk:problem:validation-failed",
         *             "title": "The request is not valid",
         *             "status": 400,
         *             "detail": "body/2/title: Too small: expected string to have >=1 characters",
         *             "code": "validation_failed",
         *             "errors": [
         *               {
         *                 "path": "body/2/title",
         *                 "message": "Too small: expected string to have >=1 characters"
         *               }
         *             ]
         *           }
         *         }
         *       ],
         *       "summary": {
         *         "created": 1,
         *         "updated": 0,
         *         "unchanged": 1,
         *         "error": 1
         *       }
         *     }
         */
        ImportReport: {
            /** @description One result per item, in the order of the body. */
            data: components["schemas"]["ImportResult"][];
            summary: {
                created: number;
                error: number;
                unchanged: number;
                updated: number;
            };
        };
        /** @description What became of one item. */
        ImportResult: {
            /**
             * Format: uuid
             * @description The resource the item created, updated or matched. Also present on an error that came after the resource was written (a related link that could not be set).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
            /** @description Position of the item: its array index, or its 0-based line among the non-blank lines of an NDJSON body. */
            index: number;
            /** @description Why the item failed; paths point into the body (body/<index>/<field>). */
            problem?: components["schemas"]["Problem"];
            /** @description Articles: the slug the item named. */
            slug?: string;
            /** @enum {string} */
            status: "created" | "updated" | "unchanged" | "error";
            /**
             * @description Absent when the item was not a recognisable item at all.
             * @enum {string}
             */
            type?: "article" | "source" | "comment";
            /** @description Sources: the normalised URL. */
            url?: string;
        };
        /**
         * @description A source to create or update, matched by its normalised URL. On an existing source, the fields the line leaves out are kept.
         * @example {
         *       "type": "source",
         *       "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *       "title": "Harbour bridge repairs finish early",
         *       "publisher": "Example Daily"
         *     }
         */
        ImportSource: {
            accessedAt?: string | null;
            archivedUrl?: string | null;
            author?: string | null;
            contentHash?: string | null;
            /**
             * Format: uuid
             * @description Kept when this line creates the source. Ignored when the URL matches an existing source.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
            language?: string | null;
            notes?: string | null;
            publishedAt?: string | null;
            publisher?: string | null;
            title: string;
            /** @constant */
            type: "source";
            /**
             * @description Absolute http(s) URL; normalised before it is stored or compared.
             * @example https://www.example-daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed
             */
            url: string;
        };
        /**
         * @description A source to create or update, matched by its normalised URL. On an existing source, the fields the line leaves out are kept.
         * @example {
         *       "type": "source",
         *       "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *       "title": "Harbour bridge repairs finish early",
         *       "publisher": "Example Daily"
         *     }
         */
        ImportSourceInput: {
            accessedAt?: string | null;
            archivedUrl?: string | null;
            author?: string | null;
            contentHash?: string | null;
            /**
             * Format: uuid
             * @description Kept when this line creates the source. Ignored when the URL matches an existing source.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id?: string;
            language?: string | null;
            notes?: string | null;
            publishedAt?: string | null;
            publisher?: string | null;
            title: string;
            /** @constant */
            type: "source";
            /**
             * @description Absolute http(s) URL; normalised before it is stored or compared.
             * @example https://www.example-daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed
             */
            url: string;
        };
        /** @description The process is up and answering. */
        Liveness: {
            /** @constant */
            status: "ok";
        };
        /**
         * @description Credentials to exchange for a session token.
         * @example {
         *       "email": "maria.okafor@example.com",
         *       "password": "a-long-enough-passphrase"
         *     }
         */
        LoginInput: {
            /** @example maria.okafor@example.com */
            email: string;
            /** @example a-long-enough-passphrase */
            password: string;
        };
        /** @description The caller: their account and the token they used, with its scopes. */
        Me: {
            token: components["schemas"]["Token"];
            user: components["schemas"]["User"];
        };
        /**
         * @description Prometheus text exposition format 0.0.4.
         * @example # HELP http_requests_total HTTP requests answered, by method, route pattern and status class.
         *     # TYPE http_requests_total counter
         *     http_requests_total{method="GET",route="/v1/articles",status_class="2xx"} 1024
         */
        MetricsText: string;
        /**
         * @description Set many comments to one status in one transaction.
         * @example {
         *       "ids": [
         *         "019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d"
         *       ],
         *       "status": "approved"
         *     }
         */
        ModerateInput: {
            ids: string[];
            status: components["schemas"]["CommentStatusInput"];
        };
        ModerationResult: {
            /** @description Ids that match no comment; nothing was done for them. */
            unknown: string[];
            updated: string[];
        };
        /** @description A section heading of the body, in document order. */
        OutlineEntry: {
            /** @description The id of the heading in bodyHtml, usable as a #fragment. */
            anchor: string;
            level: number;
            text: string;
        };
        /** @description Keyset pagination state: following nextCursor visits every item exactly once. */
        Page: {
            limit: number;
            /** @description Pass as cursor to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /** @description An RFC 9457 problem details object. Every error the API returns has this shape and the content type application/problem+json. */
        Problem: {
            /**
             * @description Stable machine-readable code; switch on this, not on the title.
             * @example validation_failed
             */
            code: string;
            /** @example body/title: Too big: expected string to have <=300 characters */
            detail: string;
            errors?: components["schemas"]["FieldError"][];
            /**
             * @description The request path that produced the problem.
             * @example /v1/articles
             */
            instance?: string;
            /**
             * @description Quote this id when reporting a problem.
             * @example req-1
             */
            requestId?: string;
            /** @example 400 */
            status: number;
            /** @example The request is not valid */
            title: string;
            /**
             * @description A URI naming the kind of problem.
             * @example urn:newsdesk:problem:validation-failed
             */
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Where the text came from. Structured, so readers and filters can rely on it. */
        Provenance: {
            /**
             * @description The model that wrote or assisted, when one did.
             * @example newsroom-writer-2
             */
            model: string | null;
            origin: components["schemas"]["ArticleOrigin"];
            reviewedAt: string | null;
            /** @description The editor who reviewed a machine-written text. */
            reviewedBy: string | null;
        };
        /** @description Who wrote the text. Review fields are set by the review workflow, never by clients. */
        ProvenanceWrite: {
            model?: string | null;
            origin: components["schemas"]["ArticleOrigin"];
        };
        /** @description Who wrote the text. Review fields are set by the review workflow, never by clients. */
        ProvenanceWriteInput: {
            model?: string | null;
            origin: components["schemas"]["ArticleOriginInput"];
        };
        /** @description The database is open and fully migrated. */
        Readiness: {
            /** @description Migrations applied to the database. */
            migrations: number;
            /** @constant */
            status: "ready";
        };
        /**
         * @description A reader signing up; the account is a member.
         * @example {
         *       "email": "reader@example.com",
         *       "password": "a-long-enough-passphrase",
         *       "displayName": "A. Reader"
         *     }
         */
        RegisterInput: {
            /** @example Maria Okafor */
            displayName: string;
            /**
             * Format: email
             * @example maria.okafor@example.com
             */
            email: string;
            /**
             * @description At least 10 characters, and not the email address.
             * @example correct-horse-battery-staple
             */
            password: string;
        };
        /** @description A related article, summarised for an article page's "Related articles". */
        RelatedArticle: {
            byline: string | null;
            dek: string;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            publishedAt: string | null;
            readingTimeMinutes: number;
            /**
             * @description URL name of the article, unique across all articles.
             * @example harbour-bridge-reopens-after-repairs
             */
            slug: string;
            status: components["schemas"]["ArticleStatus"];
            tags: string[];
            title: string;
        };
        /**
         * @description One related article to add.
         * @example {
         *       "articleId": "019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d",
         *       "position": 1,
         *       "reciprocal": true
         *     }
         */
        RelatedAttachInput: {
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            articleId: string;
            /** @description 1-based; the end when absent or beyond it. */
            position?: number;
            /**
             * @description Also link the target back to this article.
             * @default false
             */
            reciprocal?: boolean;
        };
        /** @description An article's related articles, in order (the whole list). */
        RelatedList: {
            data: components["schemas"]["RelatedArticle"][];
        };
        /**
         * @description The whole ordered list of related articles.
         * @example {
         *       "articleIds": [
         *         "019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d"
         *       ],
         *       "reciprocal": true
         *     }
         */
        RelatedReplaceInput: {
            /** @description The related articles in order, at most 50; no duplicates, not the article itself. */
            articleIds: string[];
            /**
             * @description Also link each of them back to this article (added at the end of their lists when missing).
             * @default false
             */
            reciprocal?: boolean;
        };
        /** @description A candidate related article and why it was suggested. */
        RelatedSuggestion: {
            article: components["schemas"]["ArticleSummary"];
            reasons: {
                sharedSources: string[];
                sharedTags: string[];
                /** @description 0 to 2: how strongly this article's title and dek match the candidate in the full-text index. */
                textSimilarity: number;
            };
            /**
             * @description 3 per shared source + 1 per shared tag + text similarity (0 to 2). See the README.
             * @example 5.4
             */
            score: number;
        };
        /** @description Candidates not yet linked, best first. */
        RelatedSuggestionList: {
            data: components["schemas"]["RelatedSuggestion"][];
        };
        /** @description One version of an article, with its full content. */
        Revision: {
            content: components["schemas"]["RevisionContent"];
            /**
             * Format: date-time
             * @description When this version was written.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description Who wrote this version. */
            createdBy: string | null;
            status: components["schemas"]["ArticleStatus"];
            title: string;
            version: number;
        };
        /** @description The editable content of an article as it was at one version. */
        RevisionContent: {
            body: string;
            byline: string | null;
            commentsEnabled: boolean;
            dek: string;
            disclosure: string | null;
            provenance: components["schemas"]["Provenance"];
            publishedAt: string | null;
            slug: string;
            /** @description The cited sources at that version, in order. */
            sources: {
                note: string | null;
                /**
                 * Format: uuid
                 * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
                 * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
                 */
                sourceId: string;
            }[];
            status: components["schemas"]["ArticleStatus"];
            tags: string[];
            title: string;
        };
        /** @description An article's versions, newest first. */
        RevisionPage: {
            data: components["schemas"]["RevisionSummary"][];
            page: components["schemas"]["Page"];
        };
        /** @description One version of an article in its history. */
        RevisionSummary: {
            /**
             * Format: date-time
             * @description When this version was written.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description Who wrote this version. */
            createdBy: string | null;
            status: components["schemas"]["ArticleStatus"];
            title: string;
            version: number;
        };
        /**
         * @description member: comments. author: writes and edits own drafts. editor: edits and publishes anything, moderates. admin: also manages users, tokens and webhooks.
         * @enum {string}
         */
        Role: "admin" | "editor" | "author" | "member";
        /**
         * @description member: comments. author: writes and edits own drafts. editor: edits and publishes anything, moderates. admin: also manages users, tokens and webhooks.
         * @enum {string}
         */
        RoleInput: "admin" | "editor" | "author" | "member";
        /**
         * @description content:read sees unpublished content; content:write creates and edits; comments:write posts comments; comments:moderate moderates; admin manages users, tokens and webhooks; metrics:read reads GET /metrics (admins only; give a monitoring scraper a token with this scope alone).
         * @enum {string}
         */
        Scope: "content:read" | "content:write" | "comments:write" | "comments:moderate" | "admin" | "metrics:read";
        /**
         * @description content:read sees unpublished content; content:write creates and edits; comments:write posts comments; comments:moderate moderates; admin manages users, tokens and webhooks; metrics:read reads GET /metrics (admins only; give a monitoring scraper a token with this scope alone).
         * @enum {string}
         */
        ScopeInput: "content:read" | "content:write" | "comments:write" | "comments:moderate" | "admin" | "metrics:read";
        /** @description Why a search result matched. */
        SearchHit: {
            /**
             * @description Relevance (higher is better): bm25 with the title weighted 10, dek 4, tags 3, body 1. While the last word of q is a prefix, hits where it is a whole word come first, then those only the prefix finds; scores compare hits within each of those tiers.
             * @example 7.42
             */
            score: number;
            /**
             * @description An HTML-safe excerpt: text is escaped and matched terms are wrapped in <mark>.
             * @example the <mark>harbour</mark> bridge reopened…
             */
            snippet: string;
        };
        /** @description A new session: the token and who it belongs to. */
        Session: {
            /**
             * Format: date-time
             * @description Sessions expire after 30 days without use; each use extends them.
             * @example 2026-11-20T08:30:00.000Z
             */
            expiresAt: string;
            /**
             * @description Send as "Authorization: Bearer <token>". Shown once.
             * @example nds_4fQm2Zr8Tb0LwXc6Vn1Ks9Hd3Pj7Ye5Ga2Ru8Io0Mx
             */
            token: string;
            user: components["schemas"]["User"];
        };
        /**
         * @description A source article that newsdesk articles cite.
         * @example {
         *       "id": "019a6f1e-5555-7a8b-9c0d-1e2f3a4b5c6d",
         *       "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *       "title": "Harbour bridge repairs finish two weeks early",
         *       "publisher": "Example Daily",
         *       "author": "Lena Park",
         *       "publishedAt": "2026-11-19T07:00:00.000Z",
         *       "accessedAt": "2026-11-19T09:12:00.000Z",
         *       "language": "en",
         *       "notes": "Figures on cost and traffic.",
         *       "contentHash": "9f2c1c7f0d6a4f7b8f0e3f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e",
         *       "archivedUrl": "https://archive.example.org/2026/harbour-bridge-repairs",
         *       "createdAt": "2026-11-19T09:12:05.000Z",
         *       "updatedAt": "2026-11-19T09:12:05.000Z",
         *       "version": 1
         *     }
         */
        Source: {
            /** @description When the writer read it. */
            accessedAt: string | null;
            /** @description A snapshot of the page as it was read. */
            archivedUrl: string | null;
            author: string | null;
            /** @description SHA-256 (hex) of the text the writer used, to detect later changes to the page. */
            contentHash: string | null;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /** @description BCP 47 language tag. */
            language: string | null;
            notes: string | null;
            /** @description When the source itself was published. */
            publishedAt: string | null;
            publisher: string | null;
            title: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            /** @description The normalised URL (see the README): unique across sources. */
            url: string;
            version: number;
        };
        /**
         * @description A new source. A URL that normalises to an existing source is a 409 carrying existingId.
         * @example {
         *       "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *       "title": "Harbour bridge repairs finish two weeks early",
         *       "publisher": "Example Daily",
         *       "publishedAt": "2026-11-19T07:00:00.000Z"
         *     }
         */
        SourceCreate: {
            accessedAt?: string | null;
            archivedUrl?: string | null;
            author?: string | null;
            contentHash?: string | null;
            language?: string | null;
            notes?: string | null;
            publishedAt?: string | null;
            publisher?: string | null;
            title: string;
            /**
             * @description Absolute http(s) URL; normalised before it is stored or compared.
             * @example https://www.example-daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed
             */
            url: string;
        };
        /**
         * @description A new source. A URL that normalises to an existing source is a 409 carrying existingId.
         * @example {
         *       "url": "https://www.example-daily.com/2026/11/19/harbour-bridge-repairs",
         *       "title": "Harbour bridge repairs finish two weeks early",
         *       "publisher": "Example Daily",
         *       "publishedAt": "2026-11-19T07:00:00.000Z"
         *     }
         */
        SourceCreateInput: {
            accessedAt?: string | null;
            archivedUrl?: string | null;
            author?: string | null;
            contentHash?: string | null;
            language?: string | null;
            notes?: string | null;
            publishedAt?: string | null;
            publisher?: string | null;
            title: string;
            /**
             * @description Absolute http(s) URL; normalised before it is stored or compared.
             * @example https://www.example-daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed
             */
            url: string;
        };
        /** @description One page of sources. */
        SourcePage: {
            data: components["schemas"]["Source"][];
            page: components["schemas"]["Page"];
        };
        /**
         * @description Changes to a source; null clears an optional field.
         * @example {
         *       "archivedUrl": "https://archive.example.org/2026/harbour-bridge-repairs"
         *     }
         */
        SourcePatchInput: {
            accessedAt?: string | null;
            archivedUrl?: string | null;
            author?: string | null;
            contentHash?: string | null;
            language?: string | null;
            notes?: string | null;
            publishedAt?: string | null;
            publisher?: string | null;
            title?: string;
            /**
             * @description Absolute http(s) URL; normalised before it is stored or compared.
             * @example https://www.example-daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed
             */
            url?: string;
        };
        TagCount: {
            /**
             * @description Published articles carrying the tag.
             * @example 42
             */
            count: number;
            /** @example transport */
            tag: string;
        };
        /** @description Tags of published articles, most used first, then by name. */
        TagPage: {
            data: components["schemas"]["TagCount"][];
            page: components["schemas"]["Page"];
        };
        /** @description A comment with its replies nested in order. */
        ThreadComment: {
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            articleId: string;
            author: components["schemas"]["CommentAuthor"];
            /** @description Plain text, never HTML: escape it when rendering. Empty once deleted. */
            body: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description Deleted comments keep their place in the thread, without a body. */
            deleted: boolean;
            /** @description 0 for top-level; replies nest at most 3 deep. */
            depth: number;
            editedAt: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /** @description The comment this replies to; null for a top-level comment. */
            parentId: string | null;
            replies: components["schemas"]["ThreadComment"][];
            /** @description Direct replies shown in replies. */
            replyCount: number;
            status: components["schemas"]["CommentStatus"];
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            version: number;
        };
        /** @description One page of top-level comments, each with its whole visible reply tree. */
        ThreadPage: {
            data: components["schemas"]["ThreadComment"][];
            page: components["schemas"]["Page"];
        };
        /** @description An API or session token. The secret itself is shown once, when created, and never again. */
        Token: {
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            expiresAt: string | null;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * @description api: created for a script; session: from signing in.
             * @enum {string}
             */
            kind: "api" | "session";
            lastUsedAt: string | null;
            /** @example nightly importer */
            name: string;
            /**
             * @description The first characters of the secret, to recognise it.
             * @example ndk_Xk3v9QeL
             */
            prefix: string;
            revokedAt: string | null;
            /** @description What the token may do; for sessions, everything the role allows. */
            scopes: components["schemas"]["Scope"][];
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            userId: string;
        };
        /**
         * @description A new API token.
         * @example {
         *       "name": "nightly importer",
         *       "scopes": [
         *         "content:read",
         *         "content:write"
         *       ],
         *       "expiresAt": "2027-06-01T00:00:00Z"
         *     }
         */
        TokenCreateInput: {
            /**
             * Format: date-time
             * @description When the token stops working; never when absent.
             * @example 2026-11-20T08:30:00.000Z
             */
            expiresAt?: string;
            /** @example nightly importer */
            name: string;
            /** @description Never more than the owner's role, or the creating token, allows. */
            scopes: components["schemas"]["ScopeInput"][];
            /**
             * Format: uuid
             * @description Admins only: create the token for another user.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            userId?: string;
        };
        /** @description Tokens, newest first. */
        TokenPage: {
            data: components["schemas"]["Token"][];
            page: components["schemas"]["Page"];
        };
        /** @description An account. Passwords and token secrets are never returned. */
        User: {
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description A disabled user's sessions and tokens stop working at once. */
            disabled: boolean;
            /** @example Maria Okafor */
            displayName: string;
            /** @example maria.okafor@example.com */
            email: string;
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            role: components["schemas"]["Role"];
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            version: number;
        };
        /**
         * @description A new account created by an admin.
         * @example {
         *       "email": "sam.editor@example.com",
         *       "password": "a-long-enough-passphrase",
         *       "displayName": "Sam Reyes",
         *       "role": "editor"
         *     }
         */
        UserCreateInput: {
            /** @example Maria Okafor */
            displayName: string;
            /**
             * Format: email
             * @example maria.okafor@example.com
             */
            email: string;
            /**
             * @description At least 10 characters, and not the email address.
             * @example correct-horse-battery-staple
             */
            password: string;
            role: components["schemas"]["RoleInput"];
        };
        /** @description Users, newest first. */
        UserPage: {
            data: components["schemas"]["User"][];
            page: components["schemas"]["Page"];
        };
        /**
         * @description Changes to an account.
         * @example {
         *       "role": "editor"
         *     }
         * @example {
         *       "disabled": true
         *     }
         */
        UserPatchInput: {
            /** @description true locks the user out immediately; false lets them back in. */
            disabled?: boolean;
            /** @example Maria Okafor */
            displayName?: string;
            /**
             * @description At least 10 characters, and not the email address.
             * @example correct-horse-battery-staple
             */
            password?: string;
            role?: components["schemas"]["RoleInput"];
        };
        /**
         * @description A subscription: matching events are POSTed to the URL, signed with the webhook's secret.
         * @example {
         *       "id": "019a6f1e-8888-7a8b-9c0d-1e2f3a4b5c6d",
         *       "url": "https://hooks.example.com/newsdesk",
         *       "events": [
         *         "article.published",
         *         "article.unpublished",
         *         "comment.*"
         *       ],
         *       "active": true,
         *       "description": "Rebuild the static site when what readers see changes.",
         *       "createdBy": "019a6f1e-1111-7a8b-9c0d-1e2f3a4b5c6d",
         *       "createdAt": "2026-11-20T08:30:00.000Z",
         *       "updatedAt": "2026-11-20T08:30:00.000Z",
         *       "version": 1
         *     }
         */
        Webhook: {
            /** @description An inactive webhook receives nothing for the events that happen while it is inactive. Switching it off turns the events it had not taken up yet into pending deliveries, which wait with those already pending until it is active again; switching it on starts it at the newest event. */
            active: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            /** @description The admin who created it; null once that account is deleted. */
            createdBy: string | null;
            description: string | null;
            /** @description The events it receives. An event goes by the subscription in force when it happened: changing this first turns the events the webhook had not taken up yet into pending deliveries under the old one. */
            events: components["schemas"]["WebhookEventFilter"][];
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            updatedAt: string;
            /** @example https://hooks.example.com/newsdesk */
            url: string;
            version: number;
        };
        /**
         * @description A new webhook. The signing secret is generated by the server and returned once.
         * @example {
         *       "url": "https://hooks.example.com/newsdesk",
         *       "events": [
         *         "article.published",
         *         "article.unpublished",
         *         "comment.*"
         *       ],
         *       "description": "Rebuild the static site when what readers see changes."
         *     }
         */
        WebhookCreateInput: {
            /** @default true */
            active?: boolean;
            /**
             * @description What the webhook is for.
             * @example Rebuild the static site when what readers see changes.
             */
            description?: string | null;
            /**
             * @description The events to receive; duplicates are dropped.
             * @example [
             *       "article.published",
             *       "article.unpublished",
             *       "comment.*"
             *     ]
             */
            events: components["schemas"]["WebhookEventFilterInput"][];
            /**
             * Format: uri
             * @description Where deliveries are POSTed. http or https; it must resolve to public addresses (see WEBHOOKS_ALLOW_PRIVATE). Redirects are not followed.
             * @example https://hooks.example.com/newsdesk
             */
            url: string;
        };
        /**
         * @description One event on its way to one webhook, with the outcome of its attempts.
         * @example {
         *       "id": "019a6f1e-9999-7a8b-9c0d-1e2f3a4b5c6d",
         *       "webhookId": "019a6f1e-8888-7a8b-9c0d-1e2f3a4b5c6d",
         *       "eventId": "019a6f1e-aaaa-7a8b-9c0d-1e2f3a4b5c6d",
         *       "eventType": "article.published",
         *       "status": "pending",
         *       "attempts": 2,
         *       "nextAttemptAt": "2026-11-20T08:31:10.000Z",
         *       "lastAttemptAt": "2026-11-20T08:30:40.000Z",
         *       "lastStatusCode": 503,
         *       "lastError": "the receiver answered 503",
         *       "deliveredAt": null,
         *       "createdAt": "2026-11-20T08:30:30.000Z"
         *     }
         */
        WebhookDelivery: {
            /** @description Attempts made so far. */
            attempts: number;
            /**
             * Format: date-time
             * @description RFC 3339 date-time; the server answers in UTC.
             * @example 2026-11-20T08:30:00.000Z
             */
            createdAt: string;
            deliveredAt: string | null;
            /**
             * Format: uuid
             * @description The id in the payload; the same for every webhook that receives the event.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            eventId: string;
            eventType: components["schemas"]["WebhookEventType"];
            /**
             * Format: uuid
             * @description Sent as the Newsdesk-Delivery header: the same on every retry, so receivers can drop duplicates.
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            id: string;
            lastAttemptAt: string | null;
            /**
             * @description Why the last attempt did not succeed.
             * @example timed out after 5000 ms
             */
            lastError: string | null;
            /** @description The HTTP status of the last response; null when there was none (network error, timeout, refused target). */
            lastStatusCode: number | null;
            /** @description When the next attempt is due; null once delivered or failed. */
            nextAttemptAt: string | null;
            status: components["schemas"]["WebhookDeliveryStatus"];
            /**
             * Format: uuid
             * @description Opaque, time-ordered identifier generated by the server (UUIDv7).
             * @example 019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d
             */
            webhookId: string;
        };
        /** @description A webhook's deliveries, newest first. */
        WebhookDeliveryPage: {
            data: components["schemas"]["WebhookDelivery"][];
            page: components["schemas"]["Page"];
        };
        /**
         * @description pending: waiting for its next attempt. delivered: the receiver answered 2xx. failed: retries ran out (24 hours after the event).
         * @enum {string}
         */
        WebhookDeliveryStatus: "pending" | "delivered" | "failed";
        /**
         * @description pending: waiting for its next attempt. delivered: the receiver answered 2xx. failed: retries ran out (24 hours after the event).
         * @enum {string}
         */
        WebhookDeliveryStatusInput: "pending" | "delivered" | "failed";
        /**
         * @description An event to receive, or a wildcard: "article.*", "source.*", "comment.*" (every event of that resource) or "*" (every event).
         * @enum {string}
         */
        WebhookEventFilter: "article.created" | "article.updated" | "article.published" | "article.unpublished" | "article.deleted" | "source.created" | "source.updated" | "source.deleted" | "comment.created" | "comment.approved" | "comment.deleted" | "article.*" | "source.*" | "comment.*" | "*";
        /**
         * @description An event to receive, or a wildcard: "article.*", "source.*", "comment.*" (every event of that resource) or "*" (every event).
         * @enum {string}
         */
        WebhookEventFilterInput: "article.created" | "article.updated" | "article.published" | "article.unpublished" | "article.deleted" | "source.created" | "source.updated" | "source.deleted" | "comment.created" | "comment.approved" | "comment.deleted" | "article.*" | "source.*" | "comment.*" | "*";
        /**
         * @description The event a delivery carries; ping is sent only by the ping operation.
         * @enum {string}
         */
        WebhookEventType: "article.created" | "article.updated" | "article.published" | "article.unpublished" | "article.deleted" | "source.created" | "source.updated" | "source.deleted" | "comment.created" | "comment.approved" | "comment.deleted" | "ping";
        /** @description Webhooks, newest first. */
        WebhookPage: {
            data: components["schemas"]["Webhook"][];
            page: components["schemas"]["Page"];
        };
        /**
         * @description Changes to a webhook; null clears the description.
         * @example {
         *       "active": false
         *     }
         */
        WebhookPatchInput: {
            active?: boolean;
            /**
             * @description What the webhook is for.
             * @example Rebuild the static site when what readers see changes.
             */
            description?: string | null;
            /**
             * @description The events to receive; duplicates are dropped.
             * @example [
             *       "article.published",
             *       "article.unpublished",
             *       "comment.*"
             *     ]
             */
            events?: components["schemas"]["WebhookEventFilterInput"][];
            /**
             * Format: uri
             * @description Where deliveries are POSTed. http or https; it must resolve to public addresses (see WEBHOOKS_ALLOW_PRIVATE). Redirects are not followed.
             * @example https://hooks.example.com/newsdesk
             */
            url?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: liveness */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4; charset=utf-8": components["schemas"]["MetricsText"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. Codes: service_unavailable, storage_unavailable, overloaded. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: readiness */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. Codes: service_unavailable, storage_unavailable, overloaded. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Comma-separated fields to return (id is always included): id, slug, title, dek, status, publishedAt, tags, byline, provenance, disclosure, commentsEnabled, authorId, readingTimeMinutes, commentCount, createdAt, updatedAt, version, body, outline. */
                fields?: string;
                /** @description Related resources to embed: sources, related. Read in one query for the whole page, not one per article. */
                include?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                origin?: components["schemas"]["ArticleOriginInput"];
                /** @description Only articles published at or after this time. */
                publishedAfter?: string;
                /** @description Only articles published before this time. */
                publishedBefore?: string;
                /** @description Full-text search over title, dek, body and tags. Words are matched as typed (the last one as a prefix unless the query ends with a space; by relevance, the hits where it is a whole word come first, then those only the prefix finds); "double quotes" make a phrase; FTS syntax is never interpreted. */
                q?: string;
                /** @description Order of the list; ties are broken by id. Default: relevance when q is given, otherwise -publishedAt. relevance needs q. */
                sort?: "-publishedAt" | "publishedAt" | "-updatedAt" | "title" | "relevance";
                status?: components["schemas"]["ArticleStatusInput"];
                /** @description Only articles carrying every one of these tags (repeat the parameter for more). */
                tag?: string | string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: article page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArticleCreateInput"];
            };
        };
        responses: {
            /** @description Created: article */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. Codes: payload_too_large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. Codes: unsupported_media_type. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: {
                /** @description html adds bodyHtml, the body rendered with heading ids matching the outline anchors. */
                format?: "json" | "html";
                /** @description Related resources to embed: sources, related. Read in one query for the whole page, not one per article. */
                include?: string;
            };
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: article */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description Not modified: the ETag still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArticlePatchInput"];
            };
        };
        responses: {
            /** @description OK: article */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. Codes: payload_too_large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. Codes: unsupported_media_type. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleComments: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                /** @description Order of top-level comments; replies are always oldest first. */
                sort?: "oldest" | "newest";
                status?: components["schemas"]["CommentStatusInput"];
            };
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: thread page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentCreateInput"];
            };
        };
        responses: {
            /** @description Created: comment */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for Retry-After seconds. Codes: rate_limited. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRelatedArticles: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: related list */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedList"];
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceRelatedArticles: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RelatedReplaceInput"];
            };
        };
        responses: {
            /** @description OK: related list */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedList"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addRelatedArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RelatedAttachInput"];
            };
        };
        responses: {
            /** @description Created: related list */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedList"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeRelatedArticle: {
        parameters: {
            query?: {
                /** @description true also removes the link from the other article back to this one. */
                reciprocal?: "true" | "false";
            };
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                relatedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suggestRelatedArticles: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: related suggestion list */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelatedSuggestionList"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviewArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: article */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleRevisions: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: revision page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: revision */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Revision"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreArticleRevision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: article */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleSources: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: citation list */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitationList"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceArticleSources: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CitationItemsInput"];
            };
        };
        responses: {
            /** @description OK: citation list */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitationList"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    attachArticleSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CitationAttachInput"];
            };
        };
        responses: {
            /** @description Created: citation */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Citation"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    detachArticleSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                sourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Detached. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleBySlug: {
        parameters: {
            query?: {
                /** @description html adds bodyHtml, the body rendered with heading ids matching the outline anchors. */
                format?: "json" | "html";
                /** @description Related resources to embed: sources, related. Read in one query for the whole page, not one per article. */
                include?: string;
            };
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description URL name of the article, unique across all articles. */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: article */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description Not modified: the ETag still matches. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginInput"];
            };
        };
        responses: {
            /** @description OK: session */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for Retry-After seconds. Codes: rate_limited. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). Codes: validation_failed, invalid_json, json_too_deep, bad_url, invalid_cursor, bad_request, webhook_target_forbidden. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: me */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInput"];
            };
        };
        responses: {
            /** @description Created: user */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: wait for Retry-After seconds. Codes: rate_limited. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listModerationQueue: {
        parameters: {
            query?: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                articleId?: string;
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                status?: components["schemas"]["CommentStatusInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: comment page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: comment */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentPatchInput"];
            };
        };
        responses: {
            /** @description OK: comment */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateComments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerateInput"];
            };
        };
        responses: {
            /** @description OK: moderation result */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModerationResult"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportContent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One ImportItem per line: sources, then articles, then approved comments (parents before replies). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": components["schemas"]["ImportItem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportItemsInput"];
                "application/x-ndjson": components["schemas"]["ImportItemsInput"];
            };
        };
        responses: {
            /** @description OK: import report */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. Codes: payload_too_large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. Codes: unsupported_media_type. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSources: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                /** @description Exact publisher name. */
                publisher?: string;
                /** @description Text contained in the title or publisher (case-insensitive). */
                q?: string;
                /** @description Newest first (default), by publisher, or by the source's own publication date. */
                sort?: "-createdAt" | "publisher" | "-publishedAt";
                /** @description Exact URL, compared after normalisation. */
                url?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: source page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcePage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourceCreateInput"];
            };
        };
        responses: {
            /** @description Created: source */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: source */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSource: {
        parameters: {
            query?: {
                /** @description true removes the source from every article citing it; otherwise deleting a cited source is a 409. */
                detach?: "true" | "false";
            };
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourcePatchInput"];
            };
        };
        responses: {
            /** @description OK: source */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Source"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSourceArticles: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: article page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticlePage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTags: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: tag page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). Codes: validation_failed, invalid_json, json_too_deep, bad_url, invalid_cursor, bad_request, webhook_target_forbidden. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                /** @description Admins: only this user's tokens (default: every token). Others always see their own. */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: token page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreateInput"];
            };
        };
        responses: {
            /** @description Created: created token */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedToken"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. Codes: forbidden, registration_closed, scope_not_allowed, comments_closed, edit_window_closed. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                role?: components["schemas"]["RoleInput"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: user page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreateInput"];
            };
        };
        responses: {
            /** @description Created: user */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: user */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserPatchInput"];
            };
        };
        responses: {
            /** @description OK: user */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Only active (true) or inactive (false) webhooks. */
                active?: "true" | "false";
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: webhook page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookCreateInput"];
            };
        };
        responses: {
            /** @description Created: created webhook */
            201: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    /** @description URL of the created resource. */
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). Codes: validation_failed, invalid_json, json_too_deep, bad_url, invalid_cursor, bad_request, webhook_target_forbidden. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: webhook */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPatchInput"];
            };
        };
        responses: {
            /** @description OK: webhook */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). Codes: validation_failed, invalid_json, json_too_deep, bad_url, invalid_cursor, bad_request, webhook_target_forbidden. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description page.nextCursor from the previous page. Opaque: do not build or edit one. */
                cursor?: string;
                /** @description Items per page, 1 to 100. */
                limit?: number;
                status?: components["schemas"]["WebhookDeliveryStatusInput"];
            };
            header?: never;
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: webhook delivery page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier response: answers 304 when it still matches. */
                "if-none-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                deliveryId: string;
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: webhook delivery */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Not modified. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                deliveryId: string;
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: webhook delivery */
            202: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: webhook delivery */
            202: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state. Codes: slug_taken, email_taken, last_admin, source_exists, source_in_use, already_cited, already_related, webhook_inactive, sources_required, review_required, conflict, idempotency_in_progress. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this POST safe to retry: the first response is kept for 24 hours and a retry with the same key and the same request gets it again (with Idempotent-Replayed: true) without the work being done twice. The same key with another request is a 422; while the first is still running, a 409 with Retry-After. 1 to 255 printable ASCII characters, for example a UUID; keys are scoped to the caller. */
                "idempotency-key"?: string;
                /** @description The ETag you read. If the resource has changed since, the answer is 412 and nothing is written. */
                "if-match"?: string;
            };
            path: {
                /** @description Opaque, time-ordered identifier generated by the server (UUIDv7). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK: created webhook */
            200: {
                headers: {
                    /** @description Entity tag of this version; send it as If-None-Match on reads and If-Match on writes. */
                    etag?: string;
                    /** @description Present when this is the stored response to an earlier request with the same Idempotency-Key, repeated without doing the work again. */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description The request is not valid (problem details name each invalid part). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token: it is missing, malformed, expired or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token is valid but lacks the scope or role this needs. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you. Codes: not_found, route_not_found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another request with this Idempotency-Key is still running (idempotency_in_progress): retry after Retry-After seconds. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current version: nothing was written. Codes: precondition_failed. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body is larger than the server accepts. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request body must be application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was already used for another request (idempotency_key_reused). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something failed on the server; the problem carries a request id to report. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot take this request right now; retry later. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
