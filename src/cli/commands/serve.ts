import { ConfigError, parseConfig } from '../../config.js'
import { exitCodes, parse, UsageError, type Command } from '../usage.js'

const help = `Usage: newsdesk serve [options]

Starts the API server (as npm start does): migrates the database, listens, serves /docs,
and on SIGTERM or SIGINT finishes in-flight requests and exits 0. Every setting comes from
the environment (see the README); these options override the matching variables.

Options:
  -p, --port <port>      PORT (default 3000)
      --host <address>   HOST (default 127.0.0.1)
  -d, --database <file>  DATABASE_PATH (default ./data/newsdesk.db)
  -h, --help             show this help

The server exits 1 when it cannot start (the port is taken, the database cannot be opened).
`

const options = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  database: { type: 'string', short: 'd' },
  help: { type: 'boolean', short: 'h' }
} as const

export const serveCommand: Command = {
  name: 'serve',
  summary: 'start the API server',
  help,
  async run (argv, io) {
    const { values } = parse(argv, options)
    if (values.help === true) { io.stdout.write(help); return exitCodes.ok }
    const overrides = {
      ...(values.port === undefined ? {} : { PORT: values.port }),
      ...(values.host === undefined ? {} : { HOST: values.host }),
      ...(values.database === undefined ? {} : { DATABASE_PATH: values.database })
    }
    Object.assign(io.env, overrides)
    try {
      parseConfig(io.env)
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message)
      throw error
    }
    // The server entry reads the environment itself and owns the process from here: it exits
    // on its own when it stops, so this command's promise never settles.
    await import('../../server.js')
    return new Promise<number>(() => undefined)
  }
}
