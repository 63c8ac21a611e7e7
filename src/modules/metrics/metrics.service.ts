import { statSync } from 'node:fs'
import { Gauge, type Registry } from 'prom-client'
import type { Db } from '../../db/client.js'
import { createMetricsRepository } from './metrics.repository.js'

function walBytes (file: string | undefined): number {
  if (file === undefined) return 0
  try {
    return statSync(`${file}-wal`).size
  } catch (error) {
    // No WAL file: nothing has been written since the last connection closed it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}

/**
 * The application's own gauges, read from the database at scrape time (a scrape every few
 * seconds costs three pragmas and one indexed count), next to the HTTP and process metrics.
 */
export function createMetricsService (deps: { db: Db, registry: Registry, startProcessMetrics: () => void }) {
  const repository = createMetricsRepository(deps.db)
  const registers: Registry[] = []
  const gauges = [
    new Gauge({
      name: 'newsdesk_sqlite_size_bytes',
      help: 'Size of the SQLite database (pages in use and free).',
      registers,
      collect () { this.set(repository.storage().sizeBytes) }
    }),
    new Gauge({
      name: 'newsdesk_sqlite_free_bytes',
      help: 'Free space inside the SQLite database that a VACUUM would give back.',
      registers,
      collect () { this.set(repository.storage().freeBytes) }
    }),
    new Gauge({
      name: 'newsdesk_sqlite_wal_size_bytes',
      help: 'Size of the SQLite write-ahead log file (it shrinks when a checkpoint truncates it).',
      registers,
      collect () { this.set(walBytes(repository.storage().file)) }
    }),
    new Gauge({
      name: 'newsdesk_webhook_deliveries_pending',
      help: 'Webhook deliveries waiting to be sent or retried (the dispatcher queue depth).',
      registers,
      collect () { this.set(repository.pendingDeliveries()) }
    })
  ]
  for (const gauge of gauges) deps.registry.registerMetric(gauge)

  return {
    contentType: deps.registry.contentType,
    async render (): Promise<string> {
      deps.startProcessMetrics()
      return deps.registry.metrics()
    }
  }
}
