import { createHash, randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto'
import type { Config } from '../../config.js'
import type { Db } from '../../db/client.js'
import { storageFailureOf } from '../../db/errors.js'
import { AppError } from '../../errors.js'
import { effectiveScopes, roleScopes, type Caller, type Role, type Scope } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import { newId } from '../../lib/ids.js'
import { RateLimiter } from '../../lib/rate-limiter.js'
import { createAccountsRepository, type TokenRecord, type UserRecord } from './accounts.repository.js'

export const apiTokenPrefix = 'ndk_'
export const sessionTokenPrefix = 'nds_'

const scryptParameters = { N: 16384, r: 8, p: 1, keyLength: 64 }
/** last_used_at (and a session's sliding expiry) is refreshed at most this often, so reads do not each cost a write. */
const touchIntervalMs = 60_000
const dayMs = 86_400_000

function scryptAsync (password: BinaryLike, salt: BinaryLike, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => { if (error === null) resolve(key); else reject(error) })
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

/**
 * Checked against when the email is unknown, so both failures cost one scrypt and look alike.
 * Hashed on the thread pool while the server starts, not awaited at import: a top-level await
 * held the whole module graph (and so start-up) for one scrypt.
 */
const decoyHash = hashPassword(randomBytes(16).toString('hex'))

export function hashToken (secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function generateTokenSecret (prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

export function normaliseEmail (email: string): string {
  return email.trim().toLowerCase()
}

export function checkPasswordRules (password: string, email: string): void {
  if (password.length < 10) {
    throw new AppError('validation_failed', 'The password needs at least 10 characters.', { errors: [{ path: 'body/password', message: 'must be at least 10 characters' }] })
  }
  if (password.trim().toLowerCase() === normaliseEmail(email)) {
    throw new AppError('validation_failed', 'The password must not be the email address.', { errors: [{ path: 'body/password', message: 'must not equal the email' }] })
  }
}

export interface NewToken {
  record: TokenRecord
  secret: string
}

export interface AccountsServiceDeps {
  db: Db
  clock: Clock
  config?: Pick<Config, 'registration' | 'sessionTtlDays' | 'loginRateLimit' | 'registrationRateLimit'>
  /** Told when recording a token's use failed because storage refuses writes (the request goes on). */
  onTouchFailed?: (error: unknown) => void
}

const defaultAccountSettings = {
  registration: 'open',
  sessionTtlDays: 30,
  loginRateLimit: { perEmail: 10, perAddress: 50, windowSeconds: 900 },
  registrationRateLimit: 10
} as const

export function createAccountsService (deps: AccountsServiceDeps) {
  const repository = createAccountsRepository(deps.db)
  const settings = deps.config ?? defaultAccountSettings
  const windowMs = settings.loginRateLimit.windowSeconds * 1000
  const loginsPerEmail = new RateLimiter(deps.clock, settings.loginRateLimit.perEmail, windowMs)
  const loginsPerAddress = new RateLimiter(deps.clock, settings.loginRateLimit.perAddress, windowMs)
  const registrationsPerAddress = new RateLimiter(deps.clock, settings.registrationRateLimit, 3_600_000)
  const sessionTtlMs = settings.sessionTtlDays * dayMs

  function rateLimited (retryAfterSeconds: number, what: string): AppError {
    return new AppError('rate_limited', `Too many ${what}; try again in ${retryAfterSeconds} seconds.`, { headers: { 'retry-after': String(retryAfterSeconds) } })
  }

  /** Checks and hashes outside any transaction: scrypt is slow and must not hold the write lock. */
  async function prepareUser (input: { email: string, displayName: string, role: Role, password?: string }): Promise<UserRecord> {
    const email = normaliseEmail(input.email)
    if (input.password !== undefined) checkPasswordRules(input.password, email)
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password)
    const now = deps.clock().toISOString()
    return { id: newId(), email, displayName: input.displayName, role: input.role, passwordHash, disabledAt: null, createdAt: now, updatedAt: now, version: 1 }
  }

  /** Inserts a prepared user; runs inside the caller's transaction when there is one. */
  function insertPreparedUser (user: UserRecord): UserRecord {
    return repository.transaction(() => {
      const existing = repository.findUserByEmail(user.email)
      if (existing !== undefined) {
        throw new AppError('email_taken', 'An account with this email already exists.', { errors: [{ path: 'body/email', message: 'already registered' }] })
      }
      repository.insertUser(user)
      return user
    })
  }

  async function createUser (input: { email: string, displayName: string, role: Role, password?: string }): Promise<UserRecord> {
    return insertPreparedUser(await prepareUser(input))
  }

  function issueToken (input: { userId: string, kind: 'api' | 'session', name: string, scopes: readonly string[], secret?: string, expiresAt: string | null }): NewToken {
    const secret = input.secret ?? generateTokenSecret(input.kind === 'session' ? sessionTokenPrefix : apiTokenPrefix)
    const record: TokenRecord = {
      id: newId(),
      userId: input.userId,
      kind: input.kind,
      name: input.name,
      prefix: secret.slice(0, 12),
      tokenHash: hashToken(secret),
      scopes: [...input.scopes],
      expiresAt: input.expiresAt,
      lastUsedAt: null,
      revokedAt: null,
      createdAt: deps.clock().toISOString()
    }
    repository.insertToken(record)
    return { record, secret }
  }

  return {
    countUsers: () => repository.countUsers(),
    prepareUser,
    insertPreparedUser,
    /** Runs work in one write transaction (nested calls become savepoints). */
    transaction: <T>(work: () => T): T => repository.transaction(work),
    /** By email (normalised) or id; for operators' tools, never an HTTP answer. */
    findUser: (key: { email: string } | { id: string }): UserRecord | undefined =>
      'email' in key ? repository.findUserByEmail(normaliseEmail(key.email)) : repository.findUserById(key.id),
    createUser,
    issueToken,

    createApiToken (input: { userId: string, name: string, scopes: readonly Scope[], secret?: string, expiresAt?: string }): { id: string, secret: string } {
      const issued = issueToken({ ...input, kind: 'api', expiresAt: input.expiresAt ?? null })
      return { id: issued.record.id, secret: issued.secret }
    },

    authenticate (secret: string): Caller | undefined {
      const hash = hashToken(secret)
      const found = repository.findTokenWithUserByHash(hash)
      if (found === undefined) return undefined
      const { token, user } = found
      // The index lookup already matched; compare again in constant time so response
      // timing never depends on how much of a guessed hash was right.
      if (!timingSafeEqual(Buffer.from(token.tokenHash), Buffer.from(hash))) return undefined
      const now = deps.clock()
      if (token.revokedAt !== null || user.disabledAt !== null) return undefined
      if (token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime()) return undefined
      if (token.lastUsedAt === null || now.getTime() - Date.parse(token.lastUsedAt) > touchIntervalMs) {
        const expiresAt = token.kind === 'session' ? new Date(now.getTime() + sessionTtlMs).toISOString() : token.expiresAt
        try {
          repository.touchToken(token.id, now.toISOString(), expiresAt)
        } catch (error) {
          // Last use is bookkeeping: a full or read-only disk must not turn every signed-in
          // read into an error. Any other failure is a real fault and propagates.
          if (storageFailureOf(error) === undefined) throw error
          deps.onTouchFailed?.(error)
        }
      }
      return {
        userId: user.id,
        role: user.role,
        // A session acts with everything the user's role allows; an API token with what it was granted.
        scopes: token.kind === 'session' ? roleScopes[user.role] : effectiveScopes(user.role, token.scopes),
        tokenId: token.id,
        tokenKind: token.kind
      }
    },

    async register (input: { email: string, password: string, displayName: string }, clientAddress: string): Promise<UserRecord> {
      if (settings.registration === 'closed') throw new AppError('registration_closed', 'New accounts are created by an administrator on this server.')
      const decision = registrationsPerAddress.hit(clientAddress)
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds, 'registrations from this address')
      return createUser({ ...input, role: 'member' })
    },

    async login (input: { email: string, password: string }, clientAddress: string): Promise<{ token: string, expiresAt: string, user: UserRecord }> {
      const email = normaliseEmail(input.email)
      for (const [limiter, key, what] of [[loginsPerAddress, clientAddress, 'sign-in attempts from this address'], [loginsPerEmail, email, 'sign-in attempts for this account']] as const) {
        const decision = limiter.hit(key)
        if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds, what)
      }
      const user = repository.findUserByEmail(email)
      const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? await decoyHash)
      if (user === undefined || user.passwordHash === null || !passwordMatches || user.disabledAt !== null) {
        throw new AppError('invalid_credentials', 'The email or password is wrong.', { headers: { 'www-authenticate': 'Bearer realm="newsdesk"' } })
      }
      const expiresAt = new Date(deps.clock().getTime() + sessionTtlMs).toISOString()
      const issued = issueToken({ userId: user.id, kind: 'session', name: 'session', scopes: [], expiresAt })
      return { token: issued.secret, expiresAt, user }
    },

    logout (caller: Caller): void {
      if (caller.tokenKind !== 'session') {
        throw new AppError('bad_request', 'Sign-out ends sessions; revoke API tokens with DELETE /v1/tokens/{id}.')
      }
      repository.revokeToken(caller.tokenId, deps.clock().toISOString())
    },

    me (caller: Caller): { user: UserRecord, token: TokenRecord } {
      const user = repository.findUserById(caller.userId)
      const token = repository.findTokenById(caller.tokenId)
      if (user === undefined || token === undefined) throw new AppError('unauthorized', 'The token no longer belongs to an account.')
      return { user, token }
    }
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>

export interface UserView {
  id: string
  email: string
  displayName: string
  role: Role
  disabled: boolean
  createdAt: string
  updatedAt: string
  version: number
}

export interface TokenView {
  id: string
  userId: string
  kind: 'api' | 'session'
  name: string
  prefix: string
  scopes: Scope[]
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

/** Storage rows to API objects, in one place: hashes never leave this module. */
export function toUserView (user: UserRecord): UserView {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, disabled: user.disabledAt !== null, createdAt: user.createdAt, updatedAt: user.updatedAt, version: user.version }
}

export function toTokenView (token: TokenRecord, ownerRole: Role): TokenView {
  return {
    id: token.id,
    userId: token.userId,
    kind: token.kind,
    name: token.name,
    prefix: token.prefix,
    scopes: token.kind === 'session' ? [...roleScopes[ownerRole]] : effectiveScopes(ownerRole, token.scopes),
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt
  }
}
