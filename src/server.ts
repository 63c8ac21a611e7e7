import { bootstrap } from './bootstrap.js'
import { buildApp } from './app.js'
import { ConfigError, parseConfig, type Config } from './config.js'
import { migrateDatabase, openDatabase } from './db/client.js'

function readConfig (): Config {
  try {
    return parseConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`newsdesk: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}

async function main (): Promise<void> {
  const config = readConfig()
  const database = openDatabase(config.databasePath)
  migrateDatabase(database)
  const app = await buildApp({ config, database })
  const bootstrapped = await bootstrap({ config, db: database.db })
  // The address actually bound: with PORT=0 the system picks the port.
  const address = await app.listen({ port: config.port, host: config.host })

  if (bootstrapped.generatedAdminToken !== undefined) {
    // Shown once, on the first start of an empty database; only its hash is stored.
    process.stdout.write([
      '',
      `newsdesk: created admin ${bootstrapped.adminEmail ?? ''} with this API token (shown only now, store it safely):`,
      `  ${bootstrapped.generatedAdminToken}`,
      `  try: curl -H "Authorization: Bearer ${bootstrapped.generatedAdminToken}" ${address}/v1/articles?status=draft`,
      ''
    ].join('\n') + '\n')
  }
  if (bootstrapped.demoArticles > 0) app.log.info({ articles: bootstrapped.demoArticles }, 'added demo articles to the empty database')
  app.log.info(`API docs at ${address}/docs`)

  // SIGTERM/SIGINT: app.close() stops accepting connections, closes idle keep-alive ones,
  // lets in-flight requests finish, then runs the app's onClose hooks (background work such
  // as a webhook dispatcher flushes there, with the database still open); only then is the
  // database closed. Past SHUTDOWN_TIMEOUT_MS the process exits 1 and whatever is still in
  // flight is cut off: the non-zero code tells the supervisor the drain was incomplete.
  // Nothing is torn by that cut: every write runs synchronously inside one transaction.
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const forced = setTimeout(() => {
      app.log.error('shutdown timed out; closing the database and exiting')
      database.close()
      process.exit(1)
    }, config.shutdownTimeoutMs)
    forced.unref()
    app.close()
      .then(() => {
        database.close()
        process.exit(0)
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down')
        database.close()
        process.exit(1)
      })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`newsdesk: failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
