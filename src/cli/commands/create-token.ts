import { roleScopes, scopes, type Scope } from '../../lib/access.js'
import { systemClock } from '../../lib/clock.js'
import { createCursorCodec } from '../../lib/cursor.js'
import { createAccountsService } from '../../modules/accounts/accounts.service.js'
import { createTokensService } from '../../modules/tokens/tokens.service.js'
import { CliError, databaseHelp, databaseOption, databasePath, exitCodes, parse, required, UsageError, type Command } from '../usage.js'
import { openMigrated } from './database.js'

const help = `Usage: newsdesk create-token (--email <address> | --user <id>) --name <name> --scopes <list> [options]

Creates an API token (ndk_…) for a user and prints its secret, alone on standard output, so
  TOKEN=$(newsdesk create-token --email ops@example.com --name deploy --scopes content:read)
works. Only its hash is stored: the secret cannot be shown again. Details go to standard error.

Options:
  --email <address>        the owner, by email
  --user <id>              the owner, by id
  --name <name>            what the token is for, shown in GET /v1/tokens
  --scopes <list>          comma-separated: ${scopes.join(', ')}
                           (never more than the owner's role allows)
  --expires <time>         when it stops working: an RFC 3339 time or a date (YYYY-MM-DD, midnight UTC)
  --expires-in-days <n>    or: that many days from now
                           (with neither, the token never expires; revoke it with DELETE /v1/tokens/{id})
  --json                   print the token as JSON (its "token" member is the secret)
${databaseHelp}

An unknown owner exits with 4; scopes beyond the owner's role exit with 1.
`

const options = {
  ...databaseOption,
  email: { type: 'string' },
  user: { type: 'string' },
  name: { type: 'string' },
  scopes: { type: 'string' },
  expires: { type: 'string' },
  'expires-in-days': { type: 'string' },
  json: { type: 'boolean' }
} as const

function parseScopes (list: string): Scope[] {
  const items = list.split(',').map((item) => item.trim()).filter((item) => item.length > 0)
  const unknown = items.filter((item) => !(scopes as readonly string[]).includes(item))
  if (items.length === 0) throw new UsageError('--scopes needs at least one scope')
  if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.join(', ')}; scopes are ${scopes.join(', ')}`)
  return items as Scope[]
}

function parseExpiry (expires: string | undefined, inDays: string | undefined, now: Date): string | undefined {
  if (expires !== undefined && inDays !== undefined) throw new UsageError('use --expires or --expires-in-days, not both')
  if (inDays !== undefined) {
    if (!/^\d{1,5}$/.test(inDays) || Number(inDays) < 1) throw new UsageError('--expires-in-days must be a whole number of days, at least 1')
    return new Date(now.getTime() + Number(inDays) * 86_400_000).toISOString()
  }
  if (expires === undefined) return undefined
  const text = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? `${expires}T00:00:00Z` : expires
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new UsageError('--expires must be an RFC 3339 time such as 2027-06-01T00:00:00Z, or a date such as 2027-06-01')
  }
  return new Date(text).toISOString()
}

export const createTokenCommand: Command = {
  name: 'create-token',
  summary: 'create an API token for a user and print its secret',
  help,
  async run (argv, io) {
    const { values } = parse(argv, options)
    if (values.help === true) { io.stdout.write(help); return exitCodes.ok }
    if ((values.email === undefined) === (values.user === undefined)) throw new UsageError('name the owner with --email or --user (one of them)')
    const name = required(values.name, 'name').trim()
    if (name.length > 100) throw new UsageError('--name must be at most 100 characters')
    const wanted = parseScopes(required(values.scopes, 'scopes'))
    const expiresAt = parseExpiry(values.expires, values['expires-in-days'], systemClock())
    const file = databasePath(values.database, io.env)

    const database = openMigrated(file)
    try {
      const accounts = createAccountsService({ db: database.db, clock: systemClock })
      const owner = accounts.findUser(values.email !== undefined ? { email: values.email } : { id: values.user ?? '' })
      if (owner === undefined) throw new CliError(`no user ${values.email ?? values.user ?? ''}`, exitCodes.notFound)
      // An operator with the database file acts as the owner, with everything the owner's role allows;
      // the tokens service applies the same rules as POST /v1/tokens.
      const asOwner = { userId: owner.id, role: owner.role, scopes: roleScopes[owner.role], tokenId: 'newsdesk-cli', tokenKind: 'api' as const }
      const tokens = createTokensService({ db: database.db, clock: systemClock, cursors: createCursorCodec('newsdesk-cli') })
      const token = tokens.create(asOwner, { name, scopes: wanted, expiresAt })
      if (values.json === true) {
        io.stdout.write(`${JSON.stringify(token, null, 2)}\n`)
      } else {
        io.stdout.write(`${token.token}\n`)
        io.stderr.write(`created token "${token.name}" (id ${token.id}) for ${owner.email} with ${token.scopes.join(', ')}; ${token.expiresAt === null ? 'it never expires' : `it expires ${token.expiresAt}`}. The secret above is shown only now.\n`)
      }
    } finally {
      database.close()
    }
    return exitCodes.ok
  }
}
