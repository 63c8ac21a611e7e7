import type { Random } from './prng.js'
import type { ServerKind } from './servers.js'

/*
 * The benchmark's scenarios. A scenario is a name and a request factory, called for every
 * request autocannon sends; both servers get the same sequence (same seed). To add one,
 * append an entry here (and, if it needs new data, add it to Fixtures in fixtures.ts and
 * a route to bench/baseline.ts).
 */

export interface Fixtures {
  /** Published articles for reads and 304s. */
  reads: ReadonlyArray<{ id: string, slug: string }>
  /**
   * Each server's current ETag of each read (by slug), asked from the server itself at
   * start-up, so the 304 scenario stays a 304 scenario whatever the tag's format becomes.
   */
  etags: Record<ServerKind, ReadonlyMap<string, string>>
  /** Published articles (among reads) with comments enabled, for posting comments. */
  commentable: readonly string[]
  /** Session tokens of signed-in members. */
  members: readonly string[]
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
  method?: 'GET' | 'PATCH' | 'POST'
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
  /** Response paths whose values legitimately differ between the servers (new ids, times). */
  ignore?: readonly RegExp[]
  /** The status nearly every response must have (99 %), when 2xx/3xx alone says too little. */
  expectedStatus?: number
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
    request: ({ fixtures, random, server }) => {
      const { slug } = random.pick(fixtures.reads)
      return { path: `/v1/articles/slug/${slug}`, headers: { 'if-none-match': fixtures.etags[server].get(slug) ?? '"unknown"' } }
    },
    expectedStatus: 304
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
    name: 'id-sources',
    description: 'GET /v1/articles/{id}?include=sources: a random published article with its cited sources',
    request: ({ fixtures, random }) => ({ path: `/v1/articles/${random.pick(fixtures.reads).id}?include=sources` })
  },
  {
    name: 'list-sources',
    description: 'GET /v1/articles?limit=20&include=sources: the first page, each item with its sources',
    request: () => ({ path: '/v1/articles?limit=20&include=sources' })
  },
  {
    name: 'search',
    description: 'GET /v1/articles?q=council&limit=20: full-text search for a common word as typed (its last word also a prefix), by relevance',
    request: () => ({ path: '/v1/articles?q=council&limit=20' })
  },
  {
    name: 'search-partial',
    description: 'GET /v1/articles?q=counc&limit=20: a word half typed, no word of its own: every match is a prefix match, ranked together',
    request: () => ({ path: '/v1/articles?q=counc&limit=20' })
  },
  {
    name: 'search-word',
    description: 'GET /v1/articles?q=council%20&limit=20: the same word typed to its end (a trailing space: no prefix expansion)',
    request: () => ({ path: '/v1/articles?q=council%20&limit=20' })
  },
  {
    name: 'id-related',
    description: 'GET /v1/articles/{id}?include=related: a random published article with its related articles',
    request: ({ fixtures, random }) => ({ path: `/v1/articles/${random.pick(fixtures.reads).id}?include=related` })
  },
  {
    name: 'suggestions',
    description: 'GET /v1/articles/{id}/related/suggestions with the admin token: candidates by shared sources, tags and text',
    request: ({ fixtures, random }) => ({ path: `/v1/articles/${random.pick(fixtures.reads).id}/related/suggestions`, headers: { authorization: `Bearer ${fixtures.token}` } })
  },
  {
    name: 'comments',
    description: 'GET /v1/articles/{id}/comments?limit=20: first page of approved threads, anonymous',
    request: ({ fixtures, random }) => ({ path: `/v1/articles/${random.pick(fixtures.reads).id}/comments?limit=20` })
  },
  {
    name: 'comment-post',
    description: 'POST /v1/articles/{id}/comments as a random signed-in member (session token): a new pending comment',
    request: ({ fixtures, random, sequence }) => ({
      method: 'POST',
      path: `/v1/articles/${random.pick(fixtures.commentable)}/comments`,
      headers: { authorization: `Bearer ${random.pick(fixtures.members)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Comment ${sequence} from the benchmark: the figures in the third paragraph do not add up.` })
    }),
    ignore: [/^id$/, /^createdAt$/, /^updatedAt$/]
  },
  {
    name: 'mix-90-10',
    description: '90% slug reads, 10% PATCH writes',
    request: (context) => context.random.chance(0.1) ? write(context) : slugRead(context)
  }
]
