import { mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.js'
import { projectRoot } from '../project-root.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: BetterSqlite3.Database }

export interface Database {
  db: Db
  sqlite: BetterSqlite3.Database
  close: () => void
}

const migrationsFolder = fileURLToPath(new URL('migrations', projectRoot))

export interface OpenDatabaseOptions {
  readonly?: boolean
}

/** Opens (creating if needed) the SQLite file with the pragmas every connection needs. */
export function openDatabase (file: string, options: OpenDatabaseOptions = {}): Database {
  const inMemory = file === ':memory:'
  if (!inMemory && options.readonly !== true) mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file, { readonly: options.readonly ?? false })
  if (!inMemory && options.readonly !== true) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const db = drizzle(sqlite, { schema })
  let closed = false
  return {
    db,
    sqlite,
    close: () => {
      if (closed) return
      closed = true
      if (sqlite.open) {
        if (!inMemory && options.readonly !== true) sqlite.pragma('optimize')
        sqlite.close()
      }
    }
  }
}

/** Applies every committed migration not yet applied; safe to run on every start. */
export function migrateDatabase (database: Database): void {
  migrate(database.db, { migrationsFolder })
}

/** How many migrations the code ships (the drizzle-kit journal). */
export function countMigrations (): number {
  const journal = JSON.parse(readFileSync(new URL('migrations/meta/_journal.json', projectRoot), 'utf8')) as { entries: unknown[] }
  return journal.entries.length
}
