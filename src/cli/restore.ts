import { parseConfig } from '../config.js'
import { BackupError, restoreDatabase } from '../db/backup.js'

/* npm run restore -- <file>: replaces DATABASE_PATH with a verified backup; stop the server first. */
const source = process.argv[2]
if (source === undefined || process.argv.length > 3) {
  process.stderr.write('usage: npm run restore -- <backup-file>   (replaces DATABASE_PATH; stop the server first)\n')
  process.exit(2)
}
const config = parseConfig(process.env)
try {
  const result = restoreDatabase(source, config.databasePath)
  process.stdout.write(`newsdesk: restored ${config.databasePath} from ${source} (${result.articles} articles, ${result.migrations} migrations); integrity check ok\n`)
  if (result.replacedFile !== undefined) process.stdout.write(`newsdesk: the database it replaced is kept at ${result.replacedFile}; delete it once the restore is confirmed\n`)
} catch (error) {
  if (!(error instanceof BackupError)) throw error
  process.stderr.write(`newsdesk: restore failed: ${error.message}\n`)
  process.exit(1)
}
