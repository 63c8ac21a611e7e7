import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '../errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** "exempt": answered even when the server is overloaded (liveness, metrics). */
    overload?: 'exempt'
  }
}

export interface OverloadOptions {
  /** Mean event-loop delay over a sample that counts as overloaded; 0 turns the check off. */
  maxEventLoopDelayMs: number
  /** V8 heap in use that counts as overloaded; 0 turns the check off. */
  maxHeapUsedBytes: number
}

/** Seconds a client is asked to wait: long enough for a queue to drain, short enough not to lose readers. */
export const overloadRetryAfterSeconds = 5

/** Sampled twice a second, so a burst is noticed within half a second. */
const sampleIntervalMs = 500

/**
 * Load shedding. When the event loop lags or the heap nears its limit, new requests are
 * answered at once with a 503 problem and Retry-After instead of queueing until clients
 * time out, which is what keeps a burst far above capacity from taking the server down.
 * The check runs before authentication, so a refused request costs almost nothing.
 * Readiness is not exempt (a load balancer should send traffic elsewhere); liveness and
 * metrics are (a busy process is not a dead one, and operators need to see the pressure).
 */
async function overloadPlugin (app: FastifyInstance, options: OverloadOptions): Promise<void> {
  if (options.maxEventLoopDelayMs === 0 && options.maxHeapUsedBytes === 0) return
  // The first samples measure start-up itself (compiling routes blocks the loop for a while),
  // not traffic: until a sample has been taken wholly after the server was ready, nothing is
  // shed, or /readyz would answer 503 for the first half second of every start.
  let sheddingFrom = Number.POSITIVE_INFINITY
  app.addHook('onReady', async () => {
    sheddingFrom = performance.now() + 2 * sampleIntervalMs
  })
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    maxHeapUsedBytes: options.maxHeapUsedBytes,
    sampleInterval: sampleIntervalMs,
    pressureHandler: async (request, _reply, type, value) => {
      if (request.routeOptions.config.overload === 'exempt' || performance.now() < sheddingFrom) return
      request.log.debug({ type, value }, 'shedding load')
      throw new AppError('overloaded', `The server is too busy to take this request; retry after ${overloadRetryAfterSeconds} seconds.`, {
        headers: { 'retry-after': String(overloadRetryAfterSeconds) }
      })
    }
  })
}

export default fp(overloadPlugin, { name: 'overload', fastify: '5.x', dependencies: ['problems'] })
