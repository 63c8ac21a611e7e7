import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import t from 'tap'
import { bearer, buildTestApp, json } from '../../helpers/app.js'
import { createArticle, publishArticle, type ArticleBody } from '../../helpers/articles.js'

interface Problem {
  status: number
  code: string
  errors?: Array<{ path: string, message: string }>
}

interface OutlineEntry {
  level: number
  text: string
  anchor: string
}

const oneHour = 60 * 60 * 1000

async function get (app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers })
}

function byId (article: ArticleBody): string {
  return `/v1/articles/${article.id}`
}

function bySlug (article: ArticleBody): string {
  return `/v1/articles/slug/${article.slug}`
}

function varyNames (response: LightMyRequestResponse): string[] {
  const vary = response.headers.vary
  return String(vary ?? '').split(',').map((name) => name.trim().toLowerCase())
}

function errorPaths (response: LightMyRequestResponse): string[] {
  return (json<Problem>(response).errors ?? []).map((error) => error.path)
}

t.test('anonymous callers read a published article by id and by slug', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken, { title: 'Harbour Bridge Reopens', dek: 'After repairs.', tags: ['transport'] })
  for (const url of [byId(article), bySlug(article)]) {
    const response = await get(app, url)
    t.equal(response.statusCode, 200, `${url}: status`)
    t.match(response.headers['content-type'], /^application\/json/, `${url}: content type`)
    const body = json<ArticleBody>(response)
    t.match(body, {
      id: article.id,
      slug: 'harbour-bridge-reopens',
      title: 'Harbour Bridge Reopens',
      dek: 'After repairs.',
      status: 'published',
      publishedAt: article.publishedAt,
      tags: ['transport'],
      version: 1
    }, `${url}: body`)
    t.type(body.body, 'string', `${url}: carries the body`)
    t.notOk('bodyHtml' in body, `${url}: no bodyHtml without format=html`)
  }
})

t.test('unpublished articles are a 404 (never a 403) to anonymous callers and to tokens without content:read', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken, { title: 'A Draft' })
  const archived = await createArticle(app, adminToken, { title: 'Archived On Create', status: 'archived' })
  const withdrawn = await publishArticle(app, adminToken, { title: 'Published Then Withdrawn' })
  const patch = await app.inject({ method: 'PATCH', url: byId(withdrawn), headers: bearer(adminToken), payload: { status: 'archived' } })
  t.equal(patch.statusCode, 200, 'archiving a published article succeeds')
  const scheduled = await createArticle(app, adminToken, {
    title: 'Scheduled For Later',
    status: 'scheduled',
    publishedAt: new Date(clock().getTime() + oneHour).toISOString()
  })
  const member = await tokenFor('member')
  const callers: Array<[string, Record<string, string>]> = [['anonymous', {}], ['member token', bearer(member)]]
  for (const article of [draft, archived, withdrawn, scheduled]) {
    for (const url of [byId(article), bySlug(article)]) {
      for (const [who, headers] of callers) {
        const response = await get(app, url, headers)
        const name = `${who} ${article.title} via ${url.includes('/slug/') ? 'slug' : 'id'}`
        t.equal(response.statusCode, 404, `${name}: status`)
        t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
        t.match(json<Problem>(response), { status: 404, code: 'not_found' }, `${name}: problem`)
        t.notOk(response.headers.etag, `${name}: no ETag`)
        t.equal(response.headers['cache-control'], 'no-store', `${name}: not cached`)
      }
    }
  }
})

t.test('an article that does not exist is the same 404 as a hidden one', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken)
  const hidden = await get(app, byId(draft))
  const missing = await get(app, '/v1/articles/019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d')
  const missingSlug = await get(app, '/v1/articles/slug/no-such-article')
  t.equal(missing.statusCode, 404)
  t.equal(missingSlug.statusCode, 404)
  t.equal(json<Problem>(missing).code, json<Problem>(hidden).code)
  t.equal(json<{ detail: string }>(missing).detail, json<{ detail: string }>(hidden).detail, 'the detail does not tell a draft from nothing')
})

t.test('a scheduled article becomes readable once its publishedAt has passed', async (t) => {
  const { app, adminToken, clock } = await buildTestApp(t)
  const publishedAt = new Date(clock().getTime() + oneHour).toISOString()
  const scheduled = await createArticle(app, adminToken, { title: 'Embargoed Story', status: 'scheduled', publishedAt })
  t.equal((await get(app, byId(scheduled))).statusCode, 404, 'before its time')
  clock.advance(oneHour - 1)
  t.equal((await get(app, bySlug(scheduled))).statusCode, 404, 'one millisecond before its time')
  clock.advance(1)
  for (const url of [byId(scheduled), bySlug(scheduled)]) {
    const response = await get(app, url)
    t.equal(response.statusCode, 200, `${url}: readable at its time`)
    t.match(json<ArticleBody>(response), { id: scheduled.id, status: 'published', publishedAt }, `${url}: shown as published`)
    t.equal(response.headers.etag, '"v1-published"', `${url}: the ETag follows the status readers see`)
  }
})

t.test('a content:read token sees drafts, archived and scheduled articles by id and by slug', async (t) => {
  const { app, adminToken, clock, tokenFor } = await buildTestApp(t)
  const reader = await tokenFor('editor', ['content:read'])
  const draft = await createArticle(app, adminToken, { title: 'Draft For Editors' })
  const archived = await createArticle(app, adminToken, { title: 'Archived For Editors', status: 'archived' })
  const scheduled = await createArticle(app, adminToken, { title: 'Scheduled For Editors', status: 'scheduled', publishedAt: new Date(clock().getTime() + oneHour).toISOString() })
  for (const article of [draft, archived, scheduled]) {
    for (const url of [byId(article), bySlug(article)]) {
      const response = await get(app, url, bearer(reader))
      t.equal(response.statusCode, 200, `${url}: status`)
      t.match(json<ArticleBody>(response), { id: article.id, status: article.status }, `${url}: body`)
      t.equal(response.headers.etag, `"v1-${article.status}"`, `${url}: ETag`)
    }
  }
})

t.test('single-article reads carry an ETag of the form "v<version>-<status>" that changes with the article', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const first = await get(app, byId(article))
  t.equal(first.headers.etag, '"v1-published"')
  t.equal((await get(app, bySlug(article))).headers.etag, '"v1-published"', 'the same ETag by slug')
  const patch = await app.inject({ method: 'PATCH', url: byId(article), headers: bearer(adminToken), payload: { title: 'A New Title' } })
  t.equal(patch.statusCode, 200)
  const second = await get(app, byId(article))
  t.equal(second.headers.etag, '"v2-published"')
  t.equal(json<ArticleBody>(second).version, 2)
  t.match(second.headers.etag, /^"v\d+-(draft|scheduled|published|archived)"$/)
})

t.test('If-None-Match with the current ETag answers 304 with an empty body; another ETag answers 200', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  for (const url of [byId(article), bySlug(article)]) {
    const fresh = await get(app, url)
    const etag = String(fresh.headers.etag)
    const cases: Array<[string, string]> = [['exact', etag], ['weak form', `W/${etag}`], ['in a list', `"v0-draft", ${etag}`], ['wildcard', '*']]
    for (const [name, ifNoneMatch] of cases) {
      const notModified = await get(app, url, { 'if-none-match': ifNoneMatch })
      t.equal(notModified.statusCode, 304, `${url} ${name}: status`)
      t.equal(notModified.body, '', `${url} ${name}: empty body`)
      t.equal(notModified.headers.etag, etag, `${url} ${name}: repeats the ETag`)
      t.notOk(notModified.headers['content-type'], `${url} ${name}: no content type`)
      t.equal(notModified.headers['cache-control'], 'public, max-age=60', `${url} ${name}: cache headers kept`)
    }
    for (const other of ['"v2-published"', '"v1-draft"', '"v1-published-html"', 'not-an-etag']) {
      const modified = await get(app, url, { 'if-none-match': other })
      t.equal(modified.statusCode, 200, `${url} If-None-Match ${other}: status`)
      t.equal(json<ArticleBody>(modified).id, article.id, `${url} If-None-Match ${other}: full body`)
      t.equal(modified.headers.etag, etag, `${url} If-None-Match ${other}: ETag`)
    }
  }
})

t.test('an ETag read before an edit no longer answers 304 after it', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const before = String((await get(app, byId(article))).headers.etag)
  const patch = await app.inject({ method: 'PATCH', url: byId(article), headers: bearer(adminToken), payload: { dek: 'Changed.' } })
  t.equal(patch.statusCode, 200)
  const after = await get(app, byId(article), { 'if-none-match': before })
  t.equal(after.statusCode, 200)
  t.equal(json<ArticleBody>(after).dek, 'Changed.')
  t.not(after.headers.etag, before)
})

t.test('If-None-Match does not turn a hidden article into a 304', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const draft = await createArticle(app, adminToken)
  const response = await get(app, byId(draft), { 'if-none-match': '"v1-draft"' })
  t.equal(response.statusCode, 404)
})

t.test('Cache-Control is public for anonymous reads and private, no-store with a token; Vary names Authorization', async (t) => {
  const { app, adminToken, tokenFor } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const member = await tokenFor('member')
  for (const url of [byId(article), bySlug(article), `${byId(article)}?format=html`]) {
    const anonymous = await get(app, url)
    t.equal(anonymous.statusCode, 200, `${url} anonymous: status`)
    t.equal(anonymous.headers['cache-control'], 'public, max-age=60', `${url} anonymous: Cache-Control`)
    t.ok(varyNames(anonymous).includes('authorization'), `${url} anonymous: Vary includes Authorization`)
    for (const [who, token] of [['admin', adminToken], ['member', member]]) {
      const authenticated = await get(app, url, bearer(String(token)))
      t.equal(authenticated.statusCode, 200, `${url} ${String(who)}: status`)
      t.equal(authenticated.headers['cache-control'], 'private, no-store', `${url} ${String(who)}: Cache-Control`)
      t.ok(varyNames(authenticated).includes('authorization'), `${url} ${String(who)}: Vary includes Authorization`)
    }
  }
})

t.test('the max-age of public reads follows CACHE_MAX_AGE', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { CACHE_MAX_AGE: '300' } })
  const article = await publishArticle(app, adminToken)
  t.equal((await get(app, byId(article))).headers['cache-control'], 'public, max-age=300')
})

t.test('format=html adds bodyHtml with heading ids equal to the outline anchors, escaping raw HTML and dropping unsafe links', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const body = [
    '# Budget',
    '',
    'Intro with <script>alert("x")</script> inline and <b>bold tags</b>.',
    '',
    '<script>alert(1)</script>',
    '',
    '## The vote',
    '',
    'A [bad link](javascript:alert(1)) and a [VB link](vbscript:msgbox) and a [good link](https://example.com/report).',
    '',
    '<img src=x onerror="alert(1)">',
    '',
    '## The vote',
    '',
    '### Who said what?',
    ''
  ].join('\n')
  const article = await publishArticle(app, adminToken, { title: 'Rendering Test', body })
  for (const url of [`${byId(article)}?format=html`, `${bySlug(article)}?format=html`]) {
    const response = await get(app, url)
    t.equal(response.statusCode, 200, `${url}: status`)
    const rendered = json<ArticleBody & { bodyHtml: string, outline: OutlineEntry[] }>(response)
    t.equal(rendered.body, body, `${url}: the Markdown is still there`)
    t.type(rendered.bodyHtml, 'string', `${url}: bodyHtml present`)
    const headings = [...rendered.bodyHtml.matchAll(/<h([1-6]) id="([^"]*)">/g)].map((match) => ({ level: Number(match[1]), anchor: match[2] }))
    t.same(rendered.outline.map((entry) => entry.anchor), ['budget', 'the-vote', 'the-vote-2', 'who-said-what'], `${url}: outline anchors`)
    t.same(headings, rendered.outline.map((entry) => ({ level: entry.level, anchor: entry.anchor })), `${url}: heading ids equal the outline anchors`)
    t.notMatch(rendered.bodyHtml, /<script/i, `${url}: no script element`)
    t.notMatch(rendered.bodyHtml, /<img/i, `${url}: no raw img element`)
    t.notMatch(rendered.bodyHtml, /<b>/, `${url}: raw inline HTML not rendered`)
    t.match(rendered.bodyHtml, '&lt;script&gt;', `${url}: raw HTML shown escaped`)
    t.notMatch(rendered.bodyHtml, /href="\s*javascript:/i, `${url}: javascript: link not rendered as a link`)
    t.notMatch(rendered.bodyHtml, /href="\s*vbscript:/i, `${url}: vbscript: link not rendered as a link`)
    t.match(rendered.bodyHtml, '<a href="https://example.com/report">good link</a>', `${url}: safe links still render`)
    t.equal(response.headers.etag, '"v1-published-html"', `${url}: the html representation has its own ETag`)
  }
  const plain = await get(app, `${byId(article)}?format=json`)
  t.equal(plain.statusCode, 200)
  t.notOk('bodyHtml' in json(plain), 'format=json carries no bodyHtml')
  t.equal(plain.headers.etag, '"v1-published"')
  const crossed = await get(app, `${byId(article)}?format=html`, { 'if-none-match': '"v1-published"' })
  t.equal(crossed.statusCode, 200, 'the JSON ETag does not validate the HTML representation')
  const html304 = await get(app, `${byId(article)}?format=html`, { 'if-none-match': '"v1-published-html"' })
  t.equal(html304.statusCode, 304, 'the HTML ETag validates the HTML representation')
})

t.test('bad input is a 400 problem naming the parameter', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const article = await publishArticle(app, adminToken)
  const cases: Array<[string, string, string]> = [
    ['not a uuid', '/v1/articles/not-a-uuid', 'params/id'],
    ['uuid v4 is not a UUIDv7', '/v1/articles/3b241101-e2bb-4255-8caf-4136c566a962', 'params/id'],
    ['uppercase garbage', '/v1/articles/ZZZZZZZZ-ZZZZ-7ZZZ-ZZZZ-ZZZZZZZZZZZZ', 'params/id'],
    ['unknown query parameter by id', `${byId(article)}?foo=bar`, 'querystring/foo'],
    ['unknown query parameter by slug', `${bySlug(article)}?expand=all`, 'querystring/expand'],
    ['bad format by id', `${byId(article)}?format=xml`, 'querystring/format'],
    ['bad format by slug', `${bySlug(article)}?format=HTML`, 'querystring/format'],
    ['bad slug', '/v1/articles/slug/Not_A_Slug', 'params/slug']
  ]
  for (const [name, url, path] of cases) {
    const response = await get(app, url)
    t.equal(response.statusCode, 400, `${name}: status`)
    t.equal(response.headers['content-type'], 'application/problem+json', `${name}: content type`)
    t.match(json<Problem>(response), { status: 400, code: 'validation_failed' }, `${name}: problem`)
    t.ok(errorPaths(response).includes(path), `${name}: names ${path} (got ${errorPaths(response).join(', ')})`)
  }
})
