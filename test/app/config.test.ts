import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { ConfigError, parseConfig } from '../../src/config.js'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

t.test('an empty environment gives the documented defaults', async (t) => {
  const config = parseConfig({})
  t.match(config, {
    environment: 'development',
    port: 3000,
    host: '127.0.0.1',
    databasePath: './data/newsdesk.db',
    logLevel: 'info',
    admin: undefined,
    adminToken: undefined,
    demoContent: true,
    corsOrigins: [],
    cacheMaxAgeSeconds: 60,
    bodyLimitBytes: 1024 * 1024,
    trustProxy: false,
    cursorSecret: undefined
  })
  t.same(config.corsOrigins, [])
})

t.test('webhook settings: defaults, and values read from the environment', async (t) => {
  t.same(parseConfig({}).webhooks, { dispatch: true, retryBaseMs: 10_000, timeoutMs: 5_000, concurrency: 4, allowPrivate: false }, 'private targets are refused by default')
  t.same(parseConfig({ WEBHOOK_DISPATCH: '0', WEBHOOK_RETRY_BASE_MS: '250', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_CONCURRENCY: '8', WEBHOOKS_ALLOW_PRIVATE: 'true' }).webhooks,
    { dispatch: false, retryBaseMs: 250, timeoutMs: 2000, concurrency: 8, allowPrivate: true })
})

t.test('empty strings count as unset', async (t) => {
  const config = parseConfig({ PORT: '', HOST: '', NEWSDESK_DEMO: '', ADMIN_EMAIL: '' })
  t.equal(config.port, 3000)
  t.equal(config.host, '127.0.0.1')
  t.equal(config.demoContent, true)
  t.equal(config.admin, undefined)
})

t.test('valid values are read and converted', async (t) => {
  const config = parseConfig({
    PORT: '8080',
    HOST: '0.0.0.0',
    DATABASE_PATH: '/tmp/newsdesk-test.db',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: 'Editor@Example.com',
    ADMIN_PASSWORD: 'correct horse battery',
    ADMIN_TOKEN: 'ndk_' + 'a'.repeat(40),
    CACHE_MAX_AGE: '300',
    BODY_LIMIT: '2048',
    TRUST_PROXY: 'yes'
  })
  t.equal(config.port, 8080)
  t.equal(config.host, '0.0.0.0')
  t.equal(config.databasePath, '/tmp/newsdesk-test.db')
  t.equal(config.logLevel, 'warn')
  t.same(config.admin, { email: 'Editor@Example.com', password: 'correct horse battery' })
  t.equal(config.adminToken, 'ndk_' + 'a'.repeat(40))
  t.equal(config.cacheMaxAgeSeconds, 300)
  t.equal(config.bodyLimitBytes, 2048)
  t.equal(config.trustProxy, true)
})

t.test('NEWSDESK_DEMO accepts the usual spellings of on and off', async (t) => {
  for (const value of ['0', 'false', 'no', 'off']) {
    t.equal(parseConfig({ NEWSDESK_DEMO: value }).demoContent, false, `NEWSDESK_DEMO=${value} turns demo content off`)
  }
  for (const value of ['1', 'true', 'yes', 'on']) {
    t.equal(parseConfig({ NEWSDESK_DEMO: value }).demoContent, true, `NEWSDESK_DEMO=${value} keeps demo content on`)
  }
})

t.test('CORS_ORIGINS is a comma-separated list, trimmed, without empty entries', async (t) => {
  t.same(parseConfig({ CORS_ORIGINS: 'https://a.example' }).corsOrigins, ['https://a.example'])
  t.same(parseConfig({ CORS_ORIGINS: ' https://a.example , https://b.example,, ' }).corsOrigins, ['https://a.example', 'https://b.example'])
  t.same(parseConfig({ CORS_ORIGINS: '*' }).corsOrigins, ['*'])
})

function configErrorFor (env: Record<string, string>): ConfigError | undefined {
  try {
    parseConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  return undefined
}

t.test('each bad value throws a ConfigError whose one-line message names the variable', async (t) => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['PORT not a number', { PORT: 'abc' }, ['PORT']],
    ['PORT out of range', { PORT: '70000' }, ['PORT']],
    ['PORT negative', { PORT: '-1' }, ['PORT']],
    ['unknown LOG_LEVEL', { LOG_LEVEL: 'loud' }, ['LOG_LEVEL']],
    ['ADMIN_EMAIL not an email', { ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long enough password' }, ['ADMIN_EMAIL']],
    ['ADMIN_PASSWORD too short', { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'short' }, ['ADMIN_PASSWORD']],
    ['ADMIN_TOKEN shorter than 32', { ADMIN_TOKEN: 'x'.repeat(31) }, ['ADMIN_TOKEN']],
    ['ADMIN_TOKEN with a space', { ADMIN_TOKEN: 'ndk_' + 'a'.repeat(20) + ' ' + 'b'.repeat(20) }, ['ADMIN_TOKEN']],
    ['ADMIN_EMAIL without ADMIN_PASSWORD', { ADMIN_EMAIL: 'admin@example.com' }, ['ADMIN_EMAIL', 'ADMIN_PASSWORD']],
    ['ADMIN_PASSWORD without ADMIN_EMAIL', { ADMIN_PASSWORD: 'long enough password' }, ['ADMIN_EMAIL', 'ADMIN_PASSWORD']],
    ['NEWSDESK_DEMO not a flag', { NEWSDESK_DEMO: 'maybe' }, ['NEWSDESK_DEMO']],
    ['CORS_ORIGINS mixing * with others', { CORS_ORIGINS: '*,https://a.example' }, ['CORS_ORIGINS']],
    ['BODY_LIMIT too small', { BODY_LIMIT: '10' }, ['BODY_LIMIT']],
    ['CACHE_MAX_AGE not an integer', { CACHE_MAX_AGE: '1.5' }, ['CACHE_MAX_AGE']],
    ['unknown NODE_ENV', { NODE_ENV: 'staging' }, ['NODE_ENV']],
    ['WEBHOOK_RETRY_BASE_MS zero', { WEBHOOK_RETRY_BASE_MS: '0' }, ['WEBHOOK_RETRY_BASE_MS']],
    ['WEBHOOK_TIMEOUT_MS too short', { WEBHOOK_TIMEOUT_MS: '50' }, ['WEBHOOK_TIMEOUT_MS']],
    ['WEBHOOK_CONCURRENCY too high', { WEBHOOK_CONCURRENCY: '65' }, ['WEBHOOK_CONCURRENCY']],
    ['WEBHOOKS_ALLOW_PRIVATE not a flag', { WEBHOOKS_ALLOW_PRIVATE: 'sometimes' }, ['WEBHOOKS_ALLOW_PRIVATE']],
    ['WEBHOOK_DISPATCH not a flag', { WEBHOOK_DISPATCH: '2' }, ['WEBHOOK_DISPATCH']]
  ]
  for (const [name, env, variables] of cases) {
    const error = configErrorFor(env)
    if (error === undefined) {
      t.fail(`${name}: throws a ConfigError`)
      continue
    }
    t.equal(error.name, 'ConfigError', `${name}: error name`)
    t.notMatch(error.message, /\n/, `${name}: message is one line`)
    for (const variable of variables) {
      t.match(error.message, variable, `${name}: message names ${variable} (got "${error.message}")`)
    }
  }
})

t.test('a rejected secret is not repeated in the message', async (t) => {
  const password = configErrorFor({ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'Hunter2!' })
  t.ok(password, 'short password rejected')
  t.notMatch(password?.message ?? '', 'Hunter2!')
  const token = configErrorFor({ ADMIN_TOKEN: 'tooShortSecretValue' })
  t.ok(token, 'short token rejected')
  t.notMatch(token?.message ?? '', 'tooShortSecretValue')
})

interface ChildResult {
  code: number | null
  stdout: string
  stderr: string
}

function runServer (env: Record<string, string>): Promise<ChildResult> {
  return new Promise((resolve) => {
    const childEnv: Record<string, string> = { ...env }
    if (process.env.PATH !== undefined) childEnv.PATH = process.env.PATH
    if (process.env.HOME !== undefined) childEnv.HOME = process.env.HOME
    execFile('npx', ['tsx', 'src/server.ts'], { cwd: projectRoot, env: childEnv, timeout: 60_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null
      resolve({ code, stdout, stderr })
    })
  })
}

t.test('the server entry exits 1 with one line on stderr naming the bad variable', async (t) => {
  const result = await runServer({ PORT: 'abc', DATABASE_PATH: ':memory:' })
  t.equal(result.code, 1, 'exit code 1')
  const lines = result.stderr.split('\n').filter((line) => line.trim().length > 0)
  t.equal(lines.length, 1, `one line on stderr (got ${JSON.stringify(result.stderr)})`)
  t.match(lines[0] ?? '', /PORT/)
  t.notMatch(result.stderr, /\bat .*\(.*:\d+:\d+\)/, 'no stack trace')
  t.equal(result.stdout, '', 'nothing on stdout')
})
