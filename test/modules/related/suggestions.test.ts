import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json, type TestClock } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'
import { captureQueries } from '../../helpers/query-plans.js'

interface Suggestion {
  article: { id: string, status: string, title: string, [field: string]: unknown }
  score: number
  reasons: { sharedTags: string[], sharedSources: string[], textSimilarity: number }
}

interface SuggestionList {
  data: Suggestion[]
}

interface Problem {
  status: number
  code: string
}

type Headers = Record<string, string>

const oneHour = 60 * 60 * 1000

async function suggest (app: FastifyInstance, id: string, headers: Headers, query = ''): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles/${id}/related/suggestions${query}`, headers })
}

async function suggestions (app: FastifyInstance, id: string, headers: Headers, query = ''): Promise<Suggestion[]> {
  const response = await suggest(app, id, headers, query)
  if (response.statusCode !== 200) throw new Error(`suggestions for ${id} answered ${response.statusCode}: ${response.body}`)
  return json<SuggestionList>(response).data
}

async function createSource (app: FastifyInstance, token: string, name: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(token), payload: { url: `https://news.example.org/${name}`, title: `Source ${name}` } })
  if (response.statusCode !== 201) throw new Error(`POST /v1/sources answered ${response.statusCode}: ${response.body}`)
  return json<{ id: string }>(response).id
}

const cite = (...sourceIds: string[]): Array<{ sourceId: string }> => sourceIds.map((sourceId) => ({ sourceId }))

interface Corpus {
  subject: ArticleBody
  strong: ArticleBody
  textual: ArticleBody
  tagged: ArticleBody
  unrelated: ArticleBody
  linked: ArticleBody
  hidden: ArticleBody[]
  sources: string[]
}

/**
 * A corpus where the expected order is obvious: strong shares two sources and two tags and no
 * words; textual shares only title words; tagged shares one tag; unrelated shares nothing.
 * Draft, archived and future-scheduled articles share everything and must never be offered.
 */
async function buildCorpus (app: FastifyInstance, token: string, clock: TestClock): Promise<Corpus> {
  const [s1, s2, s3] = [await createSource(app, token, 'one'), await createSource(app, token, 'two'), await createSource(app, token, 'three')]
  if (s1 === undefined || s2 === undefined || s3 === undefined) throw new Error('setup')
  const everything = { tags: ['transport', 'infrastructure'], sources: cite(s1, s2) }
  const subject = await publishArticle(app, token, { title: 'Harbour bridge repairs finish early', dek: 'Engineers replaced every deck panel.', body: 'Works completed.', ...everything })
  const strong = await publishArticle(app, token, { title: 'Council approves budget', dek: 'Spending rises.', body: 'Figures released.', ...everything })
  const textual = await publishArticle(app, token, { title: 'Harbour bridge traffic returns', dek: 'Commuters relieved.', body: 'Queues shorter.' })
  const tagged = await publishArticle(app, token, { title: 'Bus lanes expand', dek: 'More routes.', body: 'Timetables change.', tags: ['transport'], sources: cite(s3) })
  const unrelated = await publishArticle(app, token, { title: 'Lemon cake recipe', dek: 'Bake it slowly.', body: 'Sugar and flour.' })
  const linked = await publishArticle(app, token, { title: 'Ferry fares fall', dek: 'Cheaper crossings.', body: 'Tickets cost less.', ...everything })
  const draft = await createArticle(app, token, { title: 'Harbour bridge draft', dek: 'Engineers replaced every deck panel.', body: 'Unfinished.', ...everything })
  const archived = await publishArticle(app, token, { title: 'Harbour bridge archive', dek: 'Old news.', body: 'Withdrawn.', ...everything })
  const patched = await app.inject({ method: 'PATCH', url: `/v1/articles/${archived.id}`, headers: bearer(token), payload: { status: 'archived' } })
  if (patched.statusCode !== 200) throw new Error(`archive answered ${patched.statusCode}`)
  const scheduled = await createArticle(app, token, { title: 'Harbour bridge anniversary', dek: 'Coming soon.', body: 'Later.', status: 'scheduled', publishedAt: new Date(clock().getTime() + oneHour).toISOString(), ...everything })
  const link = await app.inject({ method: 'POST', url: `/v1/articles/${subject.id}/related`, headers: bearer(token), payload: { articleId: linked.id } })
  if (link.statusCode !== 201) throw new Error(`link answered ${link.statusCode}`)
  return { subject, strong, textual, tagged, unrelated, linked, hidden: [draft, archived, scheduled], sources: [s1, s2, s3] }
}

t.test('suggestions need content:read', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const anonymous = await suggest(app, article.id, {})
  t.equal(anonymous.statusCode, 401, 'anonymous: 401')
  t.match(anonymous.headers['content-type'], /^application\/problem\+json/)
  t.equal((await suggest(app, article.id, bearer(await tokenFor('member')))).statusCode, 403, 'a member: 403')
  t.equal((await suggest(app, article.id, bearer(await tokenFor('editor', ['content:write'])))).statusCode, 403, 'a token without content:read: 403')
  const editor = await suggest(app, article.id, bearer(await tokenFor('editor')))
  t.equal(editor.statusCode, 200)
  t.match(editor.headers['cache-control'], /private, no-store/)
  t.same(json(editor), { data: [] }, 'an article with nothing in common with anything')
  t.equal((await suggest(app, '01a00000-0000-7000-8000-000000000000', bearer(adminToken))).statusCode, 404, 'an unknown article')
})

t.test('candidates are ranked by shared sources, shared tags and text, with reasons', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const corpus = await buildCorpus(app, adminToken, clock)
  const [s1, s2] = corpus.sources
  const data = await suggestions(app, corpus.subject.id, editor)

  t.same(data.map((entry) => entry.article.id), [corpus.strong.id, corpus.textual.id, corpus.tagged.id], 'best first; nothing that shares nothing')
  const [strong, textual, tagged] = data
  t.same(strong?.reasons, { sharedTags: ['infrastructure', 'transport'], sharedSources: [s1, s2].sort(), textSimilarity: 0 }, 'two sources and two tags')
  t.equal(strong?.score, 8, '3 per source, 1 per tag')
  t.same(textual?.reasons.sharedTags, [])
  t.same(textual?.reasons.sharedSources, [])
  t.ok((textual?.reasons.textSimilarity ?? 0) > 0 && (textual?.reasons.textSimilarity ?? 0) <= 2, 'text similarity is between 0 and 2')
  t.equal(textual?.score, textual?.reasons.textSimilarity, 'its score is its text similarity')
  t.same(tagged?.reasons, { sharedTags: ['transport'], sharedSources: [], textSimilarity: 0 })
  t.equal(tagged?.score, 1)
  for (let index = 1; index < data.length; index++) t.ok((data[index - 1]?.score ?? 0) >= (data[index]?.score ?? 0), `entry ${index} scores no higher than the one before`)

  t.match(strong?.article, { id: corpus.strong.id, slug: corpus.strong.slug, title: corpus.strong.title, status: 'published' }, 'each candidate is an article summary')
  const offered = new Set(data.map((entry) => entry.article.id))
  t.notOk(offered.has(corpus.subject.id), 'never the article itself')
  t.notOk(offered.has(corpus.linked.id), 'never an article already linked')
  t.notOk(offered.has(corpus.unrelated.id), 'never an article with nothing in common')
  for (const hidden of corpus.hidden) t.notOk(offered.has(hidden.id), `never an unpublished article (${hidden.title})`)
  t.ok(data.every((entry) => entry.article.status === 'published'), 'published candidates only')
})

t.test('linking a suggestion removes it; limit bounds the list', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const corpus = await buildCorpus(app, adminToken, clock)

  t.same((await suggestions(app, corpus.subject.id, editor, '?limit=2')).map((entry) => entry.article.id), [corpus.strong.id, corpus.textual.id], 'limit=2: the best two')
  t.same((await suggestions(app, corpus.subject.id, editor, '?limit=1')).map((entry) => entry.article.id), [corpus.strong.id], 'limit=1')
  t.equal((await suggestions(app, corpus.subject.id, editor, '?limit=50')).length, 3, 'limit=50 is allowed')
  for (const limit of ['0', '51', '-1', '2.5', 'ten']) {
    const response = await suggest(app, corpus.subject.id, editor, `?limit=${limit}`)
    t.equal(response.statusCode, 400, `limit=${limit}`)
    t.equal(json<Problem>(response).code, 'validation_failed')
  }
  t.equal((await suggest(app, corpus.subject.id, editor, '?sort=score')).statusCode, 400, 'unknown parameters are refused')

  const linked = await app.inject({ method: 'POST', url: `/v1/articles/${corpus.subject.id}/related`, headers: bearer(adminToken), payload: { articleId: corpus.strong.id } })
  t.equal(linked.statusCode, 201)
  t.same((await suggestions(app, corpus.subject.id, editor)).map((entry) => entry.article.id), [corpus.textual.id, corpus.tagged.id], 'a linked article is no longer suggested')
  const unlinked = await app.inject({ method: 'DELETE', url: `/v1/articles/${corpus.subject.id}/related/${corpus.strong.id}`, headers: bearer(adminToken) })
  t.equal(unlinked.statusCode, 204)
  t.same((await suggestions(app, corpus.subject.id, editor))[0]?.article.id, corpus.strong.id, 'and comes back when unlinked')
})

t.test('an unpublished article gets suggestions too; scheduled candidates join when their time comes', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const corpus = await buildCorpus(app, adminToken, clock)
  const [draft, , scheduled] = corpus.hidden
  if (draft === undefined || scheduled === undefined) throw new Error('setup')
  const forDraft = await suggestions(app, draft.id, editor)
  t.equal(forDraft[0]?.article.id, corpus.subject.id, 'the draft shares sources, tags and words with the subject')
  t.same(forDraft.slice(1, 3).map((entry) => entry.article.id).sort(), [corpus.strong.id, corpus.linked.id].sort(), 'then sources and tags alone (the subject\'s links are not the draft\'s)')
  t.notOk(forDraft.some((entry) => entry.article.id === draft.id), 'not itself')

  clock.advance(2 * oneHour)
  const later = await suggestions(app, corpus.subject.id, editor)
  t.ok(later.some((entry) => entry.article.id === scheduled.id), 'a scheduled article whose time has come is offered')
  t.ok(later.every((entry) => entry.article.status === 'published'))
})

t.test('hidden candidates never crowd out visible ones', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const editor = bearer(await tokenFor('editor'))
  const sources = [await createSource(app, adminToken, 'a'), await createSource(app, adminToken, 'b'), await createSource(app, adminToken, 'c')]
  const subject = await publishArticle(app, adminToken, { title: 'Quarry expansion plan', dek: 'Residents object.', body: 'Hearing next week.', tags: ['planning'], sources: cite(...sources) })
  // Four drafts outrank the one published candidate: each shares all three sources.
  for (let index = 0; index < 4; index++) await createArticle(app, adminToken, { title: `Draft ${index}`, dek: 'Unfinished.', body: 'Notes.', tags: ['planning'], sources: cite(...sources) })
  const visible = await publishArticle(app, adminToken, { title: 'Zoning rules', dek: 'Council vote.', body: 'Approved.', tags: ['planning'] })

  t.same((await suggestions(app, subject.id, editor)).map((entry) => entry.article.id), [visible.id], 'the default limit finds it')
  t.same((await suggestions(app, subject.id, editor, '?limit=1')).map((entry) => entry.article.id), [visible.id], 'limit=1 still returns the best published candidate')
})

t.test('text matches are ranked in the index first, and drafts filling that window never hide published matches', async (t) => {
  const { app, adminToken, database } = await buildTestApp(t)
  const editor = bearer(adminToken)
  const subject = await publishArticle(app, adminToken, { title: 'Quokka census', dek: 'Island count.', body: 'Volunteers walked the island.' })
  const published = [
    await publishArticle(app, adminToken, { title: 'Island walks', dek: 'Trails.', body: 'A quokka crossed the trail.' }),
    await publishArticle(app, adminToken, { title: 'Ferry times', dek: 'Summer.', body: 'Quokka spotting from the deck.' })
  ]
  const captured = captureQueries(t, database.sqlite)
  const few = await suggestions(app, subject.id, editor)
  t.same(few.map((entry) => entry.article.id).sort(), published.map((article) => article.id).sort(), 'the published articles that share a word')
  const windowed = captured.filter((query) => /FROM articles_fts WHERE articles_fts MATCH \? ORDER BY "searchRank" LIMIT \?$/.test(query.sql))
  t.ok(windowed.length > 0, 'ranked in the full-text index alone, without a join per match')

  // 120 drafts with the word in their title outrank both: the window (2 × 50 + 10) holds only drafts.
  for (let index = 0; index < 120; index++) await createArticle(app, adminToken, { title: `Quokka draft ${index}`, dek: 'Quokka.', body: 'Quokka quokka.' })
  const crowded = await suggestions(app, subject.id, editor)
  t.same(crowded.map((entry) => entry.article.id).sort(), published.map((article) => article.id).sort(), 'still exactly the published matches: the window could not prove them, so one statement ranked all')
})
