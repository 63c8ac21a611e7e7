import t from 'tap'
import { InvalidUrlError, normaliseUrl } from '../../src/lib/url.js'

/** Real-world spellings of source URLs and the one canonical form each must come out as. */
const shapes: Array<[string, string, string]> = [
  ['campaign tracking parameters', 'https://www.example-daily.com/2026/11/19/harbour-bridge/?utm_source=feed&utm_medium=rss&utm_campaign=morning', 'https://www.example-daily.com/2026/11/19/harbour-bridge'],
  ['click ids among real parameters', 'https://news.example.org/story?id=42&fbclid=IwAR0abcDEF&gclid=Cj0KCQiA', 'https://news.example.org/story?id=42'],
  ['every listed tracker, any case', 'https://example.com/a?UTM_Source=x&Fbclid=y&mc_cid=1&mc_eid=2&igshid=3&_ga=4&dclid=5&msclkid=6&page=2', 'https://example.com/a?page=2'],
  ['IDN host', 'https://bücher.example/neuerscheinungen', 'https://xn--bcher-kva.example/neuerscheinungen'],
  ['IDN host in capitals', 'https://MÜNCHEN.example/stadtrat', 'https://xn--mnchen-3ya.example/stadtrat'],
  ['IDN host and non-ASCII path', 'https://例え.jp/記事/', 'https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B'],
  ['default https port', 'https://www.example.com:443/politics/vote', 'https://www.example.com/politics/vote'],
  ['default http port on the root', 'http://example.net:80/', 'http://example.net/'],
  ['another port is kept', 'http://example.net:8080/feed/', 'http://example.net:8080/feed'],
  ['port 80 on https is not a default', 'https://example.net:80/feed', 'https://example.net:80/feed'],
  ['fragment', 'https://blog.example.com/post-1#comments', 'https://blog.example.com/post-1'],
  ['empty fragment and empty query', 'https://blog.example.com/post-2?#', 'https://blog.example.com/post-2'],
  ['trailing slash', 'https://example.com/world/europe/', 'https://example.com/world/europe'],
  ['several trailing slashes', 'https://example.com/world//', 'https://example.com/world'],
  ['root keeps its slash', 'https://example.com/', 'https://example.com/'],
  ['bare host gets the root slash', 'https://example.com', 'https://example.com/'],
  ['scheme and host case, path case kept', 'HTTPS://WWW.Example.COM/Business/Markets', 'https://www.example.com/Business/Markets'],
  ['query sorted by name', 'https://example.com/search?q=floods&page=2&lang=en', 'https://example.com/search?lang=en&page=2&q=floods'],
  ['repeated names keep their order', 'https://example.com/search?tag=b&a=1&tag=a', 'https://example.com/search?a=1&tag=b&tag=a'],
  ['parameter names are case-sensitive', 'https://example.com/path?q=2&Q=1', 'https://example.com/path?Q=1&q=2'],
  ['only trackers: the ? goes', 'https://example.org/?utm_campaign=spring&fbclid=x', 'https://example.org/'],
  ['trailing slash before a query', 'https://example.com/live/?b=2&a=1', 'https://example.com/live?a=1&b=2'],
  ['everything at once', '  HTTP://Example.COM:80/a/b/?z=1&utm_source=x&a=2#frag  ', 'http://example.com/a/b?a=2&z=1'],
  ['IPv6 literal with default port', 'http://[::1]:80/x', 'http://[::1]/x']
]

t.test('real-world URL shapes normalise to one canonical form', async (t) => {
  t.ok(shapes.length >= 10)
  for (const [name, input, expected] of shapes) {
    t.equal(normaliseUrl(input), expected, name)
  }
})

t.test('normalising is idempotent', async (t) => {
  for (const [name, input] of shapes) {
    const once = normaliseUrl(input)
    t.equal(normaliseUrl(once), once, name)
  }
})

t.test('different spellings of one page are equal after normalisation', async (t) => {
  const groups: string[][] = [
    [
      'https://www.example.com/politics/vote',
      'HTTPS://www.EXAMPLE.com:443/politics/vote/',
      'https://www.example.com/politics/vote?utm_source=twitter#top',
      'https://www.example.com/politics/vote/?fbclid=abc&gclid=def'
    ],
    [
      'https://xn--zrich-kva.example/wahlen?jahr=2026&kreis=3',
      'https://zürich.example/wahlen/?kreis=3&jahr=2026',
      'https://ZÜRICH.example:443/wahlen?utm_medium=email&kreis=3&jahr=2026#ergebnisse'
    ],
    [
      'http://example.net/',
      'http://example.net',
      'http://EXAMPLE.net:80/?utm_source=a',
      'http://example.net/#section'
    ]
  ]
  for (const group of groups) {
    const canonical = new Set(group.map(normaliseUrl))
    t.equal(canonical.size, 1, `${group[0] ?? ''}: one form (got ${[...canonical].join(' | ')})`)
  }
})

t.test('what the rules do not touch stays distinct', async (t) => {
  const pairs: Array<[string, string]> = [
    ['https://example.com/Story', 'https://example.com/story'],
    ['http://example.com/a', 'https://example.com/a'],
    ['https://example.com/a', 'https://example.com:8443/a'],
    ['https://example.com/a?id=1', 'https://example.com/a?id=2'],
    ['https://example.com/a?ref=rss', 'https://example.com/a'],
    ['https://www.example.com/a', 'https://example.com/a']
  ]
  for (const [left, right] of pairs) {
    t.not(normaliseUrl(left), normaliseUrl(right), `${left} and ${right} are different sources`)
  }
})

t.test('non-http(s) URLs, credentials and relative URLs are refused', async (t) => {
  const refused: Array<[string, RegExp]> = [
    ['ftp://files.example.com/report.pdf', /http or https/],
    ['mailto:desk@example.com', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['data:text/plain,hello', /http or https/],
    ['https://editor:secret@example.com/private', /user name or password/],
    ['https://token@example.com/feed', /user name or password/],
    ['https://:secret@example.com/feed', /user name or password/],
    ['example.com/no-scheme', /absolute URL/],
    ['/just/a/path', /absolute URL/],
    ['not a url at all', /absolute URL/],
    ['', /absolute URL/]
  ]
  for (const [input, message] of refused) {
    t.throws(() => normaliseUrl(input), InvalidUrlError, `${JSON.stringify(input)}: InvalidUrlError`)
    try {
      normaliseUrl(input)
    } catch (error) {
      t.match((error as Error).message, message, `${JSON.stringify(input)}: says why`)
    }
  }
})
