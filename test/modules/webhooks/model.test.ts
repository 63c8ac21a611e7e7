import { createHmac } from 'node:crypto'
import t from 'tap'
import {
  deliveryBody,
  filtersMatching,
  nextAttemptAt,
  retryDelayMs,
  retryWindowMs,
  signatureHeader,
  subscribesTo,
  webhookEventTypes
} from '../../../src/modules/webhooks/webhooks.model.js'

t.test('the retry delay doubles from the base, with ±25 % jitter', async (t) => {
  const base = 10_000
  t.same([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, base, 0.5)), [10_000, 20_000, 40_000, 80_000, 160_000], 'no jitter at the midpoint')
  t.equal(retryDelayMs(1, base, 0), 7_500, 'lowest: 75 %')
  t.equal(retryDelayMs(1, base, 0.999_999), 12_500, 'highest: 125 %')
  t.equal(retryDelayMs(3, 250, 0.5), 1_000, 'the base is configurable')
})

t.test('a delivery is retried while the next attempt falls within 24 hours of the event, then it has failed', async (t) => {
  const created = '2026-06-01T00:00:00.000Z'
  const at = (milliseconds: number): Date => new Date(Date.parse(created) + milliseconds)
  t.same(nextAttemptAt(created, 1, at(0), 10_000, 0.5), at(10_000))
  t.same(nextAttemptAt(created, 3, at(30_000), 10_000, 0.5), at(70_000))
  t.same(nextAttemptAt(created, 1, at(retryWindowMs - 10_000), 10_000, 0.5), at(retryWindowMs), 'exactly at the end of the window is still a retry')
  t.equal(nextAttemptAt(created, 1, at(retryWindowMs - 9_999), 10_000, 0.5), undefined, 'beyond it: failed')
  t.equal(nextAttemptAt(created, 14, at(23 * 3600_000), 10_000, 0.5), undefined)
})

t.test('subscriptions match names and wildcards', async (t) => {
  t.same(filtersMatching('article.published'), ['article.published', 'article.*', '*'])
  t.ok(subscribesTo(['article.published'], 'article.published'))
  t.notOk(subscribesTo(['article.published'], 'article.unpublished'))
  t.ok(subscribesTo(['article.*'], 'article.deleted'))
  t.notOk(subscribesTo(['article.*'], 'source.deleted'))
  t.ok(subscribesTo(['source.*'], 'source.updated'))
  t.ok(subscribesTo(['comment.*'], 'comment.approved'))
  t.notOk(subscribesTo(['comment.*'], 'article.created'))
  for (const type of webhookEventTypes) t.ok(subscribesTo(['*'], type), `* matches ${type}`)
  t.notOk(subscribesTo([], 'article.created'))
})

t.test('the signature is HMAC-SHA256 of "t.body" in hex', async (t) => {
  const body = '{"id":"x"}'
  const expected = createHmac('sha256', 'whsec_test').update(`1780000000.${body}`).digest('hex')
  t.equal(signatureHeader('whsec_test', 1780000000, body), `t=1780000000,v1=${expected}`)
})

t.test('the body wraps the stored data without re-encoding it', async (t) => {
  const body = deliveryBody({ id: 'e1', type: 'source.created', createdAt: '2026-06-01T00:00:00.000Z', dataJson: '{"title":"Quote \\" and \\u00e9"}' })
  t.same(JSON.parse(body), { id: 'e1', type: 'source.created', createdAt: '2026-06-01T00:00:00.000Z', data: { title: 'Quote " and é' } })
})
