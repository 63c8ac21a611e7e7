import type { FastifyInstance } from 'fastify'
import t from 'tap'
import type { Database } from '../../../src/db/client.js'
import { bearer, buildTestApp, json, type TestApp } from '../../helpers/app.js'
import { createArticle } from '../../helpers/articles.js'
import { exportLines, importOk, ndjson } from '../../helpers/transfer.js'

const env = { COMMENTS_AUTO_APPROVE: '1', COMMENT_RATE_LIMIT: '1000' }

async function call (app: FastifyInstance, token: string, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown> | unknown[]): Promise<Record<string, unknown>> {
  const response = await app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
  if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`)
  return response.statusCode === 204 ? {} : json(response)
}

async function userId (app: FastifyInstance, token: string): Promise<string> {
  return json<{ user: { id: string } }>(await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).user.id
}

interface Content {
  ids: Record<string, string>
}

/** A newsroom's worth of everything the export carries, written through the API. */
async function seed (test: TestApp): Promise<Content> {
  const { app, adminToken: admin, tokenFor } = test
  const member = await tokenFor('member')
  const leaver = await tokenFor('member')
  const editor = await tokenFor('editor')
  const s1 = await call(app, admin, 'POST', '/v1/sources', {
    url: 'https://www.daily.example/2026/05/budget?utm_campaign=x&b=2&a=1',
    title: 'Council budget passes',
    publisher: 'Daily Example',
    author: 'Lena Park',
    publishedAt: '2026-05-01T07:00:00+02:00',
    accessedAt: '2026-05-01T09:12:00Z',
    language: 'en-GB',
    notes: 'Figures on cost.',
    contentHash: 'a'.repeat(64),
    archivedUrl: 'https://archive.example/budget'
  })
  const s2 = await call(app, admin, 'POST', '/v1/sources', { url: 'https://radio.example/clip/7', title: 'Radio clip' })
  const s3 = await call(app, admin, 'POST', '/v1/sources', { url: 'https://gazette.example/ferry', title: 'Ferry report', publisher: 'Gazette' })
  await call(app, admin, 'POST', '/v1/sources', { url: 'https://unused.example/', title: 'Cited by nothing' })

  const human = await createArticle(app, admin, {
    slug: 'budget-passes',
    title: 'Budget passes after a long night',
    dek: 'The vote was 23 to 20.',
    body: '## The vote\n\nLate.\n\n## What it funds\n\nBuses.',
    status: 'published',
    publishedAt: '2026-05-02T06:00:00Z',
    tags: ['Budget', 'council'],
    byline: 'Maria Okafor',
    sources: [{ sourceId: s1.id, note: 'Totals' }, { sourceId: s2.id }]
  })
  const machine = await createArticle(app, admin, {
    slug: 'ferry-timetable-explained',
    title: 'The new ferry timetable, explained',
    body: 'Generated summary.',
    provenance: { origin: 'ai-generated', model: 'writer-2' },
    disclosure: 'Written by a model from one source; reviewed by an editor.',
    commentsEnabled: false,
    sources: [{ sourceId: s3.id, note: 'Timetable' }]
  })
  await call(app, editor, 'POST', `/v1/articles/${machine.id}/review`)
  await call(app, editor, 'PATCH', `/v1/articles/${machine.id}`, { status: 'published' })
  const draft = await createArticle(app, admin, { slug: 'half-written', title: 'Half written', tags: ['wip'] })
  const scheduled = await createArticle(app, admin, { slug: 'tomorrows-news', title: 'Tomorrow\'s news', status: 'scheduled', publishedAt: '2026-07-01T00:00:00Z' })
  await createArticle(app, admin, { slug: 'withdrawn', title: 'Withdrawn', status: 'archived' })
  await call(app, admin, 'PUT', `/v1/articles/${human.id}/related`, { articleIds: [machine.id, draft.id] })
  await call(app, admin, 'PUT', `/v1/articles/${scheduled.id}/related`, { articleIds: [human.id], reciprocal: true })

  const comments = `/v1/articles/${human.id}/comments`
  const c1 = await call(app, member, 'POST', comments, { body: 'First!' })
  const c2 = await call(app, editor, 'POST', comments, { body: 'A reply from the desk.', parentId: c1.id })
  test.clock.advance(1000)
  const edited = await call(app, member, 'POST', comments, { body: 'Tpyo' })
  test.clock.advance(1000)
  await call(app, member, 'PATCH', `/v1/comments/${String(edited.id)}`, { body: 'Typo fixed' })
  const gone = await call(app, member, 'POST', comments, { body: 'I will delete this' })
  const underGone = await call(app, editor, 'POST', comments, { body: 'Replying to a deleted comment', parentId: gone.id })
  await call(app, member, 'DELETE', `/v1/comments/${String(gone.id)}`)
  await call(app, leaver, 'POST', comments, { body: 'Written by an account that is later deleted' })
  await call(app, admin, 'DELETE', `/v1/users/${await userId(app, leaver)}`)
  test.clock.advance(1000)
  const hidden = await call(app, member, 'POST', comments, { body: 'Rejected reply', parentId: c2.id })
  await call(app, admin, 'PATCH', `/v1/comments/${String(hidden.id)}`, { status: 'rejected' })
  const underHidden = await call(app, editor, 'POST', comments, { body: 'Reply under a rejected one', parentId: hidden.id })
  t.equal(underGone.status, 'approved')
  return { ids: { human: human.id, machine: machine.id, c1: String(c1.id), c2: String(c2.id), hidden: String(hidden.id), underHidden: String(underHidden.id) } }
}

function rows (database: Database, sql: string): unknown[] {
  return database.sqlite.prepare(sql).all()
}

/** Everything the round trip must reproduce, read straight from the database. */
function content (database: Database): Record<string, unknown[]> {
  return {
    sources: rows(database, `SELECT id, url, title, publisher, author, published_at, accessed_at, language, notes, content_hash, archived_url
      FROM sources ORDER BY id`),
    articles: rows(database, `SELECT id, slug, title, dek, body, status, published_at, tags, byline, origin, model, disclosure, comments_enabled,
      reviewed_at IS NOT NULL AS reviewed, reading_time_minutes, outline, comment_count FROM articles ORDER BY id`),
    citations: rows(database, 'SELECT article_id, source_id, position, note FROM citations ORDER BY article_id, position'),
    related: rows(database, 'SELECT article_id, related_id, position FROM related_links ORDER BY article_id, position'),
    tags: rows(database, 'SELECT article_id, tag, status, published_at FROM article_tags ORDER BY article_id, tag'),
    comments: rows(database, `SELECT c.id, c.article_id, c.parent_id, c.root_id, c.depth, c.body, c.status, c.deleted_at IS NOT NULL AS deleted,
      c.created_at, c.edited_at, u.display_name FROM comments c LEFT JOIN users u ON u.id = c.author_id
      WHERE c.status = 'approved' ORDER BY c.id`)
  }
}

t.test('export streams NDJSON: sources, then articles, then approved comments, parents first', async (t) => {
  const test = await buildTestApp(t, { env })
  const { ids } = await seed(test)
  const response = await test.app.inject({ method: 'GET', url: '/v1/export', headers: bearer(test.adminToken) })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-type'], 'application/x-ndjson')
  t.equal(response.headers['content-disposition'], 'attachment; filename="newsdesk-export-2026-06-01.ndjson"')
  t.equal(response.headers['cache-control'], 'private, no-store')
  t.ok(response.body.endsWith('\n'))
  const lines = response.body.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  const types = lines.map((line) => line.type)
  t.same(types, [...types].sort((a, b) => ['source', 'article', 'comment'].indexOf(String(a)) - ['source', 'article', 'comment'].indexOf(String(b))), 'grouped in import order')
  t.same([types.filter((type) => type === 'source').length, types.filter((type) => type === 'article').length], [4, 5])

  const human = lines.find((line) => line.slug === 'budget-passes')
  t.same(human?.sources, [
    { source: { url: 'https://www.daily.example/2026/05/budget?a=1&b=2', title: 'Council budget passes' }, note: 'Totals' },
    { source: { url: 'https://radio.example/clip/7', title: 'Radio clip' }, note: null }
  ], 'citations name their source by URL')
  t.same(human?.related, ['ferry-timetable-explained', 'half-written', 'tomorrows-news'], 'related articles by slug, in order')
  t.equal(lines.find((line) => line.slug === 'ferry-timetable-explained')?.reviewed, true)
  t.equal(lines.find((line) => line.slug === 'tomorrows-news')?.status, 'scheduled')

  const comments = lines.filter((line) => line.type === 'comment')
  t.notOk(comments.some((line) => line.id === ids.hidden), 'a rejected comment is not exported')
  t.equal(comments.find((line) => line.id === ids.underHidden)?.parentId, ids.c1, 'a reply under a hidden comment hangs from its thread\'s root')
  t.equal(comments.find((line) => line.id === ids.c2)?.parentId, ids.c1)
  const seen = new Set<unknown>()
  for (const comment of comments) {
    t.ok(comment.parentId === null || seen.has(comment.parentId), `comment ${String(comment.id)} comes after its parent`)
    seen.add(comment.id)
  }
  t.same(comments.find((line) => line.body === '')?.deleted, true, 'a deleted comment keeps its place without its text')
  t.same(comments.find((line) => String(line.body).startsWith('Written by an account'))?.author, null)
  t.match(comments.find((line) => line.body === 'Typo fixed'), { editedAt: String, author: { displayName: /^member/ } })
})

t.test('export → import into an empty database reproduces the content exactly', async (t) => {
  const source = await buildTestApp(t, { env })
  const { ids } = await seed(source)
  const exported = await exportLines(source.app, source.adminToken)

  const target = await buildTestApp(t, { env })
  const report = await importOk(target.app, target.adminToken, exported, 'ndjson')
  t.same(report.summary, { created: exported.length, updated: 0, unchanged: 0, error: 0 }, 'every line is created')

  // The reply under the rejected comment is the one place the shapes differ: it hangs from
  // the thread's root (where readers already saw it), since its parent is not exported.
  const original = content(source.database)
  const copied = content(target.database)
  for (const table of Object.keys(original)) {
    if (table === 'comments') continue
    t.same(copied[table], original[table], `${table} are the same, field by field`)
  }
  const withoutReshaped = (list: unknown[] | undefined): unknown[] => (list ?? []).filter((row) => (row as { id: string }).id !== ids.underHidden)
  t.same(withoutReshaped(copied.comments), withoutReshaped(original.comments), 'approved comments are the same, authors by name')
  t.equal(copied.comments?.length, original.comments?.length)

  const thread = async (test: TestApp): Promise<unknown> => json<{ data: unknown[] }>(await test.app.inject({ method: 'GET', url: `/v1/articles/${ids.human}/comments` })).data
  const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, item: unknown) => ['id', 'parentId', 'depth', 'updatedAt', 'version'].includes(key) && typeof item !== 'object' ? undefined : key === 'author' && item !== null ? { displayName: (item as { displayName: string }).displayName } : item))
  t.same(strip(await thread(target)), strip(await thread(source)), 'readers see the same thread')

  const reexported = await exportLines(target.app, target.adminToken)
  const anonymiseAuthors = (lines: Array<Record<string, unknown>>): unknown => lines.map((line) => line.type === 'comment' && line.author !== null ? { ...line, author: { displayName: (line.author as { displayName: string }).displayName } } : line)
  t.same(anonymiseAuthors(reexported), anonymiseAuthors(exported), 'exporting the copy gives the same file (authors are placeholders there)')

  const again = await importOk(target.app, target.adminToken, exported, 'ndjson')
  t.same(again.summary, { created: 0, updated: 0, unchanged: exported.length, error: 0 }, 'importing it again changes nothing')
  const users = rows(target.database, "SELECT display_name, role, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE email LIKE 'imported-%@import.invalid' ORDER BY display_name")
  t.ok(users.every((user) => (user as { role: string }).role === 'member' && (user as { password_hash: unknown }).password_hash === null && (user as { disabled: number }).disabled === 1), 'placeholders are password-less, disabled members')
  t.equal(users.length, 2, 'one placeholder per author name')

  // Back into the database it came from: everything is already there.
  const home = await importOk(source.app, source.adminToken, exported, 'ndjson')
  t.same(home.summary, { created: 0, updated: 0, unchanged: exported.length, error: 0 }, 'an export imported where it came from is a no-op, real authors included')
})

t.test('export pages through more rows than one read holds', async (t) => {
  const test = await buildTestApp(t)
  const items = Array.from({ length: 450 }, (_, index) => ({ slug: `paged-${index}`, title: `Paged ${index}`, sources: [{ source: { url: `https://paged.example/${index}`, title: `P ${index}` } }] }))
  await importOk(test.app, test.adminToken, items, 'ndjson')
  const lines = await exportLines(test.app, test.adminToken)
  const articles = lines.filter((line) => line.type === 'article')
  const sources = lines.filter((line) => line.type === 'source')
  t.equal(articles.length, 450)
  t.equal(sources.length, 450)
  t.equal(new Set(articles.map((line) => line.id)).size, 450, 'no article twice')
  const ids = articles.map((line) => String(line.id))
  t.same(ids, [...ids].sort(), 'in id order')
})

t.test('the export needs the admin scope', async (t) => {
  const { app, tokenFor } = await buildTestApp(t)
  t.equal((await app.inject({ method: 'GET', url: '/v1/export' })).statusCode, 401)
  t.equal((await app.inject({ method: 'GET', url: '/v1/export', headers: bearer(await tokenFor('editor')) })).statusCode, 403)
  t.equal((await app.inject({ method: 'GET', url: '/v1/export', headers: bearer(await tokenFor('admin', ['content:read', 'content:write'])) })).statusCode, 403)
  const empty = await app.inject({ method: 'GET', url: '/v1/export', headers: bearer(await tokenFor('admin', ['admin'])) })
  t.equal(empty.statusCode, 200)
  t.equal(empty.body, '', 'an empty database exports nothing')
  t.equal(ndjson([]), '\n')
})
