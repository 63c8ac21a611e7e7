import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json, type TestApp } from '../../helpers/app.js'
import { createArticle, publishArticle } from '../../helpers/articles.js'

interface CommentBody {
  id: string
  articleId: string
  parentId: string | null
  depth: number
  author: { id: string, displayName: string } | null
  body: string
  status: string
  deleted: boolean
  editedAt: string | null
  createdAt: string
  updatedAt: string
  version: number
}

interface ThreadNode extends CommentBody {
  replyCount: number
  replies: ThreadNode[]
}

interface Problem {
  status: number
  code: string
  errors?: Array<{ path: string, message: string }>
}

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const commentFields = ['articleId', 'author', 'body', 'createdAt', 'deleted', 'depth', 'editedAt', 'id', 'parentId', 'status', 'updatedAt', 'version']

async function post (app: FastifyInstance, token: string | undefined, articleId: string, payload: Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/articles/${articleId}/comments`, headers: token === undefined ? {} : bearer(token), payload })
}

async function comment (app: FastifyInstance, token: string, articleId: string, body: string, parentId?: string): Promise<CommentBody> {
  const response = await post(app, token, articleId, parentId === undefined ? { body } : { body, parentId })
  if (response.statusCode !== 201) throw new Error(`POST comment failed with ${response.statusCode}: ${response.body}`)
  return json<CommentBody>(response)
}

async function thread (app: FastifyInstance, token: string, articleId: string): Promise<ThreadNode[]> {
  const response = await app.inject({ method: 'GET', url: `/v1/articles/${articleId}/comments`, headers: bearer(token) })
  if (response.statusCode !== 200) throw new Error(`GET thread failed with ${response.statusCode}: ${response.body}`)
  return json<{ data: ThreadNode[] }>(response).data
}

async function myId (app: FastifyInstance, token: string): Promise<string> {
  return json<{ user: { id: string } }>(await app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).user.id
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

function countComments (sqlite: TestApp['database']['sqlite']): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n
}

t.test('a member posts a comment: 201, Location, ETag, the whole comment, pending', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const member = await tokenFor('member')
  const response = await post(app, member, article.id, { body: 'The cycle lanes are the best part of this.' })
  t.equal(response.statusCode, 201)
  t.match(response.headers['content-type'], /^application\/json/)
  const created = json<CommentBody>(response)
  t.same(Object.keys(created).sort(), commentFields)
  t.same(created, {
    id: created.id,
    articleId: article.id,
    parentId: null,
    depth: 0,
    author: { id: await myId(app, member), displayName: created.author?.displayName ?? '' },
    body: 'The cycle lanes are the best part of this.',
    status: 'pending',
    deleted: false,
    editedAt: null,
    createdAt: clock().toISOString(),
    updatedAt: clock().toISOString(),
    version: 1
  })
  t.match(created.author?.displayName, /^member \d+$/, 'the author\'s display name')
  t.equal(response.headers.location, `/v1/comments/${created.id}`)
  t.equal(response.headers.etag, '"v1"')
  t.equal(response.headers['cache-control'], 'no-store')

  t.equal((await app.inject({ method: 'GET', url: `/v1/comments/${created.id}` })).statusCode, 404, 'a pending comment is not public')
  const own = await app.inject({ method: 'GET', url: `/v1/comments/${created.id}`, headers: bearer(member) })
  t.equal(own.statusCode, 200, 'its author sees it')
  t.same(json(own), created)
})

t.test('posting needs a token with comments:write', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const anonymous = await post(app, undefined, article.id, { body: 'Anonymous' })
  t.equal(anonymous.statusCode, 401)
  t.equal(anonymous.headers['content-type'], 'application/problem+json')
  t.equal(anonymous.headers['www-authenticate'], 'Bearer realm="newsdesk"')
  t.match(json(anonymous), { status: 401, code: 'unauthorized' })

  const readOnly = await post(app, await tokenFor('editor', ['content:read']), article.id, { body: 'No comments:write' })
  t.equal(readOnly.statusCode, 403, 'a token without comments:write')
  t.match(json(readOnly), { code: 'forbidden' })
  t.equal(countComments(database.sqlite), 0, 'nothing was written')
})

t.test('comments are closed on articles with commentsEnabled false and on articles that are not public', async (t) => {
  const { app, adminToken, tokenFor, clock, database } = await buildTestApp(t)
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')

  const closed = await publishArticle(app, adminToken, { commentsEnabled: false })
  for (const token of [member, editor]) {
    const response = await post(app, token, closed.id, { body: 'Hello' })
    t.equal(response.statusCode, 403, 'comments turned off: 403')
    t.equal(response.headers['content-type'], 'application/problem+json')
    t.match(json(response), { status: 403, code: 'comments_closed' })
  }

  const draft = await createArticle(app, adminToken)
  const editorOnDraft = await post(app, editor, draft.id, { body: 'On a draft' })
  t.equal(editorOnDraft.statusCode, 403, 'an editor, who can see the draft, may not comment on it')
  t.match(json(editorOnDraft), { code: 'comments_closed' })
  const memberOnDraft = await post(app, member, draft.id, { body: 'On a draft' })
  t.equal(memberOnDraft.statusCode, 404, 'to a member the draft does not exist')
  t.match(json(memberOnDraft), { code: 'not_found' })

  const archived = await publishArticle(app, adminToken)
  t.equal((await app.inject({ method: 'PATCH', url: `/v1/articles/${archived.id}`, headers: bearer(adminToken), payload: { status: 'archived' } })).statusCode, 200)
  t.match(json(await post(app, editor, archived.id, { body: 'Archived' })), { status: 403, code: 'comments_closed' }, 'archived: closed')

  const publishAt = new Date(clock().getTime() + 3_600_000).toISOString()
  const scheduled = await createArticle(app, adminToken, { status: 'scheduled', publishedAt: publishAt })
  t.match(json(await post(app, editor, scheduled.id, { body: 'Too early' })), { status: 403, code: 'comments_closed' }, 'scheduled, not yet public: closed')
  t.equal((await post(app, member, scheduled.id, { body: 'Too early' })).statusCode, 404)
  t.equal((await post(app, member, unknownId, { body: 'Nowhere' })).statusCode, 404, 'an unknown article')
  t.equal(countComments(database.sqlite), 0, 'nothing was written')

  clock.advance(3_600_000)
  t.equal((await post(app, member, scheduled.id, { body: 'Now it is out' })).statusCode, 201, 'open once the scheduled time passes')
})

t.test('a reply names a parent on the same article; anything else is a 400 naming body/parentId', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t)
  const member = await tokenFor('member')
  const article = await publishArticle(app, adminToken)
  const other = await publishArticle(app, adminToken)
  const onOther = await comment(app, member, other.id, 'On the other article')

  for (const [name, parentId] of [['a comment on another article', onOther.id], ['an unknown comment', unknownId], ['not an id', 'nope']] as const) {
    const response = await post(app, member, article.id, { body: 'A reply', parentId })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.match(json(response), { status: 400, code: 'validation_failed' })
    t.same(errorPaths(response), ['body/parentId'], `${name}: names body/parentId`)
  }
  const strict = await post(app, member, article.id, { body: 'Mine', status: 'approved' })
  t.equal(strict.statusCode, 400, 'unknown fields are refused')
  t.ok(errorPaths(strict).includes('body/status'), 'naming the field')
  t.equal(countComments(database.sqlite), 1, 'only the first comment exists')

  const root = await comment(app, member, article.id, 'Root')
  const reply = await comment(app, member, article.id, 'Reply', root.id)
  t.match(reply, { parentId: root.id, depth: 1, articleId: article.id })
})

t.test('replies nest at most three deep; a reply to a depth-3 comment attaches to its parent', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env: { COMMENT_RATE_LIMIT: '100' } })
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const chain: CommentBody[] = [await comment(app, editor, article.id, 'depth 0')]
  for (let depth = 1; depth <= 3; depth++) {
    clock.advance(1000)
    const parent = chain.at(-1)
    chain.push(await comment(app, editor, article.id, `depth ${depth}`, parent?.id))
  }
  t.same(chain.map((entry) => entry.depth), [0, 1, 2, 3])
  t.same(chain.slice(1).map((entry) => entry.parentId), chain.slice(0, 3).map((entry) => entry.id), 'each replies to the one before')

  clock.advance(1000)
  const deepest = chain[3]
  const tooDeep = await comment(app, editor, article.id, 'would be depth 4', deepest?.id)
  t.equal(tooDeep.depth, 3, 'stays at depth 3')
  t.equal(tooDeep.parentId, chain[2]?.id, 'a sibling of the depth-3 comment, under its parent')
  clock.advance(1000)
  const again = await comment(app, editor, article.id, 'also too deep', tooDeep.id)
  t.match(again, { depth: 3, parentId: chain[2]?.id })

  const [root] = await thread(app, editor, article.id)
  const level2 = root?.replies[0]?.replies[0]
  t.equal(level2?.id, chain[2]?.id)
  t.same(level2?.replies.map((entry) => [entry.id, entry.depth, entry.replies.length]), [[deepest?.id, 3, 0], [tooDeep.id, 3, 0], [again.id, 3, 0]], 'the thread shows them side by side, oldest first')
  t.equal(level2?.replyCount, 3)
})

t.test('the body is 1 to 5,000 characters after trimming', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t, { env: { COMMENT_RATE_LIMIT: '100' } })
  const member = await tokenFor('member')
  const article = await publishArticle(app, adminToken)
  const cases: Array<[string, unknown]> = [
    ['empty', ''],
    ['whitespace only', ' \n\t  '],
    ['5,001 characters', 'x'.repeat(5001)],
    ['not a string', 42],
    ['missing', undefined]
  ]
  for (const [name, body] of cases) {
    const response = await post(app, member, article.id, body === undefined ? {} : { body })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.match(json(response), { code: 'validation_failed' })
    t.same(errorPaths(response), ['body/body'], `${name}: names body/body`)
  }
  t.equal(countComments(database.sqlite), 0)

  t.equal((await comment(app, member, article.id, '  Padded, with a line\nbreak.  \n')).body, 'Padded, with a line\nbreak.', 'trimmed at both ends, inner whitespace kept')
  t.equal((await comment(app, member, article.id, 'y')).body, 'y', 'one character is enough')
  const longest = await comment(app, member, article.id, `   ${'z'.repeat(5000)}   `)
  t.equal(longest.body.length, 5000, '5,000 characters, once trimmed, is fine')
})

t.test('bodies are plain text: markup comes back byte-identical, never as HTML', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t)
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const text = '<script>alert("x")</script> & <b>bold</b> &amp; **not markdown** <img src=x onerror=alert(1)>'
  const response = await post(app, editor, article.id, { body: text })
  t.equal(response.statusCode, 201)
  const created = json<CommentBody>(response)
  t.equal(created.body, text, 'the POST response')
  t.ok(response.body.includes('<script>alert(\\"x\\")</script>'), 'the raw JSON carries the characters, not entities')
  t.notOk(response.body.includes('&lt;'), 'nothing is HTML-escaped')

  const read = await app.inject({ method: 'GET', url: `/v1/comments/${created.id}` })
  t.match(read.headers['content-type'], /^application\/json/)
  t.equal(json<CommentBody>(read).body, text, 'GET /v1/comments/{id}')
  t.equal((await thread(app, editor, article.id))[0]?.body, text, 'the thread')
  t.equal((database.sqlite.prepare('SELECT body FROM comments WHERE id = ?').get(created.id) as { body: string }).body, text, 'stored as sent')
})

t.test('new comments are pending, approved for editors and admins, or for everyone with COMMENTS_AUTO_APPROVE', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const expected: Array<['member' | 'author' | 'editor' | 'admin', string]> = [['member', 'pending'], ['author', 'pending'], ['editor', 'approved'], ['admin', 'approved']]
  for (const [role, status] of expected) {
    t.equal((await comment(app, await tokenFor(role), article.id, `By a ${role}`)).status, status, `${role}: ${status}`)
  }

  const auto = await buildTestApp(t, { env: { COMMENTS_AUTO_APPROVE: '1' } })
  const autoArticle = await publishArticle(auto.app, auto.adminToken)
  const approved = await comment(auto.app, await auto.tokenFor('member'), autoArticle.id, 'Straight through')
  t.equal(approved.status, 'approved', 'COMMENTS_AUTO_APPROVE=1: a member\'s comment is approved at once')
  t.equal((await auto.app.inject({ method: 'GET', url: `/v1/comments/${approved.id}` })).statusCode, 200, 'and public')
})

t.test('posting is rate limited per user: the 6th comment in a minute is a 429 with Retry-After', async (t) => {
  const { app, adminToken, tokenFor, clock, database } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const member = await tokenFor('member')
  const other = await tokenFor('member')
  for (let index = 1; index <= 5; index++) {
    t.equal((await post(app, member, article.id, { body: `Comment ${index}` })).statusCode, 201, `comment ${index}: 201`)
  }
  const sixth = await post(app, member, article.id, { body: 'Comment 6' })
  t.equal(sixth.statusCode, 429)
  t.equal(sixth.headers['content-type'], 'application/problem+json')
  t.equal(sixth.headers['retry-after'], '60')
  t.match(json(sixth), { status: 429, code: 'rate_limited' })
  t.equal(countComments(database.sqlite), 5, 'the refused comment was not written')

  t.equal((await post(app, other, article.id, { body: 'Someone else' })).statusCode, 201, 'another user is unaffected')

  clock.advance(45_000)
  const later = await post(app, member, article.id, { body: 'Still too soon' })
  t.equal(later.statusCode, 429)
  t.equal(later.headers['retry-after'], '15', 'Retry-After counts down with the window')

  clock.advance(15_000)
  t.equal((await post(app, member, article.id, { body: 'A minute later' })).statusCode, 201, 'recovers once the minute has passed')
})

t.test('COMMENT_RATE_LIMIT sets the number of comments per minute', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env: { COMMENT_RATE_LIMIT: '2' } })
  const article = await publishArticle(app, adminToken)
  const editor = await tokenFor('editor')
  t.equal((await post(app, editor, article.id, { body: 'one' })).statusCode, 201)
  t.equal((await post(app, editor, article.id, { body: 'two' })).statusCode, 201)
  const third = await post(app, editor, article.id, { body: 'three' })
  t.equal(third.statusCode, 429, 'editors are limited too')
  t.ok(Number(third.headers['retry-after']) > 0, 'with Retry-After')
})
