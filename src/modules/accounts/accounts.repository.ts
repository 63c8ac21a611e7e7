import { count, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { apiTokens, users } from '../../db/schema.js'
import type { Role } from '../../lib/access.js'

export interface UserRecord {
  id: string
  email: string
  displayName: string
  role: Role
  passwordHash: string | null
  disabledAt: string | null
  createdAt: string
  updatedAt: string
}

export interface TokenRecord {
  id: string
  userId: string
  kind: 'api' | 'session'
  name: string
  prefix: string
  tokenHash: string
  scopes: string[]
  expiresAt: string | null
  lastUsedAt: string | null
  revokedAt: string | null
  createdAt: string
}

export interface AccountsRepository {
  countUsers: () => number
  insertUser: (user: UserRecord) => void
  findUserById: (id: string) => UserRecord | undefined
  findUserByEmail: (email: string) => UserRecord | undefined
  insertToken: (token: TokenRecord) => void
  findTokenWithUserByHash: (tokenHash: string) => { token: TokenRecord, user: UserRecord } | undefined
  touchToken: (id: string, at: string) => void
}

export function createAccountsRepository (db: Db): AccountsRepository {
  // Every authenticated request runs this lookup: prepare it once.
  const tokenByHash = db.select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare()
  return {
    countUsers: () => db.select({ value: count() }).from(users).get()?.value ?? 0,
    insertUser: (user) => { db.insert(users).values(user).run() },
    findUserById: (id) => db.select().from(users).where(eq(users.id, id)).get(),
    findUserByEmail: (email) => db.select().from(users).where(eq(users.email, email)).get(),
    insertToken: (token) => { db.insert(apiTokens).values(token).run() },
    findTokenWithUserByHash: (tokenHash) => tokenByHash.get({ hash: tokenHash }),
    touchToken: (id, at) => { db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run() }
  }
}
