import { parseConfig } from '../config.js'
import { BackupError, backupDatabaseFile } from '../db/backup.js'

/* npm run backup -- <file>: an online, consistent copy of DATABASE_PATH; the server may keep running. */
const destination = process.argv[2]
if (destination === undefined || process.argv.length > 3) {
  process.stderr.write('usage: npm run backup -- <backup-file>   (copies DATABASE_PATH while the server runs)\n')
  process.exit(2)
}
const config = parseConfig(process.env)
try {
  const result = await backupDatabaseFile(config.databasePath, destination)
  process.stdout.write(`newsdesk: backed up ${config.databasePath} to ${result.file} (${result.articles} articles, ${result.migrations} migrations, ${result.sizeBytes} bytes, ${result.durationMs} ms); integrity check ok\n`)
} catch (error) {
  if (!(error instanceof BackupError)) throw error
  process.stderr.write(`newsdesk: backup failed: ${error.message}\n`)
  process.exit(1)
}
