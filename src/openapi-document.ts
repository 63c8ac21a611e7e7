import { buildApp } from './app.js'
import { parseConfig } from './config.js'
import { migrateDatabase, openDatabase } from './db/client.js'

/** The OpenAPI document exactly as the running code serves it, formatted for committing. */
export async function generateOpenApiDocument (): Promise<string> {
  const database = openDatabase(':memory:')
  migrateDatabase(database)
  const app = await buildApp({ config: parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0' }), database, logger: false })
  try {
    await app.ready()
    return `${JSON.stringify(app.swagger(), null, 2)}\n`
  } finally {
    await app.close()
    database.close()
  }
}
