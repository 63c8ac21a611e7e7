import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { publishArticle } from '../../helpers/articles.js'

t.test('a reply to a comment the caller cannot see is refused like a missing parent', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const [author, stranger] = [await tokenFor('member'), await tokenFor('member')]
  const article = await publishArticle(app, adminToken)
  const pending = json<{ id: string, status: string }>(await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(author), payload: { body: 'Waiting for moderation' } }))
  t.equal(pending.status, 'pending')
  const missing = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(stranger), payload: { body: 'Reply', parentId: '019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d' } })
  const hidden = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(stranger), payload: { body: 'Reply', parentId: pending.id } })
  t.equal(hidden.statusCode, 400)
  t.same(json<{ errors: unknown }>(hidden).errors, json<{ errors: unknown }>(missing).errors, 'the same answer as for a parent that does not exist')
  const own = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(author), payload: { body: 'Adding to my own', parentId: pending.id } })
  t.equal(own.statusCode, 201, 'the author can reply to their own pending comment')
})

t.test('requests refused for bad input do not use up the rate limit', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t, { env: { COMMENT_RATE_LIMIT: '2' } })
  const member = await tokenFor('member')
  const article = await publishArticle(app, adminToken)
  for (let attempt = 0; attempt < 5; attempt++) {
    const refused = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(member), payload: { body: 'x', parentId: '019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d' } })
    t.equal(refused.statusCode, 400)
  }
  for (let post = 0; post < 2; post++) {
    t.equal((await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(member), payload: { body: `Post ${post}` } })).statusCode, 201)
  }
  const limited = await app.inject({ method: 'POST', url: `/v1/articles/${article.id}/comments`, headers: bearer(member), payload: { body: 'One too many' } })
  t.equal(limited.statusCode, 429)
  t.ok(limited.headers['retry-after'])
})
