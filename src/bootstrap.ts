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
 * First start of an empty database: an admin, and demo articles unless NEWSDESK_DEMO=0.
 * The admin comes from ADMIN_EMAIL/ADMIN_PASSWORD (and signs in), or is password-less and
 * gets a generated full-scope token returned to be shown once. ADMIN_TOKEN, when set,
 * becomes that admin's full-scope API token either way. Later starts do nothing.
 */
export async function bootstrap (options: { config: Config, db: Db, clock?: Clock }): Promise<BootstrapResult> {
  const clock = options.clock ?? systemClock
  const accounts = createAccountsService({ db: options.db, clock })
  const result: BootstrapResult = { adminEmail: undefined, generatedAdminToken: undefined, demoArticles: 0 }
  if (accounts.countUsers() > 0) return result

  const admin = await accounts.prepareUser({
    email: options.config.admin?.email ?? defaultAdminEmail,
    displayName: 'Administrator',
    role: 'admin',
    ...(options.config.admin === undefined ? {} : { password: options.config.admin.password })
  })
  const needsGeneratedToken = options.config.admin === undefined && options.config.adminToken === undefined
  const secret = options.config.adminToken ?? (needsGeneratedToken ? undefined : null)
  // One transaction: a crash part-way must not leave an admin without its token (later starts
  // skip an initialised database, so the token would never be created).
  accounts.transaction(() => {
    accounts.insertPreparedUser(admin)
    result.adminEmail = admin.email
    const token = secret === null
      ? undefined
      : accounts.createApiToken({ userId: admin.id, name: 'bootstrap admin token', scopes, ...(secret === undefined ? {} : { secret }) })
    if (needsGeneratedToken) result.generatedAdminToken = token?.secret
    if (options.config.demoContent) {
      const caller = { userId: admin.id, role: admin.role, scopes, tokenId: token?.id ?? 'bootstrap', tokenKind: 'api' as const }
      const articles = createArticlesService({ db: options.db, clock, cursors: createCursorCodec('demo-content') })
      for (const article of demoArticles) articles.create(article, caller)
      result.demoArticles = demoArticles.length
    }
  })
  return result
}
