import { count, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { webhookDeliveries } from '../../db/schema.js'

export interface StorageFigures {
  /** Pages in use and free, as SQLite counts them: the file's size once the WAL is checkpointed. */
  sizeBytes: number
  /** Free pages a VACUUM would give back. */
  freeBytes: number
  /** The database file, or undefined for an in-memory database. */
  file: string | undefined
}

export function createMetricsRepository (db: Db) {
  return {
    storage (): StorageFigures {
      const pageSize = db.get<{ page_size: number }>(sql`PRAGMA page_size`).page_size
      const pages = db.get<{ page_count: number }>(sql`PRAGMA page_count`).page_count
      const free = db.get<{ freelist_count: number }>(sql`PRAGMA freelist_count`).freelist_count
      return { sizeBytes: pages * pageSize, freeBytes: free * pageSize, file: db.$client.memory ? undefined : db.$client.name }
    },

    /** Uses the partial index on pending deliveries. */
    pendingDeliveries (): number {
      return db.select({ value: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, 'pending')).get()?.value ?? 0
    }
  }
}
