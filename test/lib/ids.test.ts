import t from 'tap'
import { createEntityIdGenerator, createRequestIdGenerator, newId } from '../../src/lib/ids.js'

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

t.test('entity ids keep increasing within one millisecond, across refills of the random pool, and when the clock steps back', async (t) => {
  const frozen = createEntityIdGenerator(() => 1_700_000_000_000)
  const ids = Array.from({ length: 1000 }, () => frozen())
  t.same([...ids].sort(), ids, '1,000 ids in one millisecond (four pool refills) sort in the order they were made')
  t.equal(new Set(ids).size, 1000, 'no repeats')
  for (const id of ids) if (!/^018bcfe5-6800-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) t.fail(`not a UUIDv7 of that millisecond: ${id}`)

  let clock = 1_700_000_000_000
  const moving = createEntityIdGenerator(() => clock)
  const before = moving()
  clock -= 5
  const afterStep = moving()
  t.ok(afterStep > before, 'a clock stepping back does not make an id sort before earlier ones')
  clock += 10
  const later = moving()
  t.ok(later > afterStep && later.startsWith('018bcfe5-6805'), 'a later millisecond starts from its own time')
})
