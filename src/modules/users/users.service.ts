import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { Caller, Role } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import type { Page } from '../../schemas/pagination.js'
import { createAccountsRepository, type CreatedPosition, type UserRecord } from '../accounts/accounts.repository.js'
import { checkPasswordRules, createAccountsService, hashPassword, toUserView, type UserView } from '../accounts/accounts.service.js'

export interface UsersServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

export interface UserChanges {
  displayName?: string | undefined
  role?: Role | undefined
  disabled?: boolean | undefined
  password?: string | undefined
}

export function decodeCreatedCursor (cursors: CursorCodec, cursor: string, kind: string): CreatedPosition {
  const [cursorKind, createdAt, id] = cursors.decode(cursor)
  if (cursorKind !== kind || typeof createdAt !== 'string' || typeof id !== 'string') {
    throw new AppError('invalid_cursor', `This cursor does not belong to the ${kind} list.`, { errors: [{ path: 'querystring/cursor', message: `not a ${kind} cursor` }] })
  }
  return [createdAt, id]
}

export function pageOf<T extends { createdAt: string, id: string }> (rows: T[], limit: number, cursors: CursorCodec, kind: string): { rows: T[], page: Page } {
  const pageRows = rows.slice(0, limit)
  const last = pageRows.at(-1)
  const nextCursor = rows.length > limit && last !== undefined ? cursors.encode([kind, last.createdAt, last.id]) : null
  return { rows: pageRows, page: { limit, nextCursor } }
}

export function createUsersService (deps: UsersServiceDeps) {
  const repository = createAccountsRepository(deps.db)
  const accounts = createAccountsService({ db: deps.db, clock: deps.clock })

  function find (id: string): UserRecord {
    const user = repository.findUserById(id)
    if (user === undefined) throw new AppError('not_found', `No user has id ${id}.`)
    return user
  }

  function checkExpected (user: UserRecord, expected: readonly number[] | undefined): void {
    if (expected !== undefined && !expected.includes(user.version)) {
      throw new AppError('precondition_failed', `The user is at version ${user.version}; re-read it and apply your change again.`, { extensions: { currentVersion: user.version } })
    }
  }

  /** An admin who is active now and would not be after the change must not be the last one. */
  function protectLastAdmin (user: UserRecord, remainsActiveAdmin: boolean): void {
    if (user.role === 'admin' && user.disabledAt === null && !remainsActiveAdmin && repository.countActiveAdmins() <= 1) {
      throw new AppError('last_admin', 'This is the last active admin; make someone else an admin first.')
    }
  }

  return {
    list (role: Role | undefined, limit: number, cursor: string | undefined): { data: UserView[], page: Page } {
      const after = cursor === undefined ? undefined : decodeCreatedCursor(deps.cursors, cursor, 'user')
      const { rows, page } = pageOf(repository.listUsers(role, after, limit + 1), limit, deps.cursors, 'user')
      return { data: rows.map(toUserView), page }
    },

    get: (id: string): UserView => toUserView(find(id)),

    async create (input: { email: string, password: string, displayName: string, role: Role }): Promise<UserView> {
      return toUserView(await accounts.createUser(input))
    },

    async update (id: string, changes: UserChanges, expected: readonly number[] | undefined): Promise<UserView> {
      const before = find(id)
      if (changes.password !== undefined) checkPasswordRules(changes.password, before.email)
      // Hash outside the transaction: scrypt is slow and must not hold the write lock.
      const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password)
      const now = deps.clock().toISOString()
      return repository.transaction(() => {
        const user = find(id)
        checkExpected(user, expected)
        const role = changes.role ?? user.role
        const disabled = changes.disabled ?? user.disabledAt !== null
        protectLastAdmin(user, role === 'admin' && !disabled)
        const next: UserRecord = {
          ...user,
          displayName: changes.displayName ?? user.displayName,
          role,
          disabledAt: disabled ? (user.disabledAt ?? now) : null,
          passwordHash: passwordHash ?? user.passwordHash,
          updatedAt: now,
          version: user.version + 1
        }
        if (!repository.updateUser(id, user.version, next)) throw new AppError('precondition_failed', 'The user changed while this request ran; re-read it and try again.')
        return toUserView(next)
      })
    },

    delete (id: string, caller: Caller, expected: readonly number[] | undefined): void {
      repository.transaction(() => {
        const user = find(id)
        checkExpected(user, expected)
        protectLastAdmin(user, false)
        if (user.id === caller.userId && user.role === 'admin' && repository.countActiveAdmins() <= 1) {
          throw new AppError('last_admin', 'You are the last active admin.')
        }
        repository.deleteUser(id)
      })
    }
  }
}
