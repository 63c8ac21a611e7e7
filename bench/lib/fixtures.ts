import BetterSqlite3 from 'better-sqlite3'
import { encodeBaselineCursor } from '../baseline.js'
import { createRandom } from './prng.js'
import type { Fixtures } from './scenarios.js'

interface ListPage {
  data: Array<{ id: string, publishedAt: string | null }>
  page: { nextCursor: string | null }
}

export interface SampledData {
  reads: Fixtures['reads']
  writes: Fixtures['writes']
  tags: Fixtures['tags']
  commentable: Fixtures['commentable']
  publicArticles: number
}

/** Reads a sample of published articles and usable tags from the database, before any server runs. */
export function sampleDatabase (databasePath: string, seed: number, sampleSize = 5000): SampledData {
  const db = new BetterSqlite3(databasePath, { readonly: true })
  try {
    const now = new Date().toISOString()
    // Status alone, so an index answers: reading columns stored after the body from the table
    // would walk every body's overflow pages. Published rows are dated in the past.
    const ids = (db.prepare("SELECT id FROM articles WHERE status = 'published'").pluck().all() as string[]).sort()
    const random = createRandom(seed)
    for (let index = ids.length - 1; index > 0; index--) {
      const other = Math.floor(random.next() * (index + 1))
      const swap = ids[index] as string
      ids[index] = ids[other] as string
      ids[other] = swap
    }
    const size = Math.min(sampleSize, Math.floor(ids.length / 2))
    const bySlug = db.prepare('SELECT slug, version, status, comments_enabled FROM articles WHERE id = ?')
    const commentable: string[] = []
    const reads = ids.slice(0, size).map((id) => {
      const row = bySlug.get(id) as { slug: string, version: number, status: string, comments_enabled: number }
      if (row.comments_enabled === 1) commentable.push(id)
      return { id, slug: row.slug }
    })
    const tags = db.prepare(`SELECT tag FROM article_tags WHERE status IN ('published', 'scheduled') AND published_at <= ?
      GROUP BY tag HAVING count(*) > 20 ORDER BY tag`).pluck().all(now) as string[]
    const publicArticles = db.prepare("SELECT count(*) FROM articles WHERE status IN ('published', 'scheduled') AND published_at <= ?").pluck().get(now) as number
    return { reads, writes: ids.slice(size, 2 * size), tags, publicArticles, commentable }
  } finally {
    db.close()
  }
}

/**
 * The deep page's cursor, found the way a client finds it: following nextCursor through the
 * API 100 rows at a time. The baseline's cursor names the same keyset position.
 */
export async function findDeepCursors (apiOrigin: string, rows: number): Promise<{ api: string, baseline: string, rows: number }> {
  let cursor: string | null = null
  let last: { id: string, publishedAt: string | null } | undefined
  let seen = 0
  while (seen < rows) {
    const url: string = `${apiOrigin}/v1/articles?limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
    const response = await fetch(url)
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`)
    const page = await response.json() as ListPage
    last = page.data.at(-1)
    cursor = page.page.nextCursor
    seen += page.data.length
    if (cursor === null) break
  }
  if (cursor === null || last?.publishedAt == null) throw new Error(`the article list ended before ${rows} rows`)
  return { api: cursor, baseline: encodeBaselineCursor(last.publishedAt, last.id), rows: seen }
}

/**
 * The ETag a server gives each of these slugs, asked with `get` (a GET returning the
 * ETag header), a few requests at a time.
 */
export async function collectEtags (slugs: readonly string[], get: (path: string) => Promise<string | null>, concurrency = 8): Promise<Map<string, string>> {
  const etags = new Map<string, string>()
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < slugs.length) {
      const slug = slugs[next++] as string
      const etag = await get(`/v1/articles/slug/${slug}`)
      if (etag === null) throw new Error(`GET /v1/articles/slug/${slug} sent no ETag`)
      etags.set(slug, etag)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return etags
}

/** A `get` for collectEtags over HTTP. */
export function httpEtag (origin: string): (path: string) => Promise<string | null> {
  return async (path) => {
    const response = await fetch(`${origin}${path}`)
    await response.arrayBuffer()
    return response.headers.get('etag')
  }
}
