import t from 'tap'
import { bearer, buildTestApp, createTestClock } from '../helpers/app.js'
import { createArticle } from '../helpers/articles.js'

/*
 * Production compiles response schemas to fast-json-stringify; tests validate with zod.
 * Both must write the same JSON for the same data, or production would differ from what
 * the suite checked.
 */
t.test('fast serialization writes exactly what zod serialization writes', async (t) => {
  const clock = createTestClock()
  const checked = await buildTestApp(t, { clock, env: { RESPONSE_VALIDATION: '1' } })
  const fast = await buildTestApp(t, { clock, env: { RESPONSE_VALIDATION: '0' } })
  t.equal(checked.config.validateResponses, true)
  t.equal(fast.config.validateResponses, false)

  for (const target of [checked, fast]) {
    await createArticle(target.app, target.adminToken, {
      title: 'Quotes "and" <tags> & émojis 📰',
      slug: 'serialization-sample',
      dek: 'Line\nbreaks\tand \\ backslashes',
      body: '# One\n\n## Two\n\nText with **bold** and a [link](https://example.com).',
      status: 'published',
      tags: ['Alpha', 'beta-gamma'],
      byline: 'Jane "JD" Doe',
      provenance: { origin: 'ai-assisted', model: 'writer-1' },
      disclosure: 'Drafted with help.'
    })
    await createArticle(target.app, target.adminToken, { title: 'A draft with nulls', slug: 'serialization-draft', body: '' })
  }

  const requests = [
    { url: '/v1/articles/slug/serialization-sample' },
    { url: '/v1/articles/slug/serialization-sample?format=html' },
    { url: '/v1/articles?fields=title,slug,provenance,tags' },
    { url: '/v1/articles?limit=1' },
    { url: '/v1/tags' },
    { url: '/healthz' },
    { url: '/readyz' },
    // Problems: every route shares the problem schemas, so one compiled serializer writes them all.
    { url: '/v1/articles/slug/no-such-article' },
    { url: '/v1/articles/00000000-0000-7000-8000-000000000000/comments' },
    { url: '/v1/articles?limit=1000' },
    { url: '/v1/articles/slug/serialization-draft', admin: true },
    { url: '/v1/articles?status=draft', admin: true }
  ]
  for (const request of requests) {
    const [expected, actual] = await Promise.all([checked, fast].map(async (target) => {
      const response = await target.app.inject({ method: 'GET', url: request.url, headers: request.admin === true ? bearer(target.adminToken) : {} })
      // Ids, cursors and request ids differ between the two apps; everything else must match.
      return { status: response.statusCode, body: response.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>').replace(/"nextCursor":"[^"]+"/g, '"nextCursor":"<cursor>"').replace(/"requestId":"[^"]+"/g, '"requestId":"<request>"') }
    }))
    t.equal(actual?.status, expected?.status, `${request.url}: status`)
    // Same members and values; fast-json-stringify may write optional members after required ones.
    t.same(JSON.parse(actual?.body ?? 'null'), JSON.parse(expected?.body ?? 'null'), `${request.url}: body`)
    t.equal(actual?.body.length, expected?.body.length, `${request.url}: same length`)
  }
})
