import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'

export interface JsonBodyOptions {
  /** Deepest nesting of arrays and objects accepted; our largest schema needs 4. */
  maxDepth: number
}

const quote = 0x22
const backslash = 0x5c
const openers = new Set([0x5b, 0x7b])
const closers = new Set([0x5d, 0x7d])

/**
 * How deeply the JSON text nests, read in one pass over the characters without parsing
 * (so a hostile body is refused before it is turned into objects). Stops counting once past
 * the limit. Malformed text is left for the parser to reject.
 */
export function jsonNestingDepth (text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (inString) {
      if (code === backslash) index++
      else if (code === quote) inString = false
    } else if (code === quote) {
      inString = true
    } else if (openers.has(code)) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > stopAfter) return deepest
      }
    } else if (closers.has(code)) {
      depth--
    }
  }
  return deepest
}

/**
 * application/json bodies: the depth is checked first, then Fastify's own parser runs with
 * its prototype-poisoning protection (a "__proto__" or "constructor.prototype" key is a 400).
 */
async function jsonBodyPlugin (app: FastifyInstance, options: JsonBodyOptions): Promise<void> {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (jsonNestingDepth(text, options.maxDepth) > options.maxDepth) {
      done(new AppError('json_too_deep', `JSON bodies may nest arrays and objects at most ${options.maxDepth} levels deep.`), undefined)
      return
    }
    parse(request, text, done)
  })
}

export default fp(jsonBodyPlugin, { name: 'json-body', fastify: '5.x' })
