import { randomBytes } from 'node:crypto'
import { roles, type Role } from '../../lib/access.js'
import { systemClock } from '../../lib/clock.js'
import { checkPasswordRules, createAccountsService, toUserView } from '../../modules/accounts/accounts.service.js'
import { UserCreateSchema } from '../../modules/users/users.schemas.js'
import { promptHidden, readFirstLine } from '../prompt.js'
import { databaseHelp, databaseOption, databasePath, exitCodes, parse, required, UsageError, type Command, type Io } from '../usage.js'
import { openMigrated } from './database.js'

const help = `Usage: newsdesk create-user --email <address> --role <role> [options]

Creates an account that signs in with POST /v1/auth/login (and in Swagger UI at /docs).

Options:
  --email <address>      the sign-in email (stored lower-case)
  --role <role>          ${roles.join(', ')}
  --name <display name>  shown on comments and in the users list (default: from the email)
  --password <password>  the password; visible to other users of this machine in the process list,
                         so prefer one of:
  --password-stdin       read the password from the first line of standard input
                         (with neither: asked for twice on a terminal; generated and printed
                         once when standard input is not a terminal)
  --json                 print the account as JSON (with "password" when one was generated)
${databaseHelp}

Passwords need 10 or more characters and must not be the email. An email already registered
exits with 3, so provisioning scripts can run this again safely.
`

const options = {
  ...databaseOption,
  email: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' }
} as const

const flagOf: Record<string, string> = { email: '--email', password: '--password', displayName: '--name', role: '--role' }

/** "priya.raman@…" → "Priya Raman". */
function nameFromEmail (email: string): string {
  const local = email.split('@')[0] ?? email
  const words = local.split(/[._+-]+/).filter((word) => word.length > 0)
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ') || local
}

async function choosePassword (io: Io, given: string | undefined, fromStdin: boolean): Promise<{ password: string, generated: boolean }> {
  if (given !== undefined && fromStdin) throw new UsageError('use --password or --password-stdin, not both')
  if (given !== undefined) return { password: given, generated: false }
  if (fromStdin) return { password: await readFirstLine(io), generated: false }
  if (io.stdin.isTTY === true) {
    const password = await promptHidden(io, 'Password: ')
    if (await promptHidden(io, 'Again: ') !== password) throw new UsageError('the two passwords differ')
    return { password, generated: false }
  }
  return { password: randomBytes(18).toString('base64url'), generated: true }
}

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'create an account (editor, author, admin or member)',
  help,
  async run (argv, io) {
    const { values } = parse(argv, options)
    if (values.help === true) { io.stdout.write(help); return exitCodes.ok }
    const email = required(values.email, 'email')
    const role = required(values.role, 'role')
    if (!(roles as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`)
    const file = databasePath(values.database, io.env)
    const { password, generated } = await choosePassword(io, values.password, values['password-stdin'] === true)

    // The same contract the API's POST /v1/users checks.
    const checked = UserCreateSchema.safeParse({ email, password, displayName: values.name ?? nameFromEmail(email), role })
    if (!checked.success) {
      throw new UsageError(checked.error.issues.map((issue) => `${flagOf[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message}`).join('; '))
    }

    checkPasswordRules(checked.data.password, checked.data.email)

    const database = openMigrated(file)
    try {
      const accounts = createAccountsService({ db: database.db, clock: systemClock })
      const user = toUserView(await accounts.createUser({ ...checked.data, role: checked.data.role as Role }))
      if (values.json === true) {
        io.stdout.write(`${JSON.stringify(generated ? { user, password } : { user }, null, 2)}\n`)
      } else {
        io.stdout.write(`created ${user.role} ${user.email} (${user.displayName}), id ${user.id}\n`)
        if (generated) io.stdout.write(`password: ${password}\n(shown only now: hand it over safely; it can be changed with PATCH /v1/users/{id})\n`)
      }
    } finally {
      database.close()
    }
    return exitCodes.ok
  }
}
