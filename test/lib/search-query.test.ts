import t from 'tap'
import { hasPrefixTerm, relevanceTiers, toFtsQuery } from '../../src/lib/search-query.js'

t.test('words are quoted and ANDed; the last word is a prefix', async (t) => {
  t.equal(toFtsQuery('harb'), '"harb"*', 'one word: a prefix, so search-as-you-type works')
  t.equal(toFtsQuery('harbour bridge'), '"harbour" "bridge"*')
  t.equal(toFtsQuery('harbour  bridge   reopens'), '"harbour" "bridge" "reopens"*', 'runs of spaces are one separator')
  t.equal(toFtsQuery('2026 budget'), '"2026" "budget"*', 'digits are words')
  t.equal(toFtsQuery("o'brien"), '"o\'brien"*', 'an apostrophe inside a word keeps it one word')
  t.equal(toFtsQuery('o’brien'), '"o’brien"*', 'a typographic apostrophe too')
})

t.test('a trailing space or punctuation ends the last word: no prefix', async (t) => {
  t.equal(toFtsQuery('harbour '), '"harbour"')
  t.equal(toFtsQuery('harbour bridge\t'), '"harbour" "bridge"')
  t.equal(toFtsQuery('harbour.'), '"harbour"')
  t.equal(toFtsQuery('harbour*'), '"harbour"', 'a typed * is not FTS prefix syntax')
})

t.test('double quotes make a phrase', async (t) => {
  t.equal(toFtsQuery('"harbour bridge"'), '"harbour bridge"', 'a phrase alone, not a prefix')
  t.equal(toFtsQuery('"harbour bridge" reo'), '"harbour bridge" "reo"*', 'words after a phrase; the last is a prefix')
  t.equal(toFtsQuery('bridge "harbour"'), '"harbour" "bridge"', 'input ending in a phrase has no prefix')
  t.equal(toFtsQuery('"harbour, bridge!"'), '"harbour bridge"', 'punctuation inside a phrase is dropped')
  t.equal(toFtsQuery('"" harbour'), '"harbour"*', 'an empty phrase is nothing')
  t.equal(toFtsQuery('"one" "two three"'), '"one" "two three"', 'several phrases')
})

t.test('FTS5 syntax is never interpreted', async (t) => {
  const cases: Array<[string, string]> = [
    ['harbour OR bridge', '"harbour" "OR" "bridge"*'],
    ['harbour AND NOT bridge', '"harbour" "AND" "NOT" "bridge"*'],
    ['NEAR(', '"NEAR"'],
    ['NEAR(harbour bridge, 2)', '"NEAR" "harbour" "bridge" "2"'],
    ['title:harbour', '"title" "harbour"*'],
    ['{title body}: harbour', '"title" "body" "harbour"*'],
    ['^harbour', '"harbour"*'],
    ['-harbour', '"harbour"*'],
    ['+harbour', '"harbour"*'],
    ['harbour)', '"harbour"'],
    ['(harbour', '"harbour"*'],
    ['((harbour bridge', '"harbour" "bridge"*'],
    ['harbour "bri', '"harbour" "bri"*'],
    ['a"b"c', '"b" "a" "c"*']
  ]
  for (const [input, expected] of cases) t.equal(toFtsQuery(input), expected, JSON.stringify(input))
})

t.test('every word of the output is a quoted string, whatever the input', async (t) => {
  const nasty = ['"', '""', '"""', 'a"', '"a', '*', '* *', 'NEAR(a b', 'a:b:c', '^', '\\"', '\'"\'', 'a OR', 'OR', 'AND', '(', ')', '{', '}', '[', ']', '\u0000a\u0000b']
  for (const input of nasty) {
    const query = toFtsQuery(input)
    if (query === undefined) continue
    t.match(query, /^("(?:[^"]|"")+"\*?)( "(?:[^"]|"")+"\*?)*$/, `${JSON.stringify(input)} → ${query}`)
  }
})

t.test('nothing searchable is undefined', async (t) => {
  for (const input of ['', ' ', '   ', '""', '"', '***', '(((', '-', '^', ':', '" "', '—', '…', '!?']) {
    t.equal(toFtsQuery(input), undefined, JSON.stringify(input))
  }
})

t.test('non-Latin scripts are words too', async (t) => {
  t.equal(toFtsQuery('мост'), '"мост"*', 'Cyrillic')
  t.equal(toFtsQuery('новый мост'), '"новый" "мост"*', 'Cyrillic, two words')
  t.equal(toFtsQuery('東京'), '"東京"*', 'CJK')
  t.equal(toFtsQuery('جسر'), '"جسر"*', 'Arabic')
  t.equal(toFtsQuery('Ελλάδα'), '"Ελλάδα"*', 'Greek')
  t.equal(toFtsQuery('"новый мост"'), '"новый мост"', 'a Cyrillic phrase')
})

t.test('long input stays one flat AND of words', async (t) => {
  const input = Array.from({ length: 60 }, (_, index) => `w${index}`).join(' ')
  const query = toFtsQuery(input)
  t.ok(query !== undefined)
  t.equal(query?.split(' ').length, 60)
  t.ok(query?.endsWith('"w59"*'))
})

t.test('relevance tiers: the last word whole first, then only what its prefix adds', async (t) => {
  t.same(relevanceTiers('"harbour" "bri"*'), ['"harbour" "bri"', '("harbour" "bri"*) NOT ("harbour" "bri")'])
  t.same(relevanceTiers('"harbour bridge" "traf"*'), ['"harbour bridge" "traf"', '("harbour bridge" "traf"*) NOT ("harbour bridge" "traf")'], 'after a phrase')
  t.same(relevanceTiers('"harbour" "bridge"'), ['"harbour" "bridge"'], 'no prefix: one tier')
  t.same(relevanceTiers('"harbour bridge"'), ['"harbour bridge"'], 'a phrase: one tier')
  for (const input of ['harb', 'a b c', '"x y" z', 'мост', '東京']) {
    const match = toFtsQuery(input) as string
    t.equal(hasPrefixTerm(match), true, `${input}: a prefix`)
    const tiers = relevanceTiers(match)
    t.equal(tiers.length, 2)
    t.equal(hasPrefixTerm(tiers[0]), false, `${input}: the first tier has no prefix`)
    t.equal(hasPrefixTerm(tiers[1] as string), true, `${input}: the second has`)
  }
  t.equal(hasPrefixTerm(toFtsQuery('harbour ') as string), false)
  t.equal(hasPrefixTerm(toFtsQuery('"a*b"') as string), false, 'a typed * never becomes one')
})
