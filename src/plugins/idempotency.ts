import { createHash, type Hash } from 'node:crypto'
import { Transform } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../db/client.js'
import { createIdempotencyStore, type StoredResponse } from '../db/idempotency.js'
import { AppError } from '../errors.js'
import type { Clock } from '../lib/clock.js'
import type { SealedBox } from '../lib/sealed-box.js'

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyState | undefined
  }
}

interface IdempotencyState {
  caller: string
  key: string
  /** SHA-256 over the caller, method, URL and the body's bytes as they arrive. */
  hash: Hash
  /** Set once this request owns the key. */
  claimedAt?: string
  /** Set once the response was stored or the claim released. */
  settled?: boolean
}

export interface IdempotencyPluginOptions {
  db: Db
  clock: Clock
  /** Encrypts stored bodies: some responses (sessions, tokens, webhook secrets) carry secrets. */
  box: SealedBox
}

export const idempotencyHeader = 'idempotency-key'
export const replayedHeader = 'idempotent-replayed'
export const idempotencyKeyTtlMs = 24 * 60 * 60_000
/**
 * A claim older than this whose response was never stored belongs to a process that died
 * mid-request; a retry may take it over. Longer than any request runs (an import of the
 * largest accepted file takes well under a minute).
 */
export const abandonedClaimMs = 5 * 60_000
const purgeIntervalMs = 60 * 60_000
const keyPattern = /^[\x20-\x7e]{1,255}$/

/** Response headers a replay repeats; the rest (request id, dates, connection) belong to each response. */
const replayedHeaders = ['content-type', 'location', 'content-location', 'etag', 'last-modified', 'link', 'www-authenticate', 'retry-after']

/**
 * Keys are scoped to who sends them. A session acts with everything its user's role allows,
 * so all of a user's sessions share one scope (a retry after signing in again still finds
 * its key); an API token carries its own scopes, so each token has its own, and a narrow
 * token can never be answered what a broader one was.
 */
function callerScope (request: FastifyRequest): string {
  const caller = request.caller
  if (caller === undefined) return `anonymous:${request.ip}`
  return caller.tokenKind === 'session' ? `user:${caller.userId}` : `token:${caller.tokenId}`
}

function associatedData (state: Pick<IdempotencyState, 'caller' | 'key'>): string {
  return `${state.caller}\n${state.key}`
}

function pickHeaders (reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const name of replayedHeaders) {
    const value = reply.getHeader(name)
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return headers
}

/**
 * Idempotency-Key on every POST. The first request with a key claims it (an in_flight row,
 * inserted without upsert so two requests can never both run), runs, and its response is
 * stored sealed; a retry within 24 hours gets that response again, with
 * Idempotent-Replayed: true, without running anything. The key is claimed only once the
 * request is authenticated and its input valid, so a refused request does not use it up.
 * 5xx and 429 answers are not stored (the claim is released so the client can retry);
 * every other answer, 4xx included, is, as the outcome of that request.
 */
async function idempotencyPlugin (app: FastifyInstance, options: IdempotencyPluginOptions): Promise<void> {
  const store = createIdempotencyStore(options.db)
  const { box, clock } = options
  let lastPurge = 0

  const purge = (now: Date): void => {
    lastPurge = now.getTime()
    const purged = store.purgeExpired(now.toISOString())
    if (purged > 0) app.log.debug({ purged }, 'purged expired idempotency keys')
  }
  const timer = setInterval(() => {
    try {
      purge(clock())
    } catch (error) {
      app.log.error({ err: error }, 'purging expired idempotency keys failed')
    }
  }, purgeIntervalMs)
  timer.unref()
  app.addHook('onClose', async () => { clearInterval(timer) })

  app.decorateRequest('idempotency', undefined)

  // After authentication (the key's scope is the caller) and before the body is read, so
  // the hash covers the body's exact bytes whatever its content type.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method !== 'POST') return payload
    const key = request.headers[idempotencyHeader]
    if (key === undefined) return payload
    if (typeof key !== 'string' || !keyPattern.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 printable ASCII characters, sent once.', {
        errors: [{ path: `headers/${idempotencyHeader}`, message: 'must be 1 to 255 printable ASCII characters' }]
      })
    }
    const caller = callerScope(request)
    const hash = createHash('sha256').update(JSON.stringify([caller, request.method, request.url]))
    request.idempotency = { caller, key, hash }
    const tap = new Transform({
      transform (chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        done(null, chunk)
      }
    })
    // The body parser reads from the tap, so a failing upload has to fail the tap.
    payload.on('error', (error) => tap.destroy(error))
    return payload.pipe(tap)
  })

  // After validation: only a request that will actually run claims the key.
  app.addHook('preHandler', async (request, reply) => {
    const state = request.idempotency
    if (state === undefined) return
    const now = clock()
    if (now.getTime() - lastPurge >= purgeIntervalMs) purge(now)
    const claimedAt = now.toISOString()
    const result = store.claim({
      caller: state.caller,
      key: state.key,
      requestHash: state.hash.digest('hex'),
      claimedAt,
      expiresAt: new Date(now.getTime() + idempotencyKeyTtlMs).toISOString(),
      abandonedBefore: new Date(now.getTime() - abandonedClaimMs).toISOString()
    })
    switch (result.outcome) {
      case 'claimed':
        state.claimedAt = claimedAt
        return
      case 'in_flight':
        throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running; retry after it has finished to get its response.', { headers: { 'retry-after': '1' } })
      case 'mismatch':
        throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used within the last 24 hours for a request with another method, path or body; use a new key for a new request.')
      case 'done':
        return replay(reply, result.response, state)
    }
  })

  function replay (reply: FastifyReply, response: StoredResponse, state: IdempotencyState): FastifyReply {
    state.settled = true
    const body = box.open(response.body, associatedData(state))
    reply.code(response.statusCode).headers(response.headers).header(replayedHeader, 'true')
    if (body === '') return reply.send()
    // The stored bytes go out as they are: no serializer, no charset added to the type.
    return reply.serializer((payload: unknown) => payload as string).send(body)
  }

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.idempotency
    if (state?.claimedAt === undefined || state.settled === true) return payload
    state.settled = true
    const storable = payload === undefined || payload === null || typeof payload === 'string'
    if (reply.statusCode >= 500 || reply.statusCode === 429 || !storable) {
      if (!storable) request.log.warn('a streamed POST response cannot be stored for Idempotency-Key replays; the key was released')
      store.release(state.caller, state.key, state.claimedAt)
      return payload
    }
    store.complete(state.caller, state.key, state.claimedAt, {
      statusCode: reply.statusCode,
      headers: pickHeaders(reply),
      body: box.seal(payload ?? '', associatedData(state))
    })
    return payload
  })

  // A request that ended without a response being sent (a failure before onSend) frees its key.
  app.addHook('onResponse', async (request) => {
    const state = request.idempotency
    if (state?.claimedAt === undefined || state.settled === true) return
    state.settled = true
    store.release(state.caller, state.key, state.claimedAt)
  })
}

export default fp(idempotencyPlugin, { name: 'idempotency', fastify: '5.x', dependencies: ['access', 'problems'] })
