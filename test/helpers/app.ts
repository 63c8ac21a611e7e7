import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { parseConfig, type Config } from '../../src/config.js'
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.js'
import { scopes as allScopes, type Role, type Scope } from '../../src/lib/access.js'
import { createAccountsService } from '../../src/modules/accounts/accounts.service.js'

export interface TestClock {
  (): Date
  set: (at: Date | string) => void
  advance: (milliseconds: number) => void
}

/** A clock that only moves when the test moves it. */
export function createTestClock (start: Date | string = '2026-06-01T12:00:00.000Z'): TestClock {
  let now = new Date(start).getTime()
  const clock = (() => new Date(now)) as TestClock
  clock.set = (at) => { now = new Date(at).getTime() }
  clock.advance = (milliseconds) => { now += milliseconds }
  return clock
}

export interface TestApp {
  app: FastifyInstance
  database: Database
  config: Config
  clock: TestClock
  /** A full-scope admin token. */
  adminToken: string
  /** Creates a user with the role and a token (scopes default to everything the role allows). */
  tokenFor: (role: Role, scopes?: readonly Scope[]) => Promise<string>
}

export interface TestAppOptions {
  env?: Record<string, string>
  clock?: TestClock
  logger?: Parameters<typeof buildApp>[0]['logger']
  webhooks?: Parameters<typeof buildApp>[0]['webhooks']
  /** Runs after the app is built and before it is ready, as more start-up work would. */
  beforeReady?: (app: FastifyInstance) => Promise<void>
}

/**
 * A fresh app on its own migrated in-memory database, closed when the test ends. Webhook
 * targets on loopback are allowed, and the delivery loop does not run by itself: tests
 * move deliveries forward with app.webhookDispatcher.dispatchDue() under their clock.
 */
export async function buildTestApp (t: Test, options: TestAppOptions = {}): Promise<TestApp> {
  // Load shedding reacts to the machine, not to the request: off unless a test turns it on.
  const config = parseConfig({ NODE_ENV: 'test', NEWSDESK_DEMO: '0', LOG_LEVEL: 'silent', OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0', OVERLOAD_MAX_HEAP_USED_MB: '0', WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_DISPATCH: '0', ...options.env })
  const database = openDatabase(':memory:')
  migrateDatabase(database)
  const clock = options.clock ?? createTestClock()
  const app = await buildApp({ config, database, clock, logger: options.logger ?? false, webhooks: options.webhooks })
  t.teardown(async () => {
    await app.close()
    database.close()
  })
  await options.beforeReady?.(app)
  await app.ready()
  const accounts = createAccountsService({ db: database.db, clock })
  let users = 0
  const tokenFor = async (role: Role, scopes: readonly Scope[] = allScopes): Promise<string> => {
    users++
    const user = await accounts.createUser({ email: `${role}-${users}@example.test`, displayName: `${role} ${users}`, role })
    return accounts.createApiToken({ userId: user.id, name: `${role} test token`, scopes }).secret
  }
  const adminToken = await tokenFor('admin')
  return { app, database, config, clock, adminToken, tokenFor }
}

export function bearer (token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` }
}

export function json<T = Record<string, unknown>> (response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T
}
