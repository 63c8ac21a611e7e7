import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { bootstrap } from '../../src/bootstrap.js'
import { parseConfig } from '../../src/config.js'
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.js'

export interface RunningServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string
  app: FastifyInstance
  database: Database
  databasePath: string
  admin: { email: string, password: string }
  /** The admin's full-scope API token. */
  adminToken: string
}

/**
 * The real thing on a loopback port: a temporary SQLite file, migrated, bootstrapped with an
 * admin who signs in with a known password (as ADMIN_EMAIL/ADMIN_PASSWORD do in production).
 * For tests that need a socket: a browser, or scripts in child processes.
 */
export async function startServer (t: Test, env: Record<string, string> = {}): Promise<RunningServer> {
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-server-'))
  const databasePath = join(directory, 'newsdesk.db')
  const admin = { email: 'helen.achebe@riverton-courier.example', password: 'barrier-vote-thursday-31' }
  const adminToken = `ndk_test_${'r'.repeat(40)}`
  const config = parseConfig({
    NODE_ENV: 'test',
    NEWSDESK_DEMO: '0',
    LOG_LEVEL: 'silent',
    DATABASE_PATH: databasePath,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ADMIN_TOKEN: adminToken,
    ...env
  })
  const database = openDatabase(databasePath)
  migrateDatabase(database)
  await bootstrap({ config, db: database.db })
  const app = await buildApp({ config, database, logger: false })
  t.teardown(async () => {
    await app.close()
    database.close()
    rmSync(directory, { recursive: true, force: true })
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, app, database, databasePath, admin, adminToken }
}
