import t from 'tap'
import { createRequestIdGenerator, newId } from '../../src/lib/ids.js'

t.test('request ids are 16 hex characters and do not repeat, across many refills of the random pool', async (t) => {
  const next = createRequestIdGenerator()
  const seen = new Set<string>()
  for (let i = 0; i < 5000; i++) {
    const id = next()
    if (!/^[0-9a-f]{16}$/.test(id)) t.fail(`malformed id ${id}`)
    seen.add(id)
  }
  t.equal(seen.size, 5000)
  const other = createRequestIdGenerator()
  t.not(other(), createRequestIdGenerator()(), 'two generators draw their own random bytes')
})

t.test('entity ids are time-ordered UUIDv7s', async (t) => {
  const first = newId()
  const second = newId()
  t.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  t.ok(first < second)
})
