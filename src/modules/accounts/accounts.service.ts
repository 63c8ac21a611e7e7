import { createHash, randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto'
import type { Db } from '../../db/client.js'
import { effectiveScopes, type Caller, type Role, type Scope } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import { newId } from '../../lib/ids.js'
import { createAccountsRepository, type UserRecord } from './accounts.repository.js'

export const apiTokenPrefix = 'ndk_'
export const sessionTokenPrefix = 'nds_'

const scryptParameters = { N: 16384, r: 8, p: 1, keyLength: 64 }
/** last_used_at is refreshed at most this often, so reads do not each cost a write. */
const touchIntervalMs = 60_000

function scryptAsync (password: BinaryLike, salt: BinaryLike, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => { if (error === null) resolve(key); else reject(error) })
  })
}

/** Format: scrypt$N$r$p$salt$hash (base64url), so parameters can change without breaking old hashes. */
export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p, keyLength } = scryptParameters
  const key = await scryptAsync(password.normalize('NFKC'), salt, keyLength, { N, r, p })
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return timingSafeEqual(key, expected)
}

export function hashToken (secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function generateTokenSecret (prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

export interface CreatedToken {
  id: string
  secret: string
}

export interface AccountsService {
  countUsers: () => number
  createUser: (input: { email: string, displayName: string, role: Role, password?: string }) => Promise<UserRecord>
  createApiToken: (input: { userId: string, name: string, scopes: readonly Scope[], secret?: string, expiresAt?: string }) => CreatedToken
  authenticate: (secret: string) => Caller | undefined
}

export function createAccountsService (deps: { db: Db, clock: Clock }): AccountsService {
  const repository = createAccountsRepository(deps.db)
  return {
    countUsers: () => repository.countUsers(),

    async createUser (input) {
      const now = deps.clock().toISOString()
      const user: UserRecord = {
        id: newId(),
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        passwordHash: input.password === undefined ? null : await hashPassword(input.password),
        disabledAt: null,
        createdAt: now,
        updatedAt: now
      }
      repository.insertUser(user)
      return user
    },

    createApiToken (input) {
      const secret = input.secret ?? generateTokenSecret(apiTokenPrefix)
      const id = newId()
      repository.insertToken({
        id,
        userId: input.userId,
        kind: 'api',
        name: input.name,
        prefix: secret.slice(0, 12),
        tokenHash: hashToken(secret),
        scopes: [...input.scopes],
        expiresAt: input.expiresAt ?? null,
        lastUsedAt: null,
        revokedAt: null,
        createdAt: deps.clock().toISOString()
      })
      return { id, secret }
    },

    authenticate (secret) {
      const hash = hashToken(secret)
      const found = repository.findTokenWithUserByHash(hash)
      if (found === undefined) return undefined
      const { token, user } = found
      // The index lookup already matched; compare again in constant time so a timing
      // difference can never hint at how much of a guessed hash was right.
      if (!timingSafeEqual(Buffer.from(token.tokenHash), Buffer.from(hash))) return undefined
      const now = deps.clock()
      if (token.revokedAt !== null || user.disabledAt !== null) return undefined
      if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return undefined
      if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) > touchIntervalMs) {
        repository.touchToken(token.id, now.toISOString())
      }
      return {
        userId: user.id,
        role: user.role,
        scopes: effectiveScopes(user.role, token.scopes),
        tokenId: token.id,
        tokenKind: token.kind
      }
    }
  }
}
