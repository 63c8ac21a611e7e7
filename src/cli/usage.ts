import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ConfigError, parseConfig } from '../config.js'

/** Exit codes scripts can rely on; documented in `newsdesk --help` and the README. */
export const exitCodes = {
  ok: 0,
  /** The command ran and could not do it: a database that cannot be opened, a refused rule, a failed copy. */
  failure: 1,
  /** Bad usage: unknown command or option, a missing or invalid argument, an invalid environment variable. */
  usage: 2,
  /** What was to be created already exists (create-user with a registered email). */
  exists: 3,
  /** What the command names does not exist (create-token for an unknown user). */
  notFound: 4,
  /** Interrupted at a prompt with Ctrl-C, as shells report SIGINT. */
  interrupted: 130
} as const

export const exitCodeHelp = `Exit codes:
  0    success
  1    failure: the command could not do it (database unreadable, rule refused, copy failed)
  2    usage error: unknown command or option, missing or invalid argument or environment
  3    already exists (create-user: the email is registered)
  4    not found (create-token: no such user)
  130  interrupted at a prompt`

export class CliError extends Error {
  override name = 'CliError'
  constructor (message: string, readonly exitCode: number = exitCodes.failure) {
    super(message)
  }
}

export class UsageError extends CliError {
  override name = 'UsageError'
  constructor (message: string) {
    super(message, exitCodes.usage)
  }
}

export interface OutputStream {
  write: (chunk: string) => unknown
  isTTY?: boolean
  columns?: number
}

export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean
  setRawMode?: (mode: boolean) => unknown
}

/** Everything a command touches of the process, so the commands never reach for globals. */
export interface Io {
  stdout: OutputStream
  stderr: OutputStream
  stdin: InputStream
  env: Record<string, string | undefined>
}

export interface Command {
  name: string
  /** One line for the command list. */
  summary: string
  /** The whole --help text. */
  help: string
  run: (argv: string[], io: Io) => Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** node:util parseArgs, strict, with its errors turned into usage errors. */
export function parse<O extends Options> (argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true })
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(error.message)
    throw error
  }
}

export const databaseOption = { database: { type: 'string', short: 'd' }, help: { type: 'boolean', short: 'h' } } as const

export const databaseHelp = '  -d, --database <file>  the SQLite file (default: DATABASE_PATH, else ./data/newsdesk.db)\n  -h, --help             show this help'

/** The database file: --database, else the environment's DATABASE_PATH, validated like the server does. */
export function databasePath (option: string | undefined, env: Io['env']): string {
  if (option !== undefined) {
    if (option.trim() === '') throw new UsageError('--database needs a file name')
    return option
  }
  try {
    return parseConfig(env).databasePath
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}

export function required (value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`)
  return value
}
