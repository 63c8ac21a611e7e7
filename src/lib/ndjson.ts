/** A line of an NDJSON body that is not valid JSON: the problem of that one item, not of the request. */
export class MalformedLine {
  constructor (readonly line: number, readonly message: string) {}
}

// Keys that would reach an object's prototype if the value were ever merged naively: refused
// as Fastify's own JSON body parser refuses them.
function refusePrototypeKeys (key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('"__proto__" is not allowed as a key')
  if (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value) throw new SyntaxError('"constructor.prototype" is not allowed')
  return value
}

function parseLine (text: string): unknown {
  return text.includes('__proto__') || text.includes('constructor') ? JSON.parse(text, refusePrototypeKeys) : JSON.parse(text)
}

/**
 * Newline-delimited JSON: one value per line; blank lines (a trailing newline, CRLF line
 * ends) are not items. A line that does not parse becomes a MalformedLine in its place.
 */
export function parseNdjson (text: string): unknown[] {
  const items: unknown[] = []
  let start = 0
  let line = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    line++
    const raw = text.slice(start, end)
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (content.trim() !== '') {
      try {
        items.push(parseLine(content))
      } catch (error) {
        items.push(new MalformedLine(line, error instanceof Error ? error.message : String(error)))
      }
    }
    start = end + 1
  }
  return items
}
