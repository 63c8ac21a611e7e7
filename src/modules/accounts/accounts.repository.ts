import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
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
  version: number
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

/** A keyset position in newest-first order: [createdAt, id]. */
export type CreatedPosition = [string, string]

export interface AccountsRepository {
  transaction: <T>(work: () => T) => T
  countUsers: () => number
  countActiveAdmins: () => number
  insertUser: (user: UserRecord) => void
  findUserById: (id: string) => UserRecord | undefined
  findUserByEmail: (email: string) => UserRecord | undefined
  listUsers: (role: Role | undefined, after: CreatedPosition | undefined, limit: number) => UserRecord[]
  updateUser: (id: string, expectedVersion: number, changes: Partial<UserRecord>) => boolean
  deleteUser: (id: string) => boolean
  insertToken: (token: TokenRecord) => void
  findTokenById: (id: string) => TokenRecord | undefined
  findTokenWithUserByHash: (tokenHash: string) => { token: TokenRecord, user: UserRecord } | undefined
  listTokens: (userId: string | undefined, after: CreatedPosition | undefined, limit: number) => TokenRecord[]
  touchToken: (id: string, at: string, expiresAt: string | null) => void
  revokeToken: (id: string, at: string) => boolean
}

export function createAccountsRepository (db: Db): AccountsRepository {
  // Every authenticated request runs this lookup: prepare it once.
  const tokenByHash = db.select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare()

  const newestFirst = (column: typeof users.createdAt | typeof apiTokens.createdAt, idColumn: typeof users.id | typeof apiTokens.id, after: CreatedPosition | undefined) =>
    after === undefined ? undefined : or(lt(column, after[0]), and(eq(column, after[0]), lt(idColumn, after[1])))

  return {
    transaction: (work) => db.$client.transaction(work).immediate(),
    countUsers: () => db.select({ value: count() }).from(users).get()?.value ?? 0,
    countActiveAdmins: () => db.select({ value: count() }).from(users).where(and(eq(users.role, 'admin'), isNull(users.disabledAt))).get()?.value ?? 0,
    insertUser: (user) => { db.insert(users).values(user).run() },
    findUserById: (id) => db.select().from(users).where(eq(users.id, id)).get(),
    findUserByEmail: (email) => db.select().from(users).where(eq(users.email, email)).get(),
    listUsers: (role, after, limit) => db.select().from(users)
      .where(and(role === undefined ? undefined : eq(users.role, role), newestFirst(users.createdAt, users.id, after)))
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(limit)
      .all(),
    updateUser: (id, expectedVersion, changes) => db.update(users).set(changes)
      .where(and(eq(users.id, id), eq(users.version, expectedVersion))).run().changes === 1,
    deleteUser: (id) => db.delete(users).where(eq(users.id, id)).run().changes === 1,
    insertToken: (token) => { db.insert(apiTokens).values(token).run() },
    findTokenById: (id) => db.select().from(apiTokens).where(eq(apiTokens.id, id)).get(),
    findTokenWithUserByHash: (tokenHash) => tokenByHash.get({ hash: tokenHash }),
    listTokens: (userId, after, limit) => db.select().from(apiTokens)
      .where(and(userId === undefined ? undefined : eq(apiTokens.userId, userId), newestFirst(apiTokens.createdAt, apiTokens.id, after)))
      .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
      .limit(limit)
      .all(),
    touchToken: (id, at, expiresAt) => { db.update(apiTokens).set({ lastUsedAt: at, expiresAt }).where(eq(apiTokens.id, id)).run() },
    revokeToken: (id, at) => db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run().changes === 1
  }
}
