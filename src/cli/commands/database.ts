import { existsSync } from 'node:fs'
import { migrateDatabase, openDatabase, type Database } from '../../db/client.js'
import { CliError } from '../usage.js'

/** Opens the file, turning SQLite's failure (a directory, no permission, not a database) into one clear line. */
export function open (file: string, options: { mustExist?: boolean } = {}): Database {
  if (options.mustExist === true && !existsSync(file)) throw new CliError(`there is no database at ${file}`)
  try {
    return openDatabase(file)
  } catch (error) {
    throw new CliError(`cannot open the database ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function appliedMigrations (database: Database): number {
  const table = database.sqlite.prepare("SELECT count(*) AS count FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() as { count: number }
  if (table.count === 0) return 0
  return (database.sqlite.prepare('SELECT count(*) AS count FROM __drizzle_migrations').get() as { count: number }).count
}

/** Opened and migrated, so commands work on a fresh file as well as on a running server's. */
export function openMigrated (file: string): Database {
  const database = open(file)
  try {
    migrateDatabase(database)
  } catch (error) {
    database.close()
    throw new CliError(`cannot migrate the database ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return database
}
