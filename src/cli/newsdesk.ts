#!/usr/bin/env node
import { readFileSync } from 'node:fs'
import { AppError } from '../errors.js'
import { backupCommand } from './commands/backup.js'
import { createTokenCommand } from './commands/create-token.js'
import { createUserCommand } from './commands/create-user.js'
import { migrateCommand } from './commands/migrate.js'
import { serveCommand } from './commands/serve.js'
import { CliError, exitCodeHelp, exitCodes, UsageError, type Command, type Io } from './usage.js'

const commands: readonly Command[] = [serveCommand, migrateCommand, createUserCommand, createTokenCommand, backupCommand]

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

const globalHelp = `newsdesk ${version}: run and administer a newsdesk API server.

Usage: newsdesk <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(14)} ${command.summary}`).join('\n')}

Run "newsdesk <command> --help" for a command's options. Commands read the same environment
as the server (DATABASE_PATH above all; see the README); --database overrides it.

Options:
  -h, --help      show this help
  -v, --version   print the version

${exitCodeHelp}
`

/** Services speak in catalogued errors; a command line speaks in exit codes. */
function fromServiceError (error: unknown): unknown {
  if (!(error instanceof AppError)) return error
  if (error.code === 'validation_failed') return new UsageError(error.message)
  if (error.code === 'email_taken') return new CliError(error.message, exitCodes.exists)
  if (error.code === 'not_found') return new CliError(error.message, exitCodes.notFound)
  return new CliError(error.message, exitCodes.failure)
}

export async function main (argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === '-h' || name === '--help' || name === 'help') {
    const topic = commands.find((command) => command.name === rest[0])
    io.stdout.write(topic?.help ?? globalHelp)
    return exitCodes.ok
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write(`${version}\n`)
    return exitCodes.ok
  }
  const command = commands.find((candidate) => candidate.name === name)
  if (command === undefined) {
    io.stderr.write(`${name === undefined ? 'newsdesk: name a command' : `newsdesk: unknown command "${name}"`}\n\n${globalHelp}`)
    return exitCodes.usage
  }
  try {
    return await command.run(rest, io)
  } catch (thrown) {
    const error = fromServiceError(thrown)
    if (!(error instanceof CliError)) throw error
    io.stderr.write(`newsdesk ${command.name}: ${error.message}\n`)
    if (error instanceof UsageError) io.stderr.write(`Run "newsdesk ${command.name} --help" for its options.\n`)
    return error.exitCode
  }
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env })
  .then((code) => { process.exitCode = code })
  .catch((error: unknown) => {
    process.stderr.write(`newsdesk: unexpected failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    process.exitCode = exitCodes.failure
  })
