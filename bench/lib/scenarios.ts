import type { Random } from './prng.js'
import type { ServerKind } from './servers.js'

/*
 * The benchmark's scenarios. A scenario is a name and a request factory, called for every
 * request autocannon sends; both servers get the same sequence (same seed). To add one,
 * append an entry here (and, if it needs new data, add it to Fixtures in fixtures.ts and
 * a route to bench/baseline.ts).
 */

export interface Fixtures {
  /** Published articles for reads and 304s, with the ETag the API gives them. */
  reads: ReadonlyArray<{ slug: string, etag: string }>
  /** Published article ids for writes; disjoint from reads, so writes never change a read's ETag. */
  writes: readonly string[]
  /** Tags with at least a full page of public articles. */
  tags: readonly string[]
  /** A full-scope API token. */
  token: string
  /** How many rows deep the deep cursor points. */
  deepRows: number
  /** The deep page's cursor, in each server's own encoding. */
  deepCursor: Record<ServerKind, string>
}

export interface RequestSpec {
  method?: 'GET' | 'PATCH'
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface ScenarioContext {
  fixtures: Fixtures
  server: ServerKind
  random: Random
  /** Counts the requests of this run, from 0. */
  sequence: number
}

export interface Scenario {
  name: string
  description: string
  request: (context: ScenarioContext) => RequestSpec
}

function slugRead ({ fixtures, random }: ScenarioContext): RequestSpec {
  return { path: `/v1/articles/slug/${random.pick(fixtures.reads).slug}` }
}

function write ({ fixtures, random, sequence }: ScenarioContext): RequestSpec {
  return {
    method: 'PATCH',
    path: `/v1/articles/${random.pick(fixtures.writes)}`,
    headers: { authorization: `Bearer ${fixtures.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dek: `Updated by the benchmark (edit ${sequence}): the council's figures were revised after publication.` })
  }
}

export const scenarios: readonly Scenario[] = [
  {
    name: 'slug',
    description: 'GET /v1/articles/slug/{slug}: a random published article, anonymous',
    request: slugRead
  },
  {
    name: 'slug-304',
    description: 'the same with If-None-Match carrying the current ETag: the 304 path',
    request: ({ fixtures, random }) => {
      const article = random.pick(fixtures.reads)
      return { path: `/v1/articles/slug/${article.slug}`, headers: { 'if-none-match': article.etag } }
    }
  },
  {
    name: 'list-first',
    description: 'GET /v1/articles?limit=20: the first page, newest first',
    request: () => ({ path: '/v1/articles?limit=20' })
  },
  {
    name: 'list-deep',
    description: 'GET /v1/articles?limit=20&cursor=…: a page deep in the list (see deepRows)',
    request: ({ fixtures, server }) => ({ path: `/v1/articles?limit=20&cursor=${encodeURIComponent(fixtures.deepCursor[server])}` })
  },
  {
    name: 'list-tag',
    description: 'GET /v1/articles?tag=…&limit=20: first page of a random tag',
    request: ({ fixtures, random }) => ({ path: `/v1/articles?tag=${encodeURIComponent(random.pick(fixtures.tags))}&limit=20` })
  },
  {
    name: 'patch',
    description: 'PATCH /v1/articles/{id} {"dek": …} with a bearer token, no If-Match: random published articles',
    request: write
  },
  {
    name: 'mix-90-10',
    description: '90% slug reads, 10% PATCH writes',
    request: (context) => context.random.chance(0.1) ? write(context) : slugRead(context)
  }
]
