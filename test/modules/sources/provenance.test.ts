import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t, { type Test } from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Problem {
  code: string
  status: number
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

interface Provenance {
  origin: string
  model: string | null
  reviewedBy: string | null
  reviewedAt: string | null
}

type Article = ArticleBody & { provenance: Provenance, body: string }

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const machine = { provenance: { origin: 'ai-generated', model: 'newsroom-writer-2' }, disclosure: 'Written by a language model from the sources listed; reviewed by an editor.' }

async function createSource (app: FastifyInstance, token: string, title: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(token), payload: { url: `https://example.com/${title}`, title } })
  if (response.statusCode !== 201) throw new Error(`POST /v1/sources answered ${response.statusCode}: ${response.body}`)
  return json<{ id: string }>(response).id
}

async function userId (app: FastifyInstance, token: string): Promise<string> {
  return json<{ user: { id: string } }>(await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).user.id
}

async function request (app: FastifyInstance, token: string | undefined, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: token === undefined ? {} : bearer(token), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
}

async function read (app: FastifyInstance, token: string | undefined, id: string): Promise<Article> {
  const response = await app.inject({ method: 'GET', url: `/v1/articles/${id}`, headers: token === undefined ? {} : bearer(token) })
  if (response.statusCode !== 200) throw new Error(`GET /v1/articles/${id} answered ${response.statusCode}: ${response.body}`)
  return json<Article>(response)
}

async function review (app: FastifyInstance, token: string | undefined, id: string): Promise<LightMyRequestResponse> {
  return request(app, token, 'POST', `/v1/articles/${id}/review`)
}

async function sourceCount (app: FastifyInstance): Promise<number> {
  return json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/sources?limit=100' })).data.length
}

/** An ai-generated article citing the given sources, reviewed by the token's user and published. */
async function liveMachineArticle (app: FastifyInstance, token: string, sourceIds: string[]): Promise<Article> {
  const draft = await createArticle(app, token, { ...machine, sources: sourceIds.map((sourceId) => ({ sourceId })) })
  if ((await review(app, token, draft.id)).statusCode !== 200) throw new Error('review failed')
  const published = await request(app, token, 'PATCH', `/v1/articles/${draft.id}`, { status: 'published' })
  if (published.statusCode !== 200) throw new Error(`publishing failed: ${published.body}`)
  return json<Article>(published)
}

function expectConflict (t: Test, response: LightMyRequestResponse, code: string, label: string): void {
  t.equal(response.statusCode, 409, `${label}: 409`)
  t.equal(response.headers['content-type'], 'application/problem+json', `${label}: problem+json`)
  t.equal(response.body === '' ? undefined : json<Problem>(response).code, code, `${label}: ${code}`)
}

t.test('an ai-generated draft is fine; publishing or scheduling it needs a citation and a review (409)', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const inline = [{ source: { url: 'https://wire.example/report', title: 'Wire report' } }]
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['published, no sources', { status: 'published' }, 'sources_required'],
    ['scheduled, no sources', { status: 'scheduled', publishedAt: '2026-06-02T00:00:00Z' }, 'sources_required'],
    ['published with a source, unreviewed', { status: 'published', sources: inline }, 'review_required'],
    ['scheduled with a source, unreviewed', { status: 'scheduled', publishedAt: '2026-06-02T00:00:00Z', sources: inline }, 'review_required']
  ]
  for (const [name, fields, code] of cases) {
    const response = await request(app, adminToken, 'POST', '/v1/articles', { title: 'Machine copy', ...machine, ...fields })
    expectConflict(t, response, code, `create ${name}`)
  }
  t.equal(json<{ data: unknown[] }>(await app.inject({ method: 'GET', url: '/v1/articles', headers: bearer(adminToken) })).data.length, 0, 'no article was created')
  t.equal(await sourceCount(app), 0, 'nor the inline source')

  const draft = await createArticle(app, adminToken, machine)
  t.same(draft.provenance, { origin: 'ai-generated', model: 'newsroom-writer-2', reviewedBy: null, reviewedAt: null })
  t.equal(draft.disclosure, machine.disclosure)
  expectConflict(t, await request(app, adminToken, 'PATCH', `/v1/articles/${draft.id}`, { status: 'published' }), 'sources_required', 'PATCH publish, no sources')
  expectConflict(t, await request(app, adminToken, 'PATCH', `/v1/articles/${draft.id}`, { status: 'published', sources: inline }), 'review_required', 'PATCH publish with sources')
  t.equal(await sourceCount(app), 0, 'the refused PATCH created no source')
  await request(app, adminToken, 'PUT', `/v1/articles/${draft.id}/sources`, inline)
  expectConflict(t, await request(app, adminToken, 'PATCH', `/v1/articles/${draft.id}`, { status: 'scheduled', publishedAt: '2026-06-02T00:00:00Z' }), 'review_required', 'PATCH schedule, unreviewed')
  t.match(await read(app, adminToken, draft.id), { status: 'draft', publishedAt: null, version: 2 }, 'the refused writes changed nothing')

  const human = await publishArticle(app, adminToken)
  expectConflict(t, await request(app, adminToken, 'PATCH', `/v1/articles/${human.id}`, { provenance: { origin: 'ai-generated' } }), 'sources_required', 'relabelling a live article ai-generated')
  const assisted = await request(app, adminToken, 'POST', '/v1/articles', { title: 'Assisted', status: 'published', provenance: { origin: 'ai-assisted', model: 'helper-1' } })
  t.equal(assisted.statusCode, 201, 'ai-assisted articles publish without these rules')
})

t.test('only editors review; the review records who and when, and the public sees it', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t)
  const author = await tokenFor('author')
  const editor = await tokenFor('editor')
  const sourceId = await createSource(app, adminToken, 'report')
  const draft = await createArticle(app, author, { ...machine, sources: [{ sourceId }] })

  const byAuthor = await review(app, author, draft.id)
  t.equal(byAuthor.statusCode, 403, 'an author cannot review, even their own article')
  t.equal(json<Problem>(byAuthor).code, 'forbidden')
  t.equal((await review(app, undefined, draft.id)).statusCode, 401)
  t.equal((await review(app, await tokenFor('editor', ['content:read']), draft.id)).statusCode, 403, 'an editor token without content:write')
  t.equal((await read(app, adminToken, draft.id)).provenance.reviewedBy, null)

  clock.advance(90 * 60_000)
  const reviewed = await review(app, editor, draft.id)
  t.equal(reviewed.statusCode, 200)
  t.equal(reviewed.headers.etag, '"v2-draft"')
  const editorId = await userId(app, editor)
  t.same(json<Article>(reviewed).provenance, { origin: 'ai-generated', model: 'newsroom-writer-2', reviewedBy: editorId, reviewedAt: '2026-06-01T13:30:00.000Z' })
  t.equal(json<Article>(reviewed).version, 2)

  clock.advance(60_000)
  const published = await request(app, editor, 'PATCH', `/v1/articles/${draft.id}`, { status: 'published' })
  t.equal(published.statusCode, 200, 'reviewed and sourced: it publishes')
  const seen = await read(app, undefined, draft.id)
  t.match(seen, { status: 'published', disclosure: machine.disclosure })
  t.same(seen.provenance, { origin: 'ai-generated', model: 'newsroom-writer-2', reviewedBy: editorId, reviewedAt: '2026-06-01T13:30:00.000Z' }, 'readers see who reviewed it and when')
  const history = await app.inject({ method: 'GET', url: `/v1/articles/${draft.id}/revisions/2`, headers: bearer(adminToken) })
  t.match(json(history), { createdBy: editorId, content: { provenance: { reviewedBy: editorId, reviewedAt: '2026-06-01T13:30:00.000Z' } } })

  t.equal((await review(app, adminToken, unknownId)).statusCode, 404)
  const stale = await app.inject({ method: 'POST', url: `/v1/articles/${draft.id}/review`, headers: { ...bearer(adminToken), 'if-match': '"v1-draft"' } })
  t.equal(stale.statusCode, 412, 'review honours If-Match')
})

t.test('clients cannot write reviewedBy or reviewedAt', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken, machine)
  const forged = [
    ['body/provenance/reviewedBy', { provenance: { origin: 'ai-generated', reviewedBy: unknownId } }],
    ['body/provenance/reviewedAt', { provenance: { origin: 'ai-generated', reviewedAt: '2026-06-01T12:00:00Z' } }],
    ['body/reviewedAt', { reviewedAt: '2026-06-01T12:00:00Z' }]
  ] as const
  for (const [path, fields] of forged) {
    for (const [method, url] of [['POST', '/v1/articles'], ['PATCH', `/v1/articles/${draft.id}`]] as const) {
      const response = await request(app, adminToken, method, url, { title: 'Forged', ...fields })
      t.equal(response.statusCode, 400, `${method} ${path}: 400`)
      t.ok((json<Problem>(response).errors ?? []).some((error) => error.path === path), `${method} ${path}: names the field`)
    }
  }
  t.match(await read(app, adminToken, draft.id), { version: 1, provenance: { reviewedBy: null, reviewedAt: null } })
})

t.test('any change to the body or the citations clears the review', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const first = await createSource(app, adminToken, 'first')
  const second = await createSource(app, adminToken, 'second')
  const draft = await createArticle(app, adminToken, { ...machine, sources: [{ sourceId: first }] })
  const url = `/v1/articles/${draft.id}`
  const changes: Array<[string, () => Promise<LightMyRequestResponse>]> = [
    ['PATCH body', async () => request(app, adminToken, 'PATCH', url, { body: '## Rewritten\n\nNew text.' })],
    ['PATCH sources', async () => request(app, adminToken, 'PATCH', url, { sources: [{ sourceId: second }, { sourceId: first }] })],
    ['PUT sources', async () => request(app, adminToken, 'PUT', `${url}/sources`, [{ sourceId: first }])],
    ['attach', async () => request(app, adminToken, 'POST', `${url}/sources`, { sourceId: second })],
    ['detach', async () => request(app, adminToken, 'DELETE', `${url}/sources/${second}`)],
    ['PUT the same list with a new note', async () => request(app, adminToken, 'PUT', `${url}/sources`, [{ sourceId: first, note: 'Quotes' }])]
  ]
  for (const [name, change] of changes) {
    t.equal((await review(app, adminToken, draft.id)).statusCode, 200, `${name}: reviewed first`)
    t.not((await read(app, adminToken, draft.id)).provenance.reviewedBy, null)
    const response = await change()
    t.ok(response.statusCode < 300, `${name}: accepted (got ${response.statusCode})`)
    t.match((await read(app, adminToken, draft.id)).provenance, { origin: 'ai-generated', reviewedBy: null, reviewedAt: null }, `${name}: review cleared`)
  }
})

t.test('a live ai-generated article: editing its body or citations is 409 review_required unless it goes back to draft', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const first = await createSource(app, adminToken, 'first')
  const second = await createSource(app, adminToken, 'second')
  const live = await liveMachineArticle(app, adminToken, [first, second])
  const url = `/v1/articles/${live.id}`
  const refused: Array<[string, () => Promise<LightMyRequestResponse>, string]> = [
    ['PATCH body', async () => request(app, adminToken, 'PATCH', url, { body: 'Quietly changed.' }), 'review_required'],
    ['PATCH sources', async () => request(app, adminToken, 'PATCH', url, { sources: [{ sourceId: second }] }), 'review_required'],
    ['PUT sources', async () => request(app, adminToken, 'PUT', `${url}/sources`, [{ source: { url: 'https://new.example/', title: 'New' } }]), 'review_required'],
    ['attach', async () => request(app, adminToken, 'POST', `${url}/sources`, { source: { url: 'https://new.example/', title: 'New' } }), 'review_required'],
    ['detach one of two', async () => request(app, adminToken, 'DELETE', `${url}/sources/${second}`), 'review_required'],
    ['PUT an empty list', async () => request(app, adminToken, 'PUT', `${url}/sources`, []), 'sources_required']
  ]
  for (const [name, change, code] of refused) expectConflict(t, await change(), code, name)
  const unchanged = await read(app, adminToken, live.id)
  t.match(unchanged, { body: live.body, version: live.version, status: 'published', provenance: live.provenance }, 'nothing was written')
  t.equal(await sourceCount(app), 2, 'no inline source was created')
  t.equal((await request(app, adminToken, 'PATCH', url, { title: 'A sharper headline' })).statusCode, 200, 'a title change is not a body change')

  const unpublished = await request(app, adminToken, 'PATCH', url, { body: 'Corrected text.', status: 'draft' })
  t.equal(unpublished.statusCode, 200, 'body change and back to draft in one PATCH')
  t.match(json<Article>(unpublished), { status: 'draft', body: 'Corrected text.', provenance: { reviewedBy: null, reviewedAt: null } })
  expectConflict(t, await request(app, adminToken, 'PATCH', url, { status: 'published' }), 'review_required', 'republishing unreviewed')
  t.equal((await review(app, adminToken, live.id)).statusCode, 200)
  t.equal((await request(app, adminToken, 'PATCH', url, { status: 'published' })).statusCode, 200, 'reviewed again: it publishes')
})

t.test('deleting a source with detach=true cannot leave a live ai-generated article unsourced or unreviewed', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const only = await createSource(app, adminToken, 'only')
  const solo = await liveMachineArticle(app, adminToken, [only])
  const refused = await request(app, adminToken, 'DELETE', `/v1/sources/${only}?detach=true`)
  expectConflict(t, refused, 'sources_required', 'detaching the only source of a live ai-generated article')
  t.equal((await app.inject({ method: 'GET', url: `/v1/articles/${solo.id}/sources` })).body.includes(only), true, 'it still cites the source')

  const kept = await createSource(app, adminToken, 'kept')
  const dropped = await createSource(app, adminToken, 'dropped')
  const pair = await liveMachineArticle(app, adminToken, [kept, dropped])
  const response = await request(app, adminToken, 'DELETE', `/v1/sources/${dropped}?detach=true`)
  const after = await read(app, undefined, pair.id)
  const invariantHolds = response.statusCode === 409 || after.provenance.reviewedAt === null
  t.ok(invariantHolds, `either refused, or the changed citations cleared the review (got ${response.statusCode}, reviewedAt ${String(after.provenance.reviewedAt)})`)
  t.ok(after.status !== 'published' || after.provenance.reviewedAt !== null, 'a published ai-generated article is reviewed')
})

t.test('origin= filters lists', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const sourceId = await createSource(app, adminToken, 'source')
  const human = await publishArticle(app, adminToken, { provenance: { origin: 'human' } })
  const assisted = await publishArticle(app, adminToken, { provenance: { origin: 'ai-assisted', model: 'helper-1' } })
  const generated = await liveMachineArticle(app, adminToken, [sourceId])
  const generatedDraft = await createArticle(app, adminToken, machine)
  const ids = async (query: string, token?: string): Promise<string[]> => {
    const response = await app.inject({ method: 'GET', url: `/v1/articles?${query}`, headers: token === undefined ? {} : bearer(token) })
    t.equal(response.statusCode, 200, query)
    return json<{ data: Array<{ id: string }> }>(response).data.map((item) => item.id).sort()
  }
  t.same(await ids('origin=human'), [human.id])
  t.same(await ids('origin=ai-assisted'), [assisted.id])
  t.same(await ids('origin=ai-generated'), [generated.id], 'anonymous: the published one')
  t.same(await ids('origin=ai-generated', adminToken), [generated.id, generatedDraft.id].sort(), 'editors: drafts too')
  t.same(await ids('origin=ai-generated&status=draft', adminToken), [generatedDraft.id])
  t.same(await ids('origin=ai-generated&tag=none'), [])
  const bad = await app.inject({ method: 'GET', url: '/v1/articles?origin=robot' })
  t.equal(bad.statusCode, 400)
  t.ok((json<Problem>(bad).errors ?? []).some((error) => error.path === 'querystring/origin'))
})
