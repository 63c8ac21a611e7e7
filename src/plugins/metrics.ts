import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (one per app, never the library's global one). */
    metrics: AppMetrics
  }
}

export interface AppMetrics {
  registry: Registry
  /**
   * Starts the process metrics (CPU, memory, event-loop lag, GC, handles). Called on the
   * first scrape: prom-client's collectors run an event-loop monitor and a GC observer
   * that cannot be stopped, so an app nobody scrapes (tests, the OpenAPI export) never
   * starts them.
   */
  startProcessMetrics: () => void
}

/** From 1 ms (a cached read) to 10 s (a timeout in the making). */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * Request counts and latency per route, labelled by method, the route's pattern (never
 * the raw URL, so ids and scanners' junk paths cannot explode the series count) and
 * status class.
 */
async function metricsPlugin (app: FastifyInstance): Promise<void> {
  const registry = new Registry()
  const labelNames = ['method', 'route', 'status_class'] as const
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by method, route pattern and status class.', labelNames, registers: [registry] })
  const duration = new Histogram({ name: 'http_request_duration_seconds', help: 'Time from receiving a request to finishing its response, by method, route pattern and status class.', labelNames, buckets: latencyBuckets, registers: [registry] })

  let processMetrics = false
  app.decorate('metrics', {
    registry,
    startProcessMetrics: () => {
      if (processMetrics) return
      processMetrics = true
      collectDefaultMetrics({ register: registry })
    }
  })

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status_class: `${Math.floor(reply.statusCode / 100)}xx`
    }
    requests.inc(labels)
    duration.observe(labels, reply.elapsedTime / 1000)
  })
}

export default fp(metricsPlugin, { name: 'metrics', fastify: '5.x' })
