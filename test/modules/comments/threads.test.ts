import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json, type TestApp } from '../../helpers/app.js'
import { createArticle, publishArticle } from '../../helpers/articles.js'

interface CommentBody {
  id: string
  parentId: string | null
  depth: number
  body: string
  status: string
}

interface ThreadNode extends CommentBody {
  replyCount: number
  replies: ThreadNode[]
}

interface ThreadPage {
  data: ThreadNode[]
  page: { limit: number, nextCursor: string | null }
}

/** A thread reduced to what matters for its shape: [id, replyCount, replies]. */
type Shape = Array<[string, number, Shape]>

const unknownId = '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'
const env = { COMMENT_RATE_LIMIT: '1000' }

async function comment (app: FastifyInstance, token: string, articleId: string, body: string, parentId?: string): Promise<CommentBody> {
  const response = await app.inject({ method: 'POST', url: `/v1/articles/${articleId}/comments`, headers: bearer(token), payload: parentId === undefined ? { body } : { body, parentId } })
  if (response.statusCode !== 201) throw new Error(`POST comment failed with ${response.statusCode}: ${response.body}`)
  return json<CommentBody>(response)
}

async function moderate (app: FastifyInstance, token: string, ids: string[], status: string): Promise<void> {
  const response = await app.inject({ method: 'POST', url: '/v1/comments/moderate', headers: bearer(token), payload: { ids, status } })
  if (response.statusCode !== 200) throw new Error(`moderate failed with ${response.statusCode}: ${response.body}`)
}

async function get (app: FastifyInstance, articleId: string, query = '', token?: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/articles/${articleId}/comments${query}`, headers: token === undefined ? {} : bearer(token) })
}

async function page (app: FastifyInstance, articleId: string, query = '', token?: string): Promise<ThreadPage> {
  const response = await get(app, articleId, query, token)
  if (response.statusCode !== 200) throw new Error(`GET thread failed with ${response.statusCode}: ${response.body}`)
  return json<ThreadPage>(response)
}

/** Follows nextCursor to the end; returns every page. */
async function allPages (app: FastifyInstance, articleId: string, query: string, token?: string): Promise<ThreadPage[]> {
  const pages: ThreadPage[] = []
  let cursor: string | null = null
  do {
    const next: ThreadPage = await page(app, articleId, `?${query}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`, token)
    pages.push(next)
    cursor = next.page.nextCursor
  } while (cursor !== null && pages.length < 50)
  return pages
}

function shape (nodes: readonly ThreadNode[]): Shape {
  return nodes.map((node) => [node.id, node.replyCount, shape(node.replies)])
}

function flatten (nodes: readonly ThreadNode[]): ThreadNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.replies)])
}

interface Mixed {
  approved: CommentBody
  approvedReply: CommentBody
  pendingReply: CommentBody
  pending: CommentBody
  rejected: CommentBody
  spam: CommentBody
}

/** One article with a comment in every status, posted a second apart. */
async function mixedThread ({ app, clock, tokenFor }: TestApp, articleId: string): Promise<Mixed & { editor: string, member: string }> {
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const post = async (body: string, parentId?: string): Promise<CommentBody> => {
    clock.advance(1000)
    return comment(app, member, articleId, body, parentId)
  }
  const approved = await post('approved')
  const pending = await post('pending')
  const rejected = await post('rejected')
  const spam = await post('spam')
  const approvedReply = await post('approved reply', approved.id)
  const pendingReply = await post('pending reply', approved.id)
  await moderate(app, editor, [approved.id, approvedReply.id], 'approved')
  await moderate(app, editor, [rejected.id], 'rejected')
  await moderate(app, editor, [spam.id], 'spam')
  return { approved, approvedReply, pendingReply, pending, rejected, spam, editor, member }
}

t.test('the public sees approved comments only; moderators see every status', async (t) => {
  const testApp = await buildTestApp(t, { env })
  const { app, adminToken, tokenFor } = testApp
  const article = await publishArticle(app, adminToken)
  const c = await mixedThread(testApp, article.id)

  const anonymous = await get(app, article.id)
  t.equal(anonymous.statusCode, 200)
  t.match(anonymous.headers['content-type'], /^application\/json/)
  t.equal(anonymous.headers['cache-control'], 'public, max-age=60')
  t.match(anonymous.headers.vary, /Authorization/)
  const publicPage = json<ThreadPage>(anonymous)
  t.same(publicPage.page, { limit: 20, nextCursor: null })
  t.same(shape(publicPage.data), [[c.approved.id, 1, [[c.approvedReply.id, 0, []]]]], 'one approved thread, with its approved reply')
  t.ok(flatten(publicPage.data).every((node) => node.status === 'approved'))

  for (const token of [await tokenFor('member'), await tokenFor('author')]) {
    t.same(shape((await page(app, article.id, '', token)).data), shape(publicPage.data), 'other members and authors see what the public sees')
  }

  const moderated = await get(app, article.id, '', c.editor)
  t.equal(moderated.headers['cache-control'], 'private, no-store')
  const everything = json<ThreadPage>(moderated).data
  t.same(shape(everything), [
    [c.approved.id, 2, [[c.approvedReply.id, 0, []], [c.pendingReply.id, 0, []]]],
    [c.pending.id, 0, []],
    [c.rejected.id, 0, []],
    [c.spam.id, 0, []]
  ], 'a moderator sees every status, in thread order')
  t.same(everything.map((node) => node.status), ['approved', 'pending', 'rejected', 'spam'])
})

t.test('moderators filter by status; anyone else passing status is a 403', async (t) => {
  const testApp = await buildTestApp(t, { env })
  const { app, adminToken, tokenFor } = testApp
  const article = await publishArticle(app, adminToken)
  const c = await mixedThread(testApp, article.id)
  const expected: Array<[string, string[]]> = [['pending', [c.pending.id]], ['rejected', [c.rejected.id]], ['spam', [c.spam.id]], ['approved', [c.approved.id]]]
  for (const [status, roots] of expected) {
    const filtered = (await page(app, article.id, `?status=${status}`, c.editor)).data
    t.same(filtered.map((node) => node.id), roots, `status=${status}: its top-level comments`)
    t.ok(flatten(filtered).every((node) => node.status === status), `status=${status}: nothing in another status`)
  }
  t.same(shape((await page(app, article.id, '?status=approved', c.editor)).data), [[c.approved.id, 1, [[c.approvedReply.id, 0, []]]]], 'status=approved is the public view')

  for (const [name, token] of [['a member', c.member], ['an author', await tokenFor('author')], ['anonymous', undefined]] as const) {
    const response = await get(app, article.id, '?status=approved', token)
    t.equal(response.statusCode, 403, `${name} passing status: 403`)
    t.equal(response.headers['content-type'], 'application/problem+json')
    t.match(json(response), { status: 403, code: 'forbidden' })
  }
  t.equal((await get(app, article.id, '?status=hidden', c.editor)).statusCode, 400, 'an unknown status is a 400')
})

t.test('the article must be visible: a draft\'s comments are a 404 to the public', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env })
  const draft = await createArticle(app, adminToken)
  for (const [name, token] of [['anonymous', undefined], ['a member', await tokenFor('member')]] as const) {
    const response = await get(app, draft.id, '', token)
    t.equal(response.statusCode, 404, `${name}: 404`)
    t.equal(response.headers['content-type'], 'application/problem+json')
    t.match(json(response), { status: 404, code: 'not_found' })
  }
  t.same(await page(app, draft.id, '', await tokenFor('editor')), { data: [], page: { limit: 20, nextCursor: null } }, 'an editor sees the (empty) thread of a draft')
  t.equal((await get(app, unknownId)).statusCode, 404, 'an unknown article')
  t.equal((await get(app, 'not-an-id')).statusCode, 400, 'a malformed id')

  const published = await publishArticle(app, adminToken)
  t.same(await page(app, published.id), { data: [], page: { limit: 20, nextCursor: null } }, 'no comments yet: an empty page')
})

t.test('replies nest under their parents, oldest first, with replyCount on each', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env })
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const post = async (body: string, parentId?: string): Promise<CommentBody> => {
    clock.advance(1000)
    return comment(app, editor, article.id, body, parentId)
  }
  const a = await post('A')
  const b = await post('B, reply to A', a.id)
  const c = await post('C')
  const d = await post('D, reply to B', b.id)
  const e = await post('E, reply to A', a.id)
  const f = await post('F, reply to C', c.id)
  const g = await post('G, reply to D', d.id)
  const h = await post('H, reply to B', b.id)

  const { data } = await page(app, article.id)
  t.same(shape(data), [
    [a.id, 2, [
      [b.id, 2, [
        [d.id, 1, [[g.id, 0, []]]],
        [h.id, 0, []]
      ]],
      [e.id, 0, []]
    ]],
    [c.id, 1, [[f.id, 0, []]]]
  ])
  t.same(flatten(data).map((node) => node.depth), [0, 1, 2, 3, 2, 1, 0, 1], 'depths match the nesting')
  t.same(flatten(data).map((node) => node.body.charAt(0)), ['A', 'B', 'D', 'G', 'H', 'E', 'C', 'F'], 'bodies in reading order')
  t.same(shape((await page(app, article.id, '?sort=newest')).data), [shape(data)[1], shape(data)[0]], 'newest reverses the top level only; replies stay oldest first')
})

t.test('top-level comments page with keyset cursors; each page carries its threads whole', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env })
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const roots: CommentBody[] = []
  const repliesOf = new Map<string, string[]>()
  for (let index = 0; index < 7; index++) {
    clock.advance(1000)
    roots.push(await comment(app, editor, article.id, `root ${index}`))
  }
  // Replies arrive long after later roots, so a root's replies are newer than the next page's roots.
  for (const root of [roots[0], roots[3], roots[6], roots[0]]) {
    if (root === undefined) continue
    clock.advance(1000)
    const reply = await comment(app, editor, article.id, `reply to ${root.body}`, root.id)
    clock.advance(1000)
    const nested = await comment(app, editor, article.id, `reply to ${reply.body}`, reply.id)
    repliesOf.set(root.id, [...repliesOf.get(root.id) ?? [], reply.id, nested.id])
  }

  const oldest = await allPages(app, article.id, 'limit=3')
  t.same(oldest.map((entry) => entry.data.length), [3, 3, 1], 'three pages')
  t.same(oldest.map((entry) => entry.page.limit), [3, 3, 3])
  t.equal(oldest.at(-1)?.page.nextCursor, null, 'the last page has no cursor')
  const seen = oldest.flatMap((entry) => entry.data)
  t.same(seen.map((node) => node.id), roots.map((root) => root.id), 'every top-level comment exactly once, oldest first')
  for (const node of seen) {
    t.same(flatten(node.replies).map((reply) => reply.id).sort(), [...repliesOf.get(node.id) ?? []].sort(), `${node.body}: all its replies on the same page`)
    t.equal(node.replyCount, node.replies.length, `${node.body}: replyCount counts its direct replies`)
  }
  t.same(shape(seen), shape((await page(app, article.id)).data), 'the pages join up to the one-page thread')

  const newest = await allPages(app, article.id, 'limit=3&sort=newest')
  t.same(newest.map((entry) => entry.data.length), [3, 3, 1])
  t.same(newest.flatMap((entry) => entry.data).map((node) => node.id), roots.map((root) => root.id).reverse(), 'sort=newest: every top-level comment once, newest first')

  const cursor = oldest[0]?.page.nextCursor ?? ''
  const crossed = await get(app, article.id, `?limit=3&sort=newest&cursor=${encodeURIComponent(cursor)}`)
  t.equal(crossed.statusCode, 400, 'a cursor from another order is a 400')
  t.match(json(crossed), { code: 'invalid_cursor' })
  const forged = `${Buffer.from(JSON.stringify(['thread-oldest', '2000-01-01T00:00:00.000Z', unknownId])).toString('base64url')}.${cursor.split('.')[1] ?? ''}`
  const tampered = await get(app, article.id, `?limit=3&cursor=${encodeURIComponent(forged)}`)
  t.equal(tampered.statusCode, 400, 'a forged cursor is a 400')
  t.match(json(tampered), { code: 'invalid_cursor' })
  for (const query of ['?limit=0', '?limit=101', '?sort=popular', '?page=2']) {
    const response = await get(app, article.id, query)
    t.equal(response.statusCode, 400, `${query}: 400`)
    t.match(json(response), { code: 'validation_failed' })
  }
})

t.test('comments posted in the same instant page exactly once each', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env })
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const ids: string[] = []
  for (let index = 0; index < 5; index++) ids.push((await comment(app, editor, article.id, `same time ${index}`)).id)
  t.same((await allPages(app, article.id, 'limit=2')).flatMap((entry) => entry.data.map((node) => node.id)), ids, 'oldest: ties broken by id')
  t.same((await allPages(app, article.id, 'limit=2&sort=newest')).flatMap((entry) => entry.data.map((node) => node.id)), [...ids].reverse(), 'newest')
})

t.test('hidden top-level comments do not take up room on a public page', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const approved: string[] = []
  for (let index = 0; index < 8; index++) {
    clock.advance(1000)
    const created = await comment(app, member, article.id, `comment ${index}`)
    if (index % 2 === 0) approved.push(created.id)
  }
  await moderate(app, editor, approved, 'approved')

  const publicPages = await allPages(app, article.id, 'limit=2')
  t.same(publicPages.map((entry) => entry.data.length), [2, 2], 'full pages of approved comments')
  t.same(publicPages.flatMap((entry) => entry.data.map((node) => node.id)), approved)
  const moderatorPages = await allPages(app, article.id, 'limit=3', editor)
  t.same(moderatorPages.map((entry) => entry.data.length), [3, 3, 2], 'a moderator pages through all eight')
  const pendingPages = await allPages(app, article.id, 'limit=3&status=pending', editor)
  t.same(pendingPages.flatMap((entry) => entry.data.map((node) => node.status)), ['pending', 'pending', 'pending', 'pending'], 'status=pending pages through the pending ones')
})
