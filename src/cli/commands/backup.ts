import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { createProgressBar } from '../progress.js'
import { CliError, databaseHelp, databaseOption, databasePath, exitCodes, parse, UsageError, type Command } from '../usage.js'
import { open } from './database.js'

const help = `Usage: newsdesk backup <file> [options]

Copies the database to <file> with SQLite's online backup, page by page, while the server
keeps running: the copy is one consistent moment, whatever is written meanwhile. It is written
beside <file> first and renamed into place once checked, so <file> is never half-written.
A progress bar shows on standard error when it is a terminal.

Options:
  --force                replace <file> if it exists
${databaseHelp}

Restore by stopping the server and putting the copy in place of DATABASE_PATH.
`

const options = { ...databaseOption, force: { type: 'boolean' } } as const

function megabytes (bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the database to a file while the server runs',
  help,
  async run (argv, io) {
    const { values, positionals } = parse(argv, options, true)
    if (values.help === true) { io.stdout.write(help); return exitCodes.ok }
    if (positionals.length !== 1 || positionals[0]!.trim() === '') throw new UsageError('name one file to write the backup to')
    const target = positionals[0]!
    const file = databasePath(values.database, io.env)
    if (resolve(target) === resolve(file)) throw new UsageError('the backup cannot be the database itself')
    if (existsSync(target) && values.force !== true) throw new CliError(`${target} exists; pass --force to replace it`)

    const database = open(file, { mustExist: true })
    const partial = `${target}.partial-${process.pid}`
    const bar = createProgressBar(io.stderr, 'backup', 'pages')
    try {
      const result = await database.sqlite.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          bar.update(totalPages - remainingPages, totalPages)
          return 64
        }
      })
      bar.update(result.totalPages, result.totalPages)
      bar.finish()
      const copy = new BetterSqlite3(partial, { readonly: true, fileMustExist: true })
      let integrity: unknown
      try {
        integrity = copy.pragma('integrity_check', { simple: true })
      } finally {
        copy.close()
      }
      if (integrity !== 'ok') throw new CliError(`the copy failed its integrity check (${String(integrity)}); ${target} was not written`)
      renameSync(partial, target)
      io.stdout.write(`newsdesk: backed up ${file} to ${target} (${result.totalPages} pages, ${megabytes(statSync(target).size)})\n`)
    } catch (error) {
      bar.finish()
      rmSync(partial, { force: true })
      if (error instanceof CliError) throw error
      throw new CliError(`backup failed, ${target} was not written: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      database.close()
    }
    return exitCodes.ok
  }
}
