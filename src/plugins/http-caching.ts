import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { etagMatches } from '../lib/etag.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** "public": anonymous successful reads may be cached by shared caches. */
    cache?: 'public'
  }
}

export interface HttpCachingOptions {
  maxAgeSeconds: number
}

export { etagMatches }

/**
 * Cache-Control, Vary and 304s in one place: handlers only set an ETag.
 * Anonymous reads of public routes are shareable; anything a credential produced is private, no-store.
 */
async function httpCachingPlugin (app: FastifyInstance, options: HttpCachingOptions): Promise<void> {
  const publicCacheControl = `public, max-age=${options.maxAgeSeconds}`
  app.addHook('onSend', async (request, reply, payload) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD'
    if (!isRead || reply.statusCode >= 400) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
      return payload
    }
    addVary(reply, 'Authorization')
    const shareable = request.routeOptions.config.cache === 'public' && request.headers.authorization === undefined
    reply.header('cache-control', shareable ? publicCacheControl : 'private, no-store')
    const etag = reply.getHeader('etag')
    const ifNoneMatch = request.headers['if-none-match']
    if (reply.statusCode === 200 && typeof etag === 'string' && typeof ifNoneMatch === 'string' && etagMatches(ifNoneMatch, etag)) {
      reply.code(304)
      reply.removeHeader('content-type')
      reply.removeHeader('content-length')
      return ''
    }
    return payload
  })
}

/** Adds to Vary without dropping what another plugin put there (CORS varies on Origin). */
function addVary (reply: FastifyReply, name: string): void {
  const names = String(reply.getHeader('vary') ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0)
  if (!names.some((entry) => entry.toLowerCase() === name.toLowerCase() || entry === '*')) names.push(name)
  reply.header('vary', names.join(', '))
}

export default fp(httpCachingPlugin, { name: 'http-caching', fastify: '5.x' })

/**
 * The versions an If-Match header accepts: undefined when absent or "*", otherwise the
 * versions named by our entity tags ("v<version>-…"). Tags we never issued match nothing.
 */
export function parseIfMatch (header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '*') return undefined
  const versions: number[] = []
  for (const candidate of header.split(',')) {
    const match = /^"v(\d{1,10})(?:-[\w-]+)?"$/.exec(candidate.trim())
    if (match?.[1] !== undefined) versions.push(Number(match[1]))
  }
  return versions
}
