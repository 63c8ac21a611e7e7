import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { publishArticle } from '../../helpers/articles.js'

interface CommentBody {
  id: string
  parentId: string | null
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

interface ArticleView {
  id: string
  version: number
  commentCount: number
}

interface Problem {
  status: number
  code: string
  errors?: Array<{ path: string, message: string }>
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

const minute = 60_000
const env = { COMMENT_RATE_LIMIT: '1000' }

async function send (app: FastifyInstance, method: Method, url: string, token?: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers: { ...headers, ...(token === undefined ? {} : bearer(token)) }, ...(payload === undefined ? {} : { payload }) })
}

async function comment (app: FastifyInstance, token: string, articleId: string, body: string, parentId?: string): Promise<CommentBody> {
  const response = await send(app, 'POST', `/v1/articles/${articleId}/comments`, token, parentId === undefined ? { body } : { body, parentId })
  if (response.statusCode !== 201) throw new Error(`POST comment failed with ${response.statusCode}: ${response.body}`)
  return json<CommentBody>(response)
}

async function read (app: FastifyInstance, id: string, token?: string): Promise<CommentBody> {
  const response = await send(app, 'GET', `/v1/comments/${id}`, token)
  if (response.statusCode !== 200) throw new Error(`GET comment failed with ${response.statusCode}: ${response.body}`)
  return json<CommentBody>(response)
}

async function setStatus (app: FastifyInstance, token: string, ids: string[], status: string): Promise<void> {
  const response = await send(app, 'POST', '/v1/comments/moderate', token, { ids, status })
  if (response.statusCode !== 200) throw new Error(`moderate failed with ${response.statusCode}: ${response.body}`)
}

async function thread (app: FastifyInstance, articleId: string): Promise<ThreadNode[]> {
  return json<{ data: ThreadNode[] }>(await send(app, 'GET', `/v1/articles/${articleId}/comments`)).data
}

async function myId (app: FastifyInstance, token: string): Promise<string> {
  return json<{ user: { id: string } }>(await send(app, 'GET', '/v1/auth/me', token)).user.id
}

t.test('the author edits the body within 15 minutes; editedAt is set; later it is 403 edit_window_closed', async (t) => {
  const { app, adminToken, tokenFor, clock } = await buildTestApp(t)
  const member = await tokenFor('member')
  const article = await publishArticle(app, adminToken)
  const posted = await comment(app, member, article.id, 'Teh first version')

  clock.advance(14 * minute)
  const edited = await send(app, 'PATCH', `/v1/comments/${posted.id}`, member, { body: '  The first version  ' })
  t.equal(edited.statusCode, 200)
  t.equal(edited.headers.etag, '"v2"')
  t.match(json(edited), { id: posted.id, body: 'The first version', status: 'pending', editedAt: clock().toISOString(), updatedAt: clock().toISOString(), createdAt: posted.createdAt, version: 2 })
  t.equal(posted.editedAt, null, 'a comment that was never edited has no editedAt')

  for (const [name, body] of [['whitespace', '   '], ['5,001 characters', 'x'.repeat(5001)]] as const) {
    const response = await send(app, 'PATCH', `/v1/comments/${posted.id}`, member, { body })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.same((json<Problem>(response).errors ?? []).map((error) => error.path), ['body/body'])
  }

  clock.advance(minute + 1000)
  const late = await send(app, 'PATCH', `/v1/comments/${posted.id}`, member, { body: 'Too late' })
  t.equal(late.statusCode, 403, 'after 15 minutes')
  t.equal(late.headers['content-type'], 'application/problem+json')
  t.match(json(late), { status: 403, code: 'edit_window_closed' })
  t.match(await read(app, posted.id, member), { body: 'The first version', version: 2 }, 'nothing changed')
})

t.test('only the author edits the text; others get 403 or 404', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const other = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const approved = await comment(app, member, article.id, 'Approved words')
  await setStatus(app, editor, [approved.id], 'approved')
  const pending = await comment(app, member, article.id, 'Pending words')

  const onApproved = await send(app, 'PATCH', `/v1/comments/${approved.id}`, other, { body: 'Hijacked' })
  t.equal(onApproved.statusCode, 403, 'another member, on a comment they can see: 403')
  t.match(json(onApproved), { code: 'forbidden' })
  const onPending = await send(app, 'PATCH', `/v1/comments/${pending.id}`, other, { body: 'Hijacked' })
  t.equal(onPending.statusCode, 404, 'on a comment they cannot see: 404')
  t.equal((await send(app, 'PATCH', `/v1/comments/${approved.id}`, undefined, { body: 'Hijacked' })).statusCode, 401, 'anonymous: 401')
  t.equal((await send(app, 'PATCH', `/v1/comments/${approved.id}`, member, { status: 'spam' })).statusCode, 403, 'the author cannot change the status')
  t.match(await read(app, approved.id), { body: 'Approved words', status: 'approved', version: 2, editedAt: null })
  t.match(await read(app, pending.id, member), { body: 'Pending words', version: 1 })
})

t.test('PATCH and DELETE honour If-Match: a stale ETag is a 412 and nothing changes', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const posted = await comment(app, member, article.id, 'Version one')
  t.equal((await send(app, 'PATCH', `/v1/comments/${posted.id}`, member, { body: 'Version two' }, { 'if-match': '"v1"' })).statusCode, 200, 'the current ETag')

  const stale = await send(app, 'PATCH', `/v1/comments/${posted.id}`, member, { body: 'Version three' }, { 'if-match': '"v1"' })
  t.equal(stale.statusCode, 412)
  t.equal(stale.headers['content-type'], 'application/problem+json')
  t.match(json(stale), { status: 412, code: 'precondition_failed' })
  const moderatorStale = await send(app, 'PATCH', `/v1/comments/${posted.id}`, editor, { status: 'approved' }, { 'if-match': '"v1"' })
  t.equal(moderatorStale.statusCode, 412, 'moderators too')
  t.equal((await send(app, 'DELETE', `/v1/comments/${posted.id}`, member, undefined, { 'if-match': '"v1"' })).statusCode, 412, 'DELETE too')
  t.equal((await send(app, 'PATCH', `/v1/comments/${posted.id}`, member, { body: 'Version three' }, { 'if-match': '"not-ours"' })).statusCode, 412, 'a tag we never issued')
  t.match(await read(app, posted.id, member), { body: 'Version two', status: 'pending', deleted: false, version: 2 }, 'nothing changed')

  t.equal((await send(app, 'PATCH', `/v1/comments/${posted.id}`, editor, { status: 'approved' }, { 'if-match': '"v2"' })).statusCode, 200)
  t.equal((await send(app, 'DELETE', `/v1/comments/${posted.id}`, member, undefined, { 'if-match': '"v3"' })).statusCode, 204)
  t.match(await read(app, posted.id), { deleted: true, version: 4 })
})

t.test('DELETE is a soft delete: the body goes, the comment keeps its place and its replies', async (t) => {
  const { app, adminToken, tokenFor, clock, database } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const other = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  // Each comment is approved before someone else replies: a reader cannot reply to what they cannot see.
  const root = await comment(app, member, article.id, 'The root')
  await setStatus(app, editor, [root.id], 'approved')
  clock.advance(1000)
  const reply = await comment(app, other, article.id, 'A reply', root.id)
  await setStatus(app, editor, [reply.id], 'approved')
  clock.advance(1000)
  const nested = await comment(app, member, article.id, 'A reply to the reply', reply.id)
  clock.advance(1000)
  const second = await comment(app, other, article.id, 'Second root')
  await setStatus(app, editor, [nested.id, second.id], 'approved')
  const before = await thread(app, article.id)

  const forbidden = await send(app, 'DELETE', `/v1/comments/${root.id}`, other)
  t.equal(forbidden.statusCode, 403, 'another member: 403')
  t.match(json(forbidden), { code: 'forbidden' })
  t.equal((await send(app, 'DELETE', `/v1/comments/${root.id}`)).statusCode, 401, 'anonymous: 401')

  clock.advance(minute)
  const deleted = await send(app, 'DELETE', `/v1/comments/${root.id}`, member)
  t.equal(deleted.statusCode, 204, 'its author deletes it')
  t.equal(deleted.body, '')
  const gone = await read(app, root.id)
  t.match(gone, { id: root.id, body: '', deleted: true, status: 'approved', updatedAt: clock().toISOString(), version: 3 }, 'still there, without its body')
  t.equal((database.sqlite.prepare('SELECT body FROM comments WHERE id = ?').get(root.id) as { body: string }).body, '', 'the text is gone from the database too')

  const after = await thread(app, article.id)
  t.same(after.map((node) => node.id), before.map((node) => node.id), 'the deleted comment keeps its place')
  t.match(after[0], { id: root.id, body: '', deleted: true, replyCount: 1 })
  t.same(after[0]?.replies.map((node) => [node.id, node.body, node.replies.map((inner) => [inner.id, inner.body])]), [[reply.id, 'A reply', [[nested.id, 'A reply to the reply']]]], 'its replies stay nested under it')
  t.same(after.slice(1), before.slice(1), 'the rest of the thread is unchanged')

  t.equal((await send(app, 'DELETE', `/v1/comments/${root.id}`, member)).statusCode, 204, 'deleting twice is harmless')
  t.equal((await read(app, root.id)).version, 3, 'and writes nothing')
  const edit = await send(app, 'PATCH', `/v1/comments/${root.id}`, member, { body: 'Back again' })
  t.equal(edit.statusCode, 409, 'a deleted comment cannot be edited')
  t.match(json(edit), { code: 'conflict' })

  t.equal((await send(app, 'DELETE', `/v1/comments/${reply.id}`, editor)).statusCode, 204, 'a moderator deletes anyone\'s comment')
  t.match(await read(app, reply.id), { deleted: true, body: '' })
  t.equal((await thread(app, article.id))[0]?.replies[0]?.replies[0]?.body, 'A reply to the reply', 'a reply under two deleted comments is still in place')

  const pending = await comment(app, member, article.id, 'Not yet approved')
  t.equal((await send(app, 'DELETE', `/v1/comments/${pending.id}`, other)).statusCode, 404, 'someone else\'s pending comment: 404')
  t.equal((await send(app, 'DELETE', `/v1/comments/${pending.id}`, member)).statusCode, 204, 'the author deletes their pending comment')
})

t.test('commentCount counts approved, undeleted comments, in GET and lists, and changes the article\'s ETag', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const etags: string[] = []
  const check = async (expected: number, step: string): Promise<void> => {
    const response = await send(app, 'GET', `/v1/articles/${article.id}`)
    const view = json<ArticleView>(response)
    t.equal(view.commentCount, expected, `${step}: GET says ${expected}`)
    t.equal(view.version, article.version, `${step}: comments do not change the article's version`)
    const listed = json<{ data: ArticleView[] }>(await send(app, 'GET', '/v1/articles')).data.find((item) => item.id === article.id)
    t.equal(listed?.commentCount, expected, `${step}: the list says ${expected}`)
    const etag = String(response.headers.etag)
    const previous = etags.at(-1)
    if (previous !== undefined) {
      const conditional = await send(app, 'GET', `/v1/articles/${article.id}`, undefined, undefined, { 'if-none-match': previous })
      t.equal(conditional.statusCode, etag === previous ? 304 : 200, `${step}: If-None-Match with the previous ETag`)
    }
    etags.push(etag)
  }

  await check(0, 'no comments')
  const first = await comment(app, member, article.id, 'First')
  await check(0, 'a pending comment')
  await setStatus(app, editor, [first.id], 'approved')
  await check(1, 'approved')
  t.not(etags[2], etags[1], 'the ETag changed with the count')
  await setStatus(app, editor, [first.id], 'rejected')
  await check(0, 'rejected')
  await setStatus(app, editor, [first.id], 'approved')
  await check(1, 're-approved')
  const second = await comment(app, editor, article.id, 'Second, by an editor')
  await check(2, 'an editor\'s comment, approved at once')
  await setStatus(app, editor, [first.id, second.id], 'approved')
  await check(2, 'approving what is already approved')
  t.equal((await send(app, 'PATCH', `/v1/comments/${first.id}`, member, { body: 'First, edited' })).statusCode, 200)
  await check(2, 'an edit')
  t.equal((await send(app, 'DELETE', `/v1/comments/${first.id}`, member)).statusCode, 204)
  await check(1, 'soft deleted')
  await setStatus(app, editor, [first.id], 'approved')
  await check(1, 'approving a deleted comment does not count it again')
  await setStatus(app, editor, [second.id], 'spam')
  await check(0, 'spam')
})

t.test('a user\'s comments survive the deletion of the user, without an author', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const memberId = await myId(app, member)
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const root = await comment(app, member, article.id, 'Written by someone who leaves')
  const reply = await comment(app, editor, article.id, 'A reply', root.id)
  await setStatus(app, editor, [root.id], 'approved')
  t.same(root.author?.id, memberId)

  t.equal((await send(app, 'DELETE', `/v1/users/${memberId}`, adminToken)).statusCode, 204)
  t.equal((await send(app, 'GET', '/v1/auth/me', member)).statusCode, 401, 'the user is gone')
  t.match(await read(app, root.id), { id: root.id, author: null, body: 'Written by someone who leaves', status: 'approved', deleted: false })
  const [node] = await thread(app, article.id)
  t.match(node, { id: root.id, author: null, replyCount: 1 })
  t.equal(node?.replies[0]?.id, reply.id)
  t.equal(json<ArticleView>(await send(app, 'GET', `/v1/articles/${article.id}`)).commentCount, 2, 'still counted')
})

t.test('deleting an article deletes its comments', async (t) => {
  const { app, adminToken, tokenFor, database } = await buildTestApp(t, { env })
  const member = await tokenFor('member')
  const editor = await tokenFor('editor')
  const article = await publishArticle(app, adminToken)
  const kept = await publishArticle(app, adminToken)
  const root = await comment(app, editor, article.id, 'Approved root')
  const reply = await comment(app, member, article.id, 'Pending reply', root.id)
  const elsewhere = await comment(app, member, kept.id, 'On another article')

  t.equal((await send(app, 'DELETE', `/v1/articles/${article.id}`, editor)).statusCode, 204)
  for (const id of [root.id, reply.id]) {
    for (const token of [undefined, editor, member]) {
      const response = await send(app, 'GET', `/v1/comments/${id}`, token)
      t.equal(response.statusCode, 404, 'GET /v1/comments/{id}: 404')
      t.match(json(response), { code: 'not_found' })
    }
  }
  t.equal((await send(app, 'GET', `/v1/articles/${article.id}/comments`, editor)).statusCode, 404, 'the thread is gone with the article')
  t.same(json<{ data: Array<{ id: string }> }>(await send(app, 'GET', '/v1/comments', editor)).data.map((entry) => entry.id), [elsewhere.id], 'the queue holds only the other article\'s comment')
  t.equal((database.sqlite.prepare('SELECT count(*) AS n FROM comments WHERE article_id = ?').get(article.id) as { n: number }).n, 0, 'no rows are left behind')
})
