import { countMigrations, migrateDatabase } from '../../db/client.js'
import { CliError, databaseHelp, databaseOption, databasePath, exitCodes, parse, type Command } from '../usage.js'
import { appliedMigrations, open } from './database.js'

const help = `Usage: newsdesk migrate [options]

Creates the database file when it is missing and applies every migration not yet applied.
Safe to run again, and while the server runs (the server also migrates at start-up).

Options:
${databaseHelp}
`

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply the database migrations',
  help,
  async run (argv, io) {
    const { values } = parse(argv, databaseOption)
    if (values.help === true) { io.stdout.write(help); return exitCodes.ok }
    const file = databasePath(values.database, io.env)
    const database = open(file)
    try {
      const before = appliedMigrations(database)
      try {
        migrateDatabase(database)
      } catch (error) {
        throw new CliError(`migration failed, nothing of it was kept: ${error instanceof Error ? error.message : String(error)}`)
      }
      const after = appliedMigrations(database)
      const applied = after - before
      io.stdout.write(applied === 0
        ? `newsdesk: ${file} was already up to date (${after} migrations)\n`
        : `newsdesk: ${file} is migrated: applied ${applied} migration${applied === 1 ? '' : 's'}, ${after} of ${countMigrations()} in all\n`)
    } finally {
      database.close()
    }
    return exitCodes.ok
  }
}
