import type { Config } from './config.js'
import type { Db } from './db/client.js'
import { demoArticles } from './demo/articles.js'
import { scopes } from './lib/access.js'
import { systemClock, type Clock } from './lib/clock.js'
import { createCursorCodec } from './lib/cursor.js'
import { createAccountsService } from './modules/accounts/accounts.service.js'
import { createArticlesService } from './modules/articles/articles.service.js'

export interface BootstrapResult {
  adminEmail: string | undefined
  /** Set only when this start created the admin and generated its token: print it once. */
  generatedAdminToken: string | undefined
  demoArticles: number
}

export const defaultAdminEmail = 'admin@newsdesk.invalid'

/**
 * First start of an empty database: an admin (from ADMIN_EMAIL/ADMIN_PASSWORD or a
 * password-less one), a full-scope API token for it (ADMIN_TOKEN, or generated and
 * returned to be shown once), and demo articles unless NEWSDESK_DEMO=0. Later starts do nothing.
 */
export async function bootstrap (options: { config: Config, db: Db, clock?: Clock }): Promise<BootstrapResult> {
  const clock = options.clock ?? systemClock
  const accounts = createAccountsService({ db: options.db, clock })
  const result: BootstrapResult = { adminEmail: undefined, generatedAdminToken: undefined, demoArticles: 0 }
  if (accounts.countUsers() > 0) return result

  const admin = await accounts.createUser({
    email: options.config.admin?.email ?? defaultAdminEmail,
    displayName: 'Administrator',
    role: 'admin',
    ...(options.config.admin === undefined ? {} : { password: options.config.admin.password })
  })
  result.adminEmail = admin.email
  const token = accounts.createApiToken({
    userId: admin.id,
    name: 'bootstrap admin token',
    scopes,
    ...(options.config.adminToken === undefined ? {} : { secret: options.config.adminToken })
  })
  if (options.config.adminToken === undefined) result.generatedAdminToken = token.secret

  if (options.config.demoContent) {
    const caller = accounts.authenticate(token.secret)
    const articles = createArticlesService({ db: options.db, clock, cursors: createCursorCodec('demo-content') })
    for (const article of demoArticles) articles.create(article, caller)
    result.demoArticles = demoArticles.length
  }
  return result
}
