import { createHash } from 'node:crypto'
import { rmSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { migrateDatabase, openDatabase } from '../src/db/client.js'
import { scopes } from '../src/lib/access.js'
import { analyseBody } from '../src/lib/markdown.js'
import { slugFromText } from '../src/lib/slug.js'
import { normaliseUrl } from '../src/lib/url.js'
import { apiTokenPrefix, hashToken, sessionTokenPrefix } from '../src/modules/accounts/accounts.service.js'
import { deriveAnalysis } from './lib/body-analysis.js'
import { generateBody, generateCommentBody, generateDek, generateSourceTitle, generateTags, generateTitle, models, personName, publishers, tagVocabulary } from './lib/content.js'
import { createRandom, type Random } from './lib/prng.js'
import { defaultDatabasePath, type DatasetInfo } from './lib/dataset.js'

/*
 * npm run bench:data -- --articles 100000 --seed 42 --out bench/data/newsdesk-bench.db
 * A realistic database, deterministic from the seed and the anchor day (--now, default today
 * 00:00 UTC): times are relative to it so scheduled articles stay in the future.
 */

const dayMs = 86_400_000
const yearMs = 365 * dayMs
const batchSize = 5000

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    users: { type: 'string', default: '500' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: defaultDatabasePath },
    now: { type: 'string' },
    'comments-per-article': { type: 'string', default: '10' },
    'member-sessions': { type: 'string', default: '300' },
    'verify-all': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false }
  }
})

const articleCount = Number(args.articles)
const userCount = Math.max(100, Number(args.users))
const sourceCount = Math.max(10, Math.min(20_000, articleCount * 2))
const seed = Number(args.seed)
const commentsPerArticle = Math.max(0, Number(args['comments-per-article']))
const memberSessionCount = Math.max(1, Number(args['member-sessions']))
const out = resolve(args.out)
const anchor = args.now === undefined ? Math.floor(Date.now() / dayMs) * dayMs : Date.parse(args.now)
if (!Number.isInteger(articleCount) || articleCount < 1 || !Number.isInteger(seed) || Number.isNaN(anchor)) {
  throw new Error('usage: generate-data --articles N --seed S --out file.db [--users N] [--now ISO-date] [--verify-all]')
}
const log = (message: string): void => { if (args.quiet !== true) process.stdout.write(`${message}\n`) }

/** A UUIDv7 for the given time, its random bits from the seeded PRNG. */
function uuidv7 (random: Random, at: number): string {
  const bytes = random.bytes(16)
  bytes.writeUIntBE(at, 0, 6)
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const iso = (time: number): string => new Date(time).toISOString()
const derived = (purpose: string, bytes = 32): string => createHash('sha256').update(`newsdesk-bench:${purpose}:${seed}`).digest().subarray(0, bytes).toString('base64url')

interface User { id: string, role: 'admin' | 'editor' | 'author' | 'member', name: string }

const started = performance.now()
for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${out}${suffix}`, { force: true })
const database = openDatabase(out)
migrateDatabase(database)
const { sqlite } = database
// Bulk load without a journal; the file is switched back to WAL (what the app uses) at the end.
sqlite.pragma('journal_mode = OFF')
sqlite.pragma('synchronous = OFF')
sqlite.pragma('cache_size = -524288')

// Secondary indexes are dropped and rebuilt from the migrations' own SQL after the load:
// a third faster than maintaining them row by row, and the schema ends up identical.
const secondaryIndexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('articles', 'article_tags', 'sources', 'citations', 'related_links', 'comments')")
  .all() as Array<{ name: string, sql: string }>
for (const index of secondaryIndexes) sqlite.exec(`DROP INDEX "${index.name}"`)
// The full-text and comment-count triggers are dropped too: the index is rebuilt in one pass
// and the counts set in one UPDATE at the end, then the triggers restored from the migration's SQL.
const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL").all() as Array<{ name: string, sql: string }>
for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`)
const random = createRandom(seed)

const users: User[] = []
const insertUser = sqlite.prepare(`INSERT INTO users (id, email, display_name, role, password_hash, disabled_at, created_at, updated_at, version)
  VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, 1)`)
sqlite.transaction(() => {
  for (let index = 0; index < userCount; index++) {
    const role: User['role'] = index === 0 ? 'admin' : index <= 20 ? 'editor' : index <= 80 ? 'author' : 'member'
    const createdAt = iso(anchor - 6 * yearMs + index * dayMs + random.int(0, dayMs - 1))
    const user: User = { id: uuidv7(random, Date.parse(createdAt)), role, name: index === 0 ? 'Bench Administrator' : personName(random) }
    insertUser.run(user.id, `${role}-${index}@bench.newsdesk.invalid`, user.name, role, createdAt, createdAt)
    users.push(user)
  }
})()
const admin = users[0]
if (admin === undefined) throw new Error('no admin')
const writers = users.filter((user) => user.role === 'author' || user.role === 'editor')
const editors = users.filter((user) => user.role === 'editor')

// Same shape as the tokens the API issues, so it authenticates through the normal path.
const token = `${apiTokenPrefix}${derived('api-token')}`
sqlite.prepare(`INSERT INTO api_tokens (id, user_id, kind, name, prefix, token_hash, scopes, expires_at, last_used_at, revoked_at, created_at)
  VALUES (?, ?, 'api', 'bench admin token', ?, ?, ?, NULL, NULL, NULL, ?)`)
  .run(uuidv7(random, anchor), admin.id, token.slice(0, 12), hashToken(token), JSON.stringify(scopes), iso(anchor))
sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?)').run('cursor_secret', derived('cursor-secret'))

// Other people's sign-in sessions (secrets thrown away), so api_tokens has a realistic size
// and its statistics lead the planner to the hash index, as in a live database.
const insertSession = sqlite.prepare(`INSERT INTO api_tokens (id, user_id, kind, name, prefix, token_hash, scopes, expires_at, last_used_at, revoked_at, created_at)
  VALUES (?, ?, 'session', 'session', ?, ?, '[]', ?, ?, ?, ?)`)
let sessionCount = 0
sqlite.transaction(() => {
  for (const user of users) {
    for (let session = random.int(0, 3); session > 0; session--) {
      const createdAt = anchor - random.int(0, 60 * dayMs)
      const secret = `${sessionTokenPrefix}${random.bytes(32).toString('base64url')}`
      insertSession.run(uuidv7(random, createdAt), user.id, secret.slice(0, 12), hashToken(secret), iso(createdAt + 30 * dayMs), iso(createdAt + random.int(0, dayMs)),
        random.chance(0.2) ? iso(createdAt + random.int(0, 10 * dayMs)) : null, iso(createdAt))
      sessionCount++
    }
  }
})()

// Signed-in members for the comment-posting scenario: sessions stored as the accounts service
// stores them (kind 'session', SHA-256 of the secret); the secrets are derived from the seed.
const members = users.filter((user) => user.role === 'member')
const memberSessions: DatasetInfo['memberSessions'] = []
sqlite.transaction(() => {
  for (const [index, member] of members.slice(0, memberSessionCount).entries()) {
    const secret = `${sessionTokenPrefix}${derived(`member-session-${index}`)}`
    insertSession.run(uuidv7(random, anchor), member.id, secret.slice(0, 12), hashToken(secret), iso(anchor + 30 * dayMs), iso(anchor), null, iso(anchor))
    memberSessions.push({ userId: member.id, token: secret })
  }
})()

// Sources: unique normalised https URLs, a publisher from a fixed list.
const insertSource = sqlite.prepare(`INSERT INTO sources (id, url, title, publisher, author, published_at, accessed_at, language, notes, content_hash, archived_url, created_at, updated_at, version)
  VALUES (?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, 1)`)
const sourceIds: string[] = []
sqlite.transaction(() => {
  for (let index = 0; index < sourceCount; index++) {
    const publisher = random.pick(publishers)
    const title = generateSourceTitle(random)
    const createdAt = anchor - 6 * yearMs + Math.floor((index + random.next()) * 6 * yearMs / sourceCount)
    const domain = `${slugFromText(publisher)}.example`
    const url = normaliseUrl(`https://${domain}/${random.pick(['reports', 'news', 'data', 'documents'])}/${new Date(createdAt).getUTCFullYear()}/${index}-${slugFromText(title)}`)
    const id = uuidv7(random, createdAt)
    const publishedAt = random.chance(0.8) ? iso(createdAt - random.int(0, 30 * dayMs)) : null
    insertSource.run(id, url, title, publisher, random.chance(0.6) ? personName(random) : null, publishedAt, iso(createdAt), random.chance(0.1) ? 'Figures in the appendix' : null,
      random.chance(0.3) ? createHash('sha256').update(url).digest('hex') : null, random.chance(0.2) ? `https://archive.example/${index}` : null, iso(createdAt), iso(createdAt))
    sourceIds.push(id)
  }
})()

const insertCitation = sqlite.prepare('INSERT INTO citations (article_id, source_id, position, note) VALUES (?, ?, ?, ?)')
const insertRelated = sqlite.prepare('INSERT INTO related_links (article_id, related_id, position) VALUES (?, ?, ?)')
const insertComment = sqlite.prepare(`INSERT INTO comments (id, article_id, parent_id, root_id, depth, author_id, body, status, edited_at, deleted_at, created_at, updated_at, version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 1)`)
const articleIds: string[] = []
const extra = { citations: 0, related: 0, comments: 0, approvedComments: 0 }

interface GeneratedComment { id: string, parentId: string | null, rootId: string | null, depth: number, authorId: string, body: string, status: string, deletedAt: string | null, createdAt: string }

/** A thread of comments on an article published at `publishedAt`, oldest first. */
function generateComments (publishedAt: number): GeneratedComment[] {
  const count = commentsPerArticle === 0 ? 0 : random.int(0, 2 * commentsPerArticle)
  const until = Math.min(anchor, publishedAt + 14 * dayMs)
  const times = Array.from({ length: count }, () => random.int(publishedAt, Math.max(publishedAt, until - 1))).sort((a, b) => a - b)
  const comments: GeneratedComment[] = []
  for (const time of times) {
    const parent = comments.length > 0 && random.chance(0.5) ? random.pick(comments) : undefined
    const nested = parent !== undefined && parent.depth < 3 ? parent : undefined
    const roll = random.next()
    const deleted = random.chance(0.02)
    const createdAt = iso(time)
    comments.push({
      id: uuidv7(random, time),
      parentId: nested?.id ?? null,
      rootId: nested === undefined ? null : (nested.rootId ?? nested.id),
      depth: nested === undefined ? 0 : nested.depth + 1,
      authorId: random.pick(members).id,
      body: deleted ? '' : generateCommentBody(random),
      status: roll < 0.85 ? 'approved' : roll < 0.95 ? 'pending' : roll < 0.98 ? 'rejected' : 'spam',
      deletedAt: deleted ? createdAt : null,
      createdAt
    })
  }
  return comments
}

const insertArticle = sqlite.prepare(`INSERT INTO articles (id, slug, title, dek, body, status, published_at, byline, tags, origin, model, reviewed_by,
  reviewed_at, disclosure, comments_enabled, author_id, reading_time_minutes, outline, created_at, updated_at, version, comment_count)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`)
const insertTag = sqlite.prepare('INSERT INTO article_tags (article_id, tag, status, published_at) VALUES (?, ?, ?, ?)')
const insertRevision = sqlite.prepare('INSERT INTO article_revisions (article_id, version, snapshot, created_at, created_by) VALUES (?, 1, ?, ?, ?)')

const slugs = new Map<string, number>()
function uniqueSlug (title: string): string {
  const base = slugFromText(title)
  const taken = slugs.get(base) ?? 0
  slugs.set(base, taken + 1)
  return taken === 0 ? base : `${base}-${taken + 1}`
}

const counts = { status: { published: 0, draft: 0, scheduled: 0, archived: 0 }, origin: { human: 0, 'ai-assisted': 0, 'ai-generated': 0 }, articleTags: 0, verified: 0, bodyBytes: 0 }
const span = 5 * yearMs
const start = anchor - span

function insertOne (index: number): void {
  const roll = random.next()
  const status = roll < 0.85 ? 'published' : roll < 0.92 ? 'draft' : roll < 0.96 ? 'scheduled' : 'archived'
  const base = start + Math.floor((index + random.next()) * span / articleCount)
  let createdAt = base + random.int(0, 120_000)
  let publishedAt: number | null = base
  if (status === 'draft') publishedAt = null
  if (status === 'scheduled') {
    createdAt = anchor - random.int(0, 14 * dayMs)
    publishedAt = anchor + random.int(dayMs, 60 * dayMs)
  }
  const originRoll = random.next()
  const origin = originRoll < 0.72 ? 'human' : originRoll < 0.9 ? 'ai-assisted' : 'ai-generated'
  const model = origin === 'human' ? null : random.pick(models)
  const reviewed = origin === 'ai-generated' && publishedAt !== null && status !== 'scheduled'
  const author = random.pick(writers)
  const title = generateTitle(random)
  const body = generateBody(random, random.int(3000, 8000))
  const analysis = deriveAnalysis(body)
  if (args['verify-all'] === true || index % 97 === 0) {
    const expected = analyseBody(body.markdown)
    if (JSON.stringify(expected) !== JSON.stringify(analysis)) {
      throw new Error(`derived outline/reading time differ from analyseBody for article ${index}: ${JSON.stringify(analysis)} vs ${JSON.stringify(expected)}`)
    }
    counts.verified++
  }
  const record = {
    id: uuidv7(random, createdAt),
    slug: uniqueSlug(title),
    title,
    dek: generateDek(random),
    body: body.markdown,
    status,
    publishedAt: publishedAt === null ? null : iso(publishedAt),
    tags: generateTags(random),
    byline: origin === 'ai-generated' ? (random.chance(0.5) ? 'Newsdesk automation' : null) : random.chance(0.93) ? author.name : random.chance(0.5) ? 'Newsdesk staff' : null,
    provenance: {
      origin,
      model,
      reviewedBy: reviewed ? random.pick(editors).id : null,
      reviewedAt: reviewed && publishedAt !== null ? iso(publishedAt - random.int(60_000, 6 * 3_600_000)) : null
    },
    disclosure: origin === 'ai-generated' || (origin === 'ai-assisted' && random.chance(0.5))
      ? `This article was ${origin === 'ai-generated' ? 'written by' : 'drafted with help from'} ${model ?? 'a model'} from the sources listed below${reviewed ? ' and reviewed by an editor' : ''}.`
      : null,
    commentsEnabled: random.chance(0.9)
  }
  const created = iso(createdAt)
  // Comments first, so the article row is written once with its count (what the triggers would keep).
  const comments = status === 'published' && publishedAt !== null && record.commentsEnabled ? generateComments(publishedAt) : []
  const approved = comments.filter((comment) => comment.status === 'approved' && comment.deletedAt === null).length
  insertArticle.run(record.id, record.slug, record.title, record.dek, record.body, status, record.publishedAt, record.byline, JSON.stringify(record.tags),
    origin, model, record.provenance.reviewedBy, record.provenance.reviewedAt, record.disclosure, record.commentsEnabled ? 1 : 0, author.id,
    analysis.readingTimeMinutes, JSON.stringify(analysis.outline), created, created, approved)
  for (const comment of comments) {
    insertComment.run(comment.id, record.id, comment.parentId, comment.rootId, comment.depth, comment.authorId, comment.body, comment.status, comment.deletedAt, comment.createdAt, comment.createdAt)
  }
  const cited = new Set<string>()
  for (let wanted = origin === 'ai-generated' ? random.int(1, 6) : random.int(0, 6); cited.size < wanted;) cited.add(random.pick(sourceIds))
  for (const [position, sourceId] of [...cited].entries()) insertCitation.run(record.id, sourceId, position + 1, random.chance(0.25) ? 'Figures quoted in the third section' : null)
  // Related links point back to earlier articles, so no self-links; a Set drops duplicates.
  const related = new Set<string>()
  for (let wanted = Math.min(index, random.int(0, 5)); related.size < wanted;) related.add(articleIds[index - random.int(1, Math.min(index, 3000))] ?? '')
  for (const [position, relatedId] of [...related].entries()) insertRelated.run(record.id, relatedId, position + 1)
  articleIds.push(record.id)
  extra.citations += cited.size
  extra.related += related.size
  extra.comments += comments.length
  extra.approvedComments += approved
  for (const tag of record.tags) insertTag.run(record.id, tag, status, record.publishedAt)
  // Version 1 as the service's toRevisionContent writes it.
  const { id: _id, ...content } = record
  insertRevision.run(record.id, JSON.stringify(content), created, author.id)
  counts.status[status]++
  counts.origin[origin]++
  counts.articleTags += record.tags.length
  counts.bodyBytes += Buffer.byteLength(record.body)
}

for (let first = 0; first < articleCount; first += batchSize) {
  sqlite.transaction(() => {
    for (let index = first; index < Math.min(articleCount, first + batchSize); index++) insertOne(index)
  })()
  if (first > 0 && first % 20_000 === 0) log(`  ${first.toLocaleString('en-GB')} articles, ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

log(`  rows written in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding ${secondaryIndexes.length} indexes`)
for (const index of secondaryIndexes) sqlite.exec(index.sql)
log(`  indexes in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding the full-text index`)
sqlite.exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
// What the search-filter triggers would have written, in one pass (migration 0003's own fill).
sqlite.exec('INSERT INTO article_search_filters (article_rowid, id, status, published_at, author_id, origin) SELECT rowid, id, status, published_at, author_id, origin FROM articles')
for (const trigger of triggers) sqlite.exec(trigger.sql)
const counted = sqlite.prepare("SELECT (SELECT sum(comment_count) FROM articles) AS stored, (SELECT count(*) FROM comments WHERE status = 'approved' AND deleted_at IS NULL) AS actual").get() as { stored: number | null, actual: number }
if ((counted.stored ?? 0) !== counted.actual) throw new Error(`comment_count sums to ${String(counted.stored)} but ${counted.actual} comments are approved`)
sqlite.pragma('journal_mode = WAL')
database.close()
const elapsedMs = Math.round(performance.now() - started)

const info: DatasetInfo = {
  seed,
  anchor: iso(anchor),
  token,
  tokenUserId: admin.id,
  memberSessions,
  counts: {
    users: users.length,
    sessions: sessionCount,
    articles: articleCount,
    articleTags: counts.articleTags,
    revisions: articleCount,
    sources: sourceCount,
    citations: extra.citations,
    relatedLinks: extra.related,
    comments: extra.comments,
    approvedComments: extra.approvedComments,
    commentsPerArticle,
    tagVocabulary: tagVocabulary.length,
    byStatus: counts.status,
    byOrigin: counts.origin
  },
  averageBodyBytes: Math.round(counts.bodyBytes / articleCount),
  analysisVerifiedOn: counts.verified,
  databaseBytes: statSync(out).size,
  generatedInMs: elapsedMs,
  generatedAt: new Date().toISOString()
}
writeFileSync(`${out}.json`, `${JSON.stringify(info, null, 2)}\n`)
log(`wrote ${out} (${(info.databaseBytes / 1e6).toFixed(0)} MB): ${articleCount.toLocaleString('en-GB')} articles, ${users.length} users, ${sessionCount} sessions, ${counts.articleTags.toLocaleString('en-GB')} tag rows`)
log(`${sourceCount.toLocaleString('en-GB')} sources, ${extra.citations.toLocaleString('en-GB')} citations, ${extra.related.toLocaleString('en-GB')} related links, ${extra.comments.toLocaleString('en-GB')} comments (${extra.approvedComments.toLocaleString('en-GB')} approved), ${memberSessions.length} member sessions`)
log(`status ${JSON.stringify(counts.status)}; origin ${JSON.stringify(counts.origin)}; outline checked against analyseBody on ${counts.verified} articles`)
log(`bench token (all scopes) in ${out}.json`)
log(`elapsed ${(elapsedMs / 1000).toFixed(1)} s`)
