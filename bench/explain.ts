import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type BetterSqlite3 from 'better-sqlite3'
import { buildApp } from '../src/app.js'
import { parseConfig } from '../src/config.js'
import { migrateDatabase, openDatabase } from '../src/db/client.js'
import { baselineSql, encodeBaselineCursor } from './baseline.js'
import { defaultDatabasePath, readDatasetInfo } from './lib/dataset.js'
import { collectEtags, sampleDatabase } from './lib/fixtures.js'
import { createRandom } from './lib/prng.js'
import { updateReadme } from './lib/report.js'
import { scenarios, type Fixtures } from './lib/scenarios.js'

/*
 * npm run bench:explain [-- --db path]
 * EXPLAIN QUERY PLAN for every statement the API runs for each scenario, captured from the
 * real app (buildApp + inject, the connection's prepare() wrapped), with the parameters it
 * bound, on the benchmark database. Writes run inside a transaction that is rolled back.
 * Exits 1 when a plan scans a table without an index or sorts in a temporary B-tree.
 */

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: defaultDatabasePath },
    requests: { type: 'string', default: '8' },
    readme: { type: 'boolean', default: false }
  }
})
const databasePath = resolve(args.db ?? defaultDatabasePath)
const requestsPerScenario = Number(args.requests)

interface Captured { sql: string, params: unknown[] }
interface PlanRow { id: number, parent: number, detail: string }
interface ListPage { data: Array<{ id: string, publishedAt: string }>, page: { nextCursor: string | null } }

function capture (sqlite: BetterSqlite3.Database, into: Captured[]): void {
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source)
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method] as (...params: unknown[]) => unknown
      Object.defineProperty(statement, method, {
        value: function (this: unknown, ...params: unknown[]) {
          into.push({ sql: source, params })
          return original.apply(this, params)
        }
      })
    }
    return statement
  }) as typeof sqlite.prepare
}

function plan (sqlite: BetterSqlite3.Database, query: Captured): PlanRow[] {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as PlanRow[]
}

/**
 * Plan steps that are the query's nature, not a missing index: the statement matches
 * `pattern` and the complaint matches `step`. Reported, not counted as failures.
 */
const acknowledgedSteps: ReadonlyArray<{ step: RegExp, pattern: RegExp, reason: string }> = [
  { step: /USE TEMP B-TREE/, pattern: /ORDER BY bm25\(|ORDER BY rank |ORDER BY "searchRank"|ORDER BY search_rank/i, reason: 'relevance order: bm25() is computed per match, so every match must be ranked and sorted (then the page, at most limit rows, again after the join)' },
  { step: /USE TEMP B-TREE/, pattern: /root_id IN \(SELECT value FROM json_each/i, reason: 'the replies of one page of threads: one index range per thread, merged by a sort bounded by the page' },
  { step: /^SCAN webhooks$/, pattern: /^SELECT id, url, secret FROM webhooks WHERE active = 1$/, reason: 'the dispatcher\'s poll lists the active webhooks, then reads each one\'s due deliveries by index: the webhooks table holds a site\'s few subscriptions' },
  { step: /^SCAN webhooks$/, pattern: /^SELECT 1 FROM webhooks WHERE active = 1 AND \(instr\(events, \?\)/, reason: 'whether any active webhook subscribes to the event, on every write: the webhooks table holds a site\'s few subscriptions, each with its event filters as a JSON array, so one pass over them; the size of the content does not change it' }
]

/**
 * A full scan of a table (by any alias), or a sort the index should have made unnecessary.
 * Not scans of a table: a full-text MATCH (FTS5's plan "INDEX 0:M…" reads the index's
 * doclists for the query's terms; "INDEX 0:=M…" looks the rowids asked for up in them), json_each over a parameter array (the ids asked for), and
 * a LIMITed subquery ("top", the page) read back.
 */
function problemsIn (rows: readonly PlanRow[]): string[] {
  return rows.map((row) => row.detail).filter((detail) =>
    (/^SCAN /.test(detail) && !/ USING (COVERING )?INDEX | USING INTEGER PRIMARY KEY|^SCAN CONSTANT ROW|VALUES CLAUSE$|^SCAN \w+ VIRTUAL TABLE INDEX 0:=?M|^SCAN json_each VIRTUAL TABLE|^SCAN top$/.test(detail)) || /USE TEMP B-TREE/.test(detail))
}

/** Reports a statement's plan problems; returns how many count as failures. */
function report (sql: string, rows: readonly PlanRow[]): number {
  let counted = 0
  for (const problem of problemsIn(rows)) {
    const excuse = acknowledgedSteps.find((entry) => entry.step.test(problem) && entry.pattern.test(sql))
    if (excuse === undefined) {
      out(`  !! ${problem}`)
      counted++
    } else {
      out(`  -- acknowledged: ${problem} (${excuse.reason})`)
      acknowledged++
    }
  }
  return counted
}

function formatPlan (rows: readonly PlanRow[]): string {
  const depth = new Map<number, number>([[0, 0]])
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? 0) + 1
    depth.set(row.id, level)
    return `${'  '.repeat(level)}${row.detail}`
  }).join('\n')
}

/** One line of SQL with long column lists and multi-row VALUES shortened. */
function shortSql (text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat
    .replace(/^(select )(.+?)( from )/i, (match, select: string, columns: string, from: string) =>
      columns.length > 80 ? `${select}<${columns.split(',').length} columns>${from}` : match)
    .replace(/^(update \S+ set )(.+?)( where )/i, (match, update: string, columns: string, where: string) =>
      columns.length > 80 ? `${update}<${columns.split('=').length - 1} columns>${where}` : match)
    .replace(/ values (\([^)]*\))(, \([^)]*\))+$/i, ' values $1, … (one per row)')
}

const dataset = readDatasetInfo(databasePath)
const sample = sampleDatabase(databasePath, dataset.seed)
// Not closed through openDatabase's close(): that runs PRAGMA optimize, a write.
const database = openDatabase(databasePath)
// Migrated as the server does on every start, so a database generated before the latest
// migration is explained with the indexes the code now names.
migrateDatabase(database)
const { sqlite } = database
// Wrapped before the app is built: repositories prepare their statements once, up front.
const captured: Captured[] = []
capture(sqlite, captured)
// Load shedding off: explaining runs the slow searches back to back on purpose, and the
// event-loop delay they cause must not turn the next scenario's request into a 503.
const app = await buildApp({ config: parseConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEWSDESK_DEMO: '0', DATABASE_PATH: databasePath, OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0' }), database, logger: false })
await app.ready()

// The deep cursor, paged to through the API as a client would.
const deepRows = Math.max(100, Math.min(50_000, Math.floor(sample.publicArticles / 200) * 100))
let cursor: string | null = null
let last: { id: string, publishedAt: string } | undefined
for (let seen = 0; seen < deepRows; seen += 100) {
  const url: string = `/v1/articles?limit=100${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
  const page: ListPage = (await app.inject({ url })).json()
  cursor = page.page.nextCursor
  last = page.data.at(-1)
}
if (cursor === null || last === undefined) throw new Error('the list ended before the deep page')
// The API's own ETags, so the 304 scenario's statements are the 304 path's.
const apiEtags = await collectEtags(sample.reads.map((read) => read.slug), async (url) => {
  const etag = (await app.inject({ url })).headers.etag
  return typeof etag === 'string' ? etag : null
})
const fixtures: Fixtures = { ...sample, etags: { api: apiEtags, baseline: new Map() }, members: dataset.memberSessions.map((session) => session.token), token: dataset.token, deepRows, deepCursor: { api: cursor, baseline: encodeBaselineCursor(last.publishedAt, last.id) } }

let failures = 0
let acknowledged = 0
const lines: string[] = []
function out (line = ''): void {
  lines.push(line)
  process.stdout.write(`${line}\n`)
}
out(`Query plans on ${relative(process.cwd(), databasePath)} (${dataset.counts.articles.toLocaleString('en-GB')} articles; SQLite ${String(sqlite.prepare('SELECT sqlite_version()').pluck().get())})`)

for (const scenario of scenarios) {
  const random = createRandom(11)
  const seen = new Map<string, Captured>()
  for (let sequence = 0; sequence < requestsPerScenario; sequence++) {
    const spec = scenario.request({ fixtures, server: 'api', random, sequence })
    captured.length = 0
    sqlite.exec('BEGIN')
    const response = await app.inject({ method: spec.method ?? 'GET', url: spec.path, headers: spec.headers ?? {}, ...(spec.body === undefined ? {} : { payload: spec.body }) })
    sqlite.exec('ROLLBACK')
    if (response.statusCode >= 400) throw new Error(`${scenario.name}: ${spec.method ?? 'GET'} ${spec.path} answered ${response.statusCode}: ${response.body}`)
    // Statements that differ only in how many VALUES rows they insert are shown once.
    for (const query of captured) if (!seen.has(shortSql(query.sql))) seen.set(shortSql(query.sql), query)
  }
  out(`\n### ${scenario.name}: ${scenario.description}\n`)
  for (const query of seen.values()) {
    const rows = plan(sqlite, query)
    out(shortSql(query.sql))
    out(formatPlan(rows))
    failures += report(query.sql, rows)
  }
}

out('\n### baseline (bench/baseline.ts)\n')
const now = new Date().toISOString()
const [publishedAt, id] = JSON.parse(Buffer.from(fixtures.deepCursor.baseline, 'base64url').toString('utf8')) as [string, string]
const tag = fixtures.tags[0] ?? 'politics'
const baselineParams: Record<keyof typeof baselineSql, unknown[]> = {
  bySlug: [fixtures.reads[0]?.slug],
  byId: [id],
  firstPage: [now, 21],
  pageAfter: [publishedAt, id, 21],
  tagFirstPage: [tag, now, 21],
  tagPageAfter: [tag, publishedAt, id, 21],
  updateDek: ['dek', now, id],
  insertRevision: [id, 2, '{}', now],
  citationsOf: [JSON.stringify([id])],
  relatedOf: [JSON.stringify([id]), now],
  search: ['"council"*', now, 21],
  commentRoots: [id, 21],
  commentReplies: [JSON.stringify([id])],
  sessionUser: ['0'.repeat(64)],
  commentById: [id],
  insertComment: ['bench-explain', id, dataset.tokenUserId, 'text', now, now],
  sharedSources: [id],
  links: [id],
  tagsOf: [id],
  recentWithTag: [tag, now, 200],
  textMatches: ['"council" "budget"', now, 50],
  documents: ['"council"'],
  summariesByIds: [JSON.stringify([id])]
}
for (const [name, text] of Object.entries(baselineSql) as Array<[keyof typeof baselineSql, string]>) {
  const rows = plan(sqlite, { sql: text, params: baselineParams[name] })
  out(`${name}: ${shortSql(text)}`)
  out(formatPlan(rows))
  failures += report(text, rows)
}

await app.close()
sqlite.close()
if (args.readme === true) {
  updateReadme(resolve(import.meta.dirname, 'README.md'), 'plans', `\`\`\`text\n${lines.join('\n').trim()}\n\`\`\``)
  process.stdout.write('updated the plans in bench/README.md\n')
}
if (failures > 0) {
  out(`\n${failures} plan step(s) scan a table or sort in a temporary B-tree`)
  process.exitCode = 1
} else {
  out(`\nno plan scans a table or sorts in a temporary B-tree${acknowledged > 0 ? ` (${acknowledged} acknowledged step(s), reasons above)` : ''}`)
}
