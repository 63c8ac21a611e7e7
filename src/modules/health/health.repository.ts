import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'

export interface HealthRepository {
  appliedMigrations: () => number
}

export function createHealthRepository (db: Db): HealthRepository {
  return {
    appliedMigrations () {
      const table = db.get<{ count: number }>(sql`SELECT count(*) AS count FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`)
      if (table.count === 0) return 0
      return db.get<{ count: number }>(sql`SELECT count(*) AS count FROM __drizzle_migrations`).count
    }
  }
}
