import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Problem {
  status: number
  code: string
  detail: string
  errors?: Array<{ path: string, message: string }>
  [member: string]: unknown
}

interface ArticlePage {
  data: ArticleBody[]
  page: { limit: number, nextCursor: string | null }
}

const password = 'correct-horse-battery'

async function send (app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string | undefined, payload?: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: token === undefined ? {} : bearer(token),
    ...(payload === undefined ? {} : { payload })
  })
}

async function listIds (app: FastifyInstance, token: string | undefined, query = ''): Promise<string[]> {
  const response = await send(app, 'GET', `/v1/articles?limit=100${query}`, token)
  if (response.statusCode !== 200) throw new Error(`list failed with ${response.statusCode}: ${response.body}`)
  return json<ArticlePage>(response).data.map((article) => article.id)
}

async function myId (app: FastifyInstance, token: string): Promise<string> {
  return json<{ user: { id: string } }>(await send(app, 'GET', '/v1/auth/me', token)).user.id
}

async function reread (app: FastifyInstance, editor: string, id: string): Promise<ArticleBody> {
  return json<ArticleBody>(await send(app, 'GET', `/v1/articles/${id}`, editor))
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('an author creates drafts, but not published, scheduled or archived articles', async (t) => {
  const { app, clock, tokenFor } = await buildTestApp(t)
  const author = await tokenFor('author')
  const editor = await tokenFor('editor')
  const authorId = await myId(app, author)

  const response = await send(app, 'POST', '/v1/articles', author, { title: 'An author\'s draft', body: 'Words.' })
  t.equal(response.statusCode, 201)
  t.match(json(response), { status: 'draft', publishedAt: null, authorId, version: 1 })
  const explicit = await send(app, 'POST', '/v1/articles', author, { title: 'An explicit draft', status: 'draft' })
  t.equal(explicit.statusCode, 201, 'asking for draft explicitly is fine')

  const future = new Date(clock().getTime() + 86_400_000).toISOString()
  const refusals: Array<[string, Record<string, unknown>]> = [
    ['published', { title: 'Straight to print', status: 'published' }],
    ['scheduled', { title: 'Later', status: 'scheduled', publishedAt: future }],
    ['archived', { title: 'Archived', status: 'archived' }]
  ]
  for (const [status, payload] of refusals) {
    const refused = await send(app, 'POST', '/v1/articles', author, payload)
    t.equal(refused.statusCode, 403, `${status}: 403`)
    t.equal(refused.headers['content-type'], 'application/problem+json')
    t.match(json(refused), { status: 403, code: 'forbidden' })
    t.same(errorPaths(refused), ['body/status'], `${status}: names body/status`)
  }
  const everything = await listIds(app, editor, '&status=draft')
  t.equal(everything.length, 2, 'only the two drafts were written')
  t.same(await listIds(app, undefined), [], 'nothing was published')
})

t.test('an author sees their own drafts, by id and in lists, and nobody else\'s', async (t) => {
  const { app, tokenFor, clock } = await buildTestApp(t)
  const alice = await tokenFor('author')
  const bob = await tokenFor('author')
  const editor = await tokenFor('editor')
  const member = await tokenFor('member')

  const alicesDraft = await createArticle(app, alice, { title: 'Alice draft' })
  clock.advance(1000)
  const bobsDraft = await createArticle(app, bob, { title: 'Bob draft' })
  clock.advance(1000)
  const published = await publishArticle(app, editor, { title: 'Front page' })
  clock.advance(1000)

  const own = await send(app, 'GET', `/v1/articles/${alicesDraft.id}`, alice)
  t.equal(own.statusCode, 200, 'her own draft by id')
  t.match(json(own), { id: alicesDraft.id, status: 'draft' })
  t.equal((await send(app, 'GET', `/v1/articles/slug/${alicesDraft.slug}`, alice)).statusCode, 200, 'and by slug')

  for (const url of [`/v1/articles/${bobsDraft.id}`, `/v1/articles/slug/${bobsDraft.slug}`]) {
    const other = await send(app, 'GET', url, alice)
    t.equal(other.statusCode, 404, `${url}: another author's draft is a 404, not a 403`)
    t.match(json(other), { code: 'not_found' })
    t.notMatch(other.body, 'Bob draft', 'nothing of it leaks')
  }

  t.same(await listIds(app, alice, '&status=draft'), [alicesDraft.id], 'status=draft lists only her drafts')
  const defaultList = await listIds(app, alice)
  t.ok(defaultList.includes(alicesDraft.id), 'her draft is in her default list')
  t.ok(defaultList.includes(published.id), 'with what is published')
  t.notOk(defaultList.includes(bobsDraft.id), 'bob\'s draft is absent')
  t.same(await listIds(app, bob, '&status=draft'), [bobsDraft.id], 'bob sees only his')
  t.same(await listIds(app, alice, '&status=published'), [published.id], 'status=published is only what readers see')

  t.same((await listIds(app, editor, '&status=draft')).sort(), [alicesDraft.id, bobsDraft.id].sort(), 'an editor sees every draft')
  for (const [name, token] of [['member', member], ['anonymous', undefined]] as const) {
    t.equal((await send(app, 'GET', `/v1/articles/${alicesDraft.id}`, token)).statusCode, 404, `${name}: drafts are 404`)
    t.same(await listIds(app, token), [published.id], `${name}: lists only the published article`)
  }
})

t.test('an author cannot change or delete another author\'s article', async (t) => {
  const { app, tokenFor } = await buildTestApp(t)
  const alice = await tokenFor('author')
  const bob = await tokenFor('author')
  const editor = await tokenFor('editor')
  const bobsDraft = await createArticle(app, bob, { title: 'Bob draft' })
  const bobsPublished = await createArticle(app, bob, { title: 'Bob published' })
  t.equal((await send(app, 'PATCH', `/v1/articles/${bobsPublished.id}`, editor, { status: 'published' })).statusCode, 200)

  for (const [method, payload] of [['PATCH', { title: 'Hijacked' }], ['DELETE', undefined]] as const) {
    const draft = await send(app, method, `/v1/articles/${bobsDraft.id}`, alice, payload)
    t.equal(draft.statusCode, 404, `${method} another author's draft: 404`)
    t.match(json(draft), { code: 'not_found' })
    const live = await send(app, method, `/v1/articles/${bobsPublished.id}`, alice, payload)
    t.equal(live.statusCode, 403, `${method} another author's published article: 403 (it is visible anyway)`)
    t.match(json(live), { code: 'forbidden' })
  }
  t.match(await reread(app, editor, bobsDraft.id), { title: 'Bob draft', version: 1 }, 'the draft is untouched')
  t.match(await reread(app, editor, bobsPublished.id), { title: 'Bob published', version: 2, status: 'published' }, 'the published one too')
})

t.test('an author cannot publish their own draft, nor change it once an editor has published it', async (t) => {
  const { app, clock, tokenFor } = await buildTestApp(t)
  const author = await tokenFor('author')
  const editor = await tokenFor('editor')
  const draft = await createArticle(app, author, { title: 'My draft' })

  const future = new Date(clock().getTime() + 86_400_000).toISOString()
  for (const payload of [{ status: 'published' }, { status: 'scheduled', publishedAt: future }, { status: 'archived' }, { title: 'Sneaky', status: 'published' }]) {
    const refused = await send(app, 'PATCH', `/v1/articles/${draft.id}`, author, payload)
    t.equal(refused.statusCode, 403, `${JSON.stringify(payload)}: 403`)
    t.match(json(refused), { code: 'forbidden' })
    t.same(errorPaths(refused), ['body/status'])
  }
  t.match(await reread(app, editor, draft.id), { title: 'My draft', status: 'draft', version: 1 }, 'nothing was written')

  const edit = await send(app, 'PATCH', `/v1/articles/${draft.id}`, author, { title: 'My better draft' })
  t.equal(edit.statusCode, 200, 'editing the draft is fine')
  t.match(json(edit), { title: 'My better draft', status: 'draft', version: 2 })

  const publish = await send(app, 'PATCH', `/v1/articles/${draft.id}`, editor, { status: 'published' })
  t.equal(publish.statusCode, 200)
  for (const [method, payload] of [['PATCH', { title: 'After publication' }], ['DELETE', undefined]] as const) {
    const refused = await send(app, method, `/v1/articles/${draft.id}`, author, payload)
    t.equal(refused.statusCode, 403, `${method} own published article: 403`)
    t.match(json(refused), { code: 'forbidden' })
  }
  t.match(await reread(app, editor, draft.id), { title: 'My better draft', status: 'published', version: 3 })

  t.equal((await send(app, 'PATCH', `/v1/articles/${draft.id}`, editor, { status: 'draft' })).statusCode, 200, 'an editor unpublishes it')
  t.equal((await send(app, 'PATCH', `/v1/articles/${draft.id}`, author, { title: 'Back to work' })).statusCode, 200, 'a draft again, the author edits it')
  const own = await createArticle(app, author, { title: 'Throwaway' })
  t.equal((await send(app, 'DELETE', `/v1/articles/${own.id}`, author)).statusCode, 204, 'the author deletes their own draft')
})

t.test('an author signed in with a session follows the same rules', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const created = await send(app, 'POST', '/v1/users', adminToken, { email: 'writer@example.com', password, displayName: 'Writer', role: 'author' })
  t.equal(created.statusCode, 201)
  const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'writer@example.com', password } })
  const session = json<{ token: string }>(login).token
  const other = await createArticle(app, await tokenFor('author'), { title: 'Not yours' })

  const own = await createArticle(app, session, { title: 'Session draft' })
  t.equal(own.authorId, json<{ id: string }>(created).id)
  t.same(await listIds(app, session, '&status=draft'), [own.id])
  t.equal((await send(app, 'GET', `/v1/articles/${other.id}`, session)).statusCode, 404)
  t.equal((await send(app, 'PATCH', `/v1/articles/${other.id}`, session, { title: 'x' })).statusCode, 404)
  t.equal((await send(app, 'PATCH', `/v1/articles/${own.id}`, session, { status: 'published' })).statusCode, 403)
  t.equal((await send(app, 'POST', '/v1/articles', session, { title: 'x', status: 'published' })).statusCode, 403)
})

t.test('editors and admins edit, publish and delete anyone\'s article', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const author = await tokenFor('author')
  const editor = await tokenFor('editor')
  const authorId = await myId(app, author)
  const first = await createArticle(app, author, { title: 'First' })
  const second = await createArticle(app, author, { title: 'Second' })

  clock.advance(60_000)
  const edit = await send(app, 'PATCH', `/v1/articles/${first.id}`, editor, { title: 'First, edited', status: 'published' })
  t.equal(edit.statusCode, 200)
  t.match(json(edit), { title: 'First, edited', status: 'published', publishedAt: clock().toISOString(), authorId }, 'the author stays the author')
  t.equal((await send(app, 'GET', `/v1/articles/${first.id}`, undefined)).statusCode, 200, 'readers see it')

  const later = await send(app, 'PATCH', `/v1/articles/${first.id}`, editor, { dek: 'Edited after publication.' })
  t.equal(later.statusCode, 200, 'an editor edits a published article')

  const byAdmin = await send(app, 'PATCH', `/v1/articles/${second.id}`, adminToken, { status: 'published' })
  t.equal(byAdmin.statusCode, 200, 'an admin publishes too')
  t.equal((await send(app, 'DELETE', `/v1/articles/${second.id}`, editor)).statusCode, 204, 'an editor deletes anyone\'s article')
  t.equal((await send(app, 'GET', `/v1/articles/${second.id}`, editor)).statusCode, 404)
})

t.test('revisions of another author\'s article are a 404; an author reads their own', async (t) => {
  const { app, tokenFor } = await buildTestApp(t)
  const alice = await tokenFor('author')
  const bob = await tokenFor('author')
  const editor = await tokenFor('editor')
  const alicesDraft = await createArticle(app, alice, { title: 'Alice v1' })
  t.equal((await send(app, 'PATCH', `/v1/articles/${alicesDraft.id}`, alice, { title: 'Alice v2' })).statusCode, 200)
  const bobsDraft = await createArticle(app, bob, { title: 'Bob v1' })
  const bobsPublished = await createArticle(app, bob, { title: 'Bob live' })
  t.equal((await send(app, 'PATCH', `/v1/articles/${bobsPublished.id}`, editor, { status: 'published' })).statusCode, 200)

  const own = await send(app, 'GET', `/v1/articles/${alicesDraft.id}/revisions`, alice)
  t.equal(own.statusCode, 200)
  t.same(json<{ data: Array<{ version: number }> }>(own).data.map((revision) => revision.version), [2, 1])
  t.equal((await send(app, 'GET', `/v1/articles/${alicesDraft.id}/revisions/1`, alice)).statusCode, 200)

  for (const article of [bobsDraft, bobsPublished]) {
    for (const [method, url] of [
      ['GET', `/v1/articles/${article.id}/revisions`],
      ['GET', `/v1/articles/${article.id}/revisions/1`],
      ['POST', `/v1/articles/${article.id}/revisions/1/restore`]
    ] as const) {
      const response = await send(app, method, url, alice)
      t.equal(response.statusCode, 404, `${method} ${url} (${article.title}): 404`)
      t.match(json(response), { code: 'not_found' })
    }
  }
  t.equal((await send(app, 'GET', `/v1/articles/${bobsDraft.id}/revisions`, editor)).statusCode, 200, 'an editor reads anyone\'s history')
  t.match(await reread(app, editor, bobsPublished.id), { title: 'Bob live', version: 2 }, 'no restore happened')
})
