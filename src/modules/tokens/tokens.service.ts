import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { hasScope, roleScopes, type Caller, type Scope } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import type { Page } from '../../schemas/pagination.js'
import { createAccountsRepository, type TokenRecord } from '../accounts/accounts.repository.js'
import { createAccountsService, toTokenView, type TokenView } from '../accounts/accounts.service.js'
import { decodeCreatedCursor, pageOf } from '../users/users.service.js'

export interface TokensServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

export function createTokensService (deps: TokensServiceDeps) {
  const repository = createAccountsRepository(deps.db)
  const accounts = createAccountsService({ db: deps.db, clock: deps.clock })
  const isAdmin = (caller: Caller): boolean => hasScope(caller, 'admin')

  function view (token: TokenRecord): TokenView {
    const owner = repository.findUserById(token.userId)
    return toTokenView(token, owner?.role ?? 'member')
  }

  return {
    list (caller: Caller, userId: string | undefined, limit: number, cursor: string | undefined): { data: TokenView[], page: Page } {
      if (userId !== undefined && userId !== caller.userId && !isAdmin(caller)) {
        throw new AppError('forbidden', 'Only admins list other users\' tokens.')
      }
      const owner = isAdmin(caller) ? userId : caller.userId
      const after = cursor === undefined ? undefined : decodeCreatedCursor(deps.cursors, cursor, 'token')
      const { rows, page } = pageOf(repository.listTokens(owner, after, limit + 1), limit, deps.cursors, 'token')
      return { data: rows.map(view), page }
    },

    /**
     * Scopes never exceed what the owner's role allows, nor what the creating token itself
     * carries, so a narrow token cannot mint a broader one.
     */
    create (caller: Caller, input: { name: string, scopes: Scope[], expiresAt?: string | undefined, userId?: string | undefined }): TokenView & { token: string } {
      const ownerId = input.userId ?? caller.userId
      if (ownerId !== caller.userId && !isAdmin(caller)) throw new AppError('forbidden', 'Only admins create tokens for other users.')
      const owner = repository.findUserById(ownerId)
      if (owner === undefined) throw new AppError('not_found', `No user has id ${ownerId}.`, { errors: [{ path: 'body/userId', message: 'unknown user' }] })
      const allowed = roleScopes[owner.role].filter((scope) => ownerId !== caller.userId || caller.scopes.includes(scope))
      const refused = [...new Set(input.scopes)].filter((scope) => !allowed.includes(scope))
      if (refused.length > 0) {
        throw new AppError('scope_not_allowed', `A token for this ${owner.role} cannot carry: ${refused.join(', ')}.`, {
          errors: refused.map((scope) => ({ path: `body/scopes/${input.scopes.indexOf(scope)}`, message: `${scope} is not allowed here` }))
        })
      }
      if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= deps.clock().getTime()) {
        throw new AppError('validation_failed', 'expiresAt must be in the future.', { errors: [{ path: 'body/expiresAt', message: 'must be in the future' }] })
      }
      const issued = accounts.issueToken({
        userId: ownerId,
        kind: 'api',
        name: input.name,
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString()
      })
      return { ...toTokenView(issued.record, owner.role), token: issued.secret }
    },

    revoke (caller: Caller, id: string): void {
      const token = repository.findTokenById(id)
      // Someone else's token is as invisible as a missing one.
      if (token === undefined || (token.userId !== caller.userId && !isAdmin(caller))) throw new AppError('not_found', `No token with id ${id} is yours to revoke.`)
      repository.revokeToken(id, deps.clock().toISOString())
    }
  }
}
