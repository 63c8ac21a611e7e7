import { copyFileSync, existsSync, openSync, fsyncSync, closeSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { countMigrations } from './client.js'

/**
 * Online backups and offline restores of the SQLite file.
 *
 * A backup runs while the server writes: SQLite's backup API copies every page inside one
 * read transaction (one step for the whole file), so the copy is the database as of one
 * commit, never a torn mix, and concurrent writes cannot make it restart forever. The copy
 * is written beside the destination, verified, switched out of WAL into a single
 * self-contained file, and only then renamed into place: a failed backup never leaves a
 * truncated file under the destination's name.
 *
 * A restore replaces the database file, so the server must be stopped: the target is
 * opened and switched out of WAL first, which SQLite refuses while any other connection
 * (a running server) has it open. The backup is verified before anything is touched, and
 * the replaced file is kept beside the target until the operator deletes it.
 */

export class BackupError extends Error {
  override name = 'BackupError'
}

export interface DatabaseCheck {
  /** Migrations recorded in the file. */
  migrations: number
  articles: number
  sizeBytes: number
}

export interface BackupResult extends DatabaseCheck {
  file: string
  durationMs: number
}

export interface RestoreResult extends DatabaseCheck {
  /** Where the database that was replaced now lives, or undefined when there was none. */
  replacedFile: string | undefined
}

/** All remaining pages in one step: see the module comment. */
const allPages = 0x7fffffff

/**
 * Opens a database file read-only and checks it is a complete newsdesk database: SQLite's
 * integrity check, no dangling foreign keys, and a migrations table no newer than this code.
 */
export function verifyDatabaseFile (file: string): DatabaseCheck {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`)
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as an SQLite database: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${String(integrity)}`)
    const dangling = sqlite.pragma('foreign_key_check') as unknown[]
    if (dangling.length > 0) throw new BackupError(`${file} has ${dangling.length} row(s) with dangling foreign keys.`)
    const hasMigrations = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get() as { n: number }
    if (hasMigrations.n === 0) throw new BackupError(`${file} is not a newsdesk database (it has no migrations table).`)
    const migrations = (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
    if (migrations > countMigrations()) {
      throw new BackupError(`${file} has ${migrations} migrations applied, more than the ${countMigrations()} this version knows: it comes from a newer newsdesk.`)
    }
    const articles = migrations === 0 ? 0 : (sqlite.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    return { migrations, articles, sizeBytes: statSync(file).size }
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`${file} is not a usable newsdesk database: ${error instanceof Error ? error.message : String(error)}`)
  } finally {
    sqlite.close()
  }
}

function syncFile (file: string): void {
  const descriptor = openSync(file, 'r+')
  try {
    fsyncSync(descriptor)
  } finally {
    closeSync(descriptor)
  }
}

function sameFile (a: string, b: string): boolean {
  return resolve(a) === resolve(b)
}

/**
 * Copies the open database into `destination` while it keeps serving. Refuses to overwrite
 * an existing file, so a mistyped name never destroys an earlier backup.
 */
export async function backupDatabase (source: BetterSqlite3.Database, destination: string): Promise<BackupResult> {
  const started = performance.now()
  const target = resolve(destination)
  if (source.memory) throw new BackupError('An in-memory database has no file to back up.')
  if (sameFile(source.name, target)) throw new BackupError('The backup cannot overwrite the database itself.')
  if (existsSync(target)) throw new BackupError(`${target} already exists; choose a new name (backups are never overwritten).`)
  if (!existsSync(dirname(target))) throw new BackupError(`The folder ${dirname(target)} does not exist.`)
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  try {
    await source.backup(partial, { progress: () => allPages })
    const copy = new BetterSqlite3(partial)
    try {
      // One self-contained file: no -wal beside it to forget when the backup is moved.
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const check = verifyDatabaseFile(partial)
    syncFile(partial)
    renameSync(partial, target)
    return { ...check, file: target, durationMs: Math.round(performance.now() - started) }
  } finally {
    rmSync(partial, { force: true })
  }
}

/** Opens the file at `file` and backs it up; for the command line, beside a running server. */
export async function backupDatabaseFile (file: string, destination: string): Promise<BackupResult> {
  if (!existsSync(file)) throw new BackupError(`There is no database at ${file}.`)
  const source = new BetterSqlite3(file, { fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    return await backupDatabase(source, destination)
  } finally {
    source.close()
  }
}

/**
 * Replaces the database at `databasePath` with a verified backup. The server must be
 * stopped: a target still open elsewhere is refused and left untouched.
 */
export function restoreDatabase (backupFile: string, databasePath: string): RestoreResult {
  const target = resolve(databasePath)
  if (sameFile(backupFile, target)) throw new BackupError('The backup and the database are the same file.')
  const check = verifyDatabaseFile(backupFile)
  if (!existsSync(dirname(target))) throw new BackupError(`The folder ${dirname(target)} does not exist.`)

  const incoming = `${target}.restoring`
  rmSync(incoming, { force: true })
  copyFileSync(backupFile, incoming)
  syncFile(incoming)
  let replacedFile: string | undefined
  try {
    if (existsSync(target)) {
      const current = new BetterSqlite3(target, { fileMustExist: true })
      try {
        current.pragma('busy_timeout = 200')
        // Leaving WAL needs the only connection to the file: a running server makes this fail.
        current.pragma('journal_mode = DELETE')
      } catch (error) {
        throw new BackupError(`${target} is in use (${error instanceof Error ? error.message : String(error)}); stop the server before restoring.`)
      } finally {
        current.close()
      }
      replacedFile = `${target}.replaced-${new Date().toISOString().replaceAll(':', '-')}`
      renameSync(target, replacedFile)
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
    renameSync(incoming, target)
  } finally {
    rmSync(incoming, { force: true })
  }
  return { ...check, replacedFile }
}
