import fc from 'fast-check'

/** The property every prototype-pollution payload tries to plant. */
export const pollutionMarker = 'polluted'

/** Strings that have broken parsers, databases, full-text engines and renderers before. */
export const hostileStringSamples: readonly string[] = [
  '', ' ', '\t\n\r', '0', '-1', '1e309', '0x1f', 'NaN', 'null', 'undefined', 'true', '[]', '{}',
  // SQL and SQLite FTS5 metacharacters
  "' OR 1=1 --", "'; DROP TABLE articles; --", '" OR ""="', '%', '_', '\\', '*', 'NEAR(', 'NEAR(a b, 2)', '^title', 'a OR b', 'a AND NOT b',
  'title:secret', '"unterminated', '(((', ')', '-', '+', 'a*', '"a" "b"', ':', 'ー',
  // NUL and control characters
  '\u0000', 'a\u0000b', '\u0000\u0000\u0000', '\u0007\u0008\u001b[31m', '\u007f',
  // lone surrogates, bidi controls, zero-width and combining characters, non-characters
  '\uD800', '\uDFFF', 'x\uD83D', '\uDE00x', '\u202Egnp.exe', '\u200F\u200E', '\u2066evil\u2069', '\u200B\u200C\u200D', '\uFEFF', 'e\u0301\u0301\u0301', '\uFFFF\uFFFE',
  '🏳️‍🌈', '👩‍👩‍👧‍👦', 'Ω≈ç√∫', 'مرحبا', 'שלום', '日本語', 'ǅ', 'ß', 'İ', 'Ⅻ', '𝕳𝖊𝖑𝖑𝖔',
  // markup, templates, paths, URLs
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '$' + '{7*7}', '{{7*7}}', '../../../etc/passwd', '..\\..\\windows',
  'javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'http://localhost:22/',
  // times at the edges of RFC 3339 (an offset can push a valid one out of the four-digit years)
  '9999-12-31T23:59:59-23:59', '0000-01-01T00:00:00+23:59', '2026-02-30T00:00:00Z',
  // names that reach into prototypes
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'
]

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileStringSamples) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  {
    weight: 1,
    // long and huge strings, in one-byte and multi-byte characters
    arbitrary: fc.tuple(fc.constantFrom('a', 'é', '😀', '\u0000', "'", '"'), fc.constantFrom(257, 1_001, 5_001, 65_537, 200_001))
      .map(([unit, length]) => unit.repeat(length))
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...hostileStringSamples), fc.constantFrom(...hostileStringSamples)).map(([a, b]) => `${a}${b}`) }
)

/** JSON text nested `depth` levels deep, built as text so that building it cannot overflow the stack. */
export function nestedJson (depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

export interface RawJson {
  /** JSON text inserted verbatim where a value goes. */
  rawJson: string
}

export function isRawJson (value: unknown): value is RawJson {
  return value !== null && typeof value === 'object' && typeof (value as RawJson).rawJson === 'string' && Object.keys(value).length === 1
}

const pollutionPayloads: readonly string[] = [
  `{"__proto__":{"${pollutionMarker}":"yes","isAdmin":true,"role":"admin"}}`,
  `{"constructor":{"prototype":{"${pollutionMarker}":"yes"}}}`,
  `{"__proto__":{"__proto__":{"${pollutionMarker}":"yes"}}}`,
  `{"prototype":{"${pollutionMarker}":"yes"}}`
]

/** Values of the wrong type or shape for almost any field. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, [], {}, [null], [[]], { a: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(...pollutionPayloads).map((rawJson): RawJson => ({ rawJson })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 2, max: 3_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>).map(([depth, kind]): RawJson => ({ rawJson: nestedJson(depth, kind) })) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }
)

/** Serialises a value that may hold RawJson pieces; keys are written verbatim, so "__proto__" stays a key. */
export function toJsonText (value: unknown): string {
  if (isRawJson(value)) return value.rawJson
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, member]) => `${JSON.stringify(key)}:${toJsonText(member)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Whole request bodies that are not what any operation wants. */
export const hostileBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  { weight: 3, arbitrary: hostileJsonValue.map(toJsonText) },
  { weight: 2, arbitrary: fc.constantFrom(...pollutionPayloads) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 2, max: 100_000 }), fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'>).map(([depth, kind]) => nestedJson(depth, kind)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{', '}', '{"a":', 'nul', '[]]', '{"a":1}{"b":2}', '{"title":"x",}', '\uFEFF{}', '{"a":1 /* c */}', "{'a':1}", '{"a":NaN}', '{"a":01}',
      '"just a string"', '0', '-', '\u0000', '{"\u0000":1}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', ' '.repeat(100)
    )
  },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('{"title":"\xff\xfe"}', 'latin1'), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])) },
  // one body over the 1 MiB default limit
  { weight: 1, arbitrary: fc.constant(`{"title":"${'a'.repeat(1024 * 1024 + 16)}"}`) }
)

/**
 * A path segment or query value already percent-encoded: encoded text, or raw sequences
 * that are not valid percent-encoding or not valid UTF-8.
 */
export const hostileUrlPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(percentEncode) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF', '%00', '%2F', '..%2F..%2F', '%252F', '%u0041', '..', '.', '%2E%2E', 'a%20b', '+', '%0D%0ASet-Cookie:%20x=1')
  }
)

/**
 * Percent-encodes a string as UTF-8; lone surrogates (which encodeURIComponent refuses) go as
 * the WTF-8 bytes a careless client would send.
 */
export function percentEncode (value: string): string {
  let out = ''
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('')
    } else {
      out += encodeURIComponent(char)
    }
  }
  return out
}

/** Header values that an HTTP client can put on the wire (visible ASCII, space, obs-text). */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '*', '"', 'W/"v1"', '"v1", "v2"', '"v99999999999999999999"', '"v1-published"', '"v-1"', "' OR 1=1 --", '\u00ff\u00fe', 'a'.repeat(1000), '*, "v1"', ',,,', 'null'),
  fc.string({ maxLength: 60, unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) })
)

export const hostileAuthorization: fc.Arbitrary<string> = fc.constantFrom(
  'Bearer', 'Bearer ', 'Bearer  x', 'Basic YWRtaW46YWRtaW4=', 'bearer ndk_000000000000000000000000000000000', 'Bearer ndk_' + 'a'.repeat(600),
  "Bearer ' OR 1=1 --", 'Bearer null', 'Token abc', 'Bearer ndk_\u00ff', 'Bearer a b'
)
