import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import cors from '@fastify/cors'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { systemHostLookup, type HostLookup } from './lib/addresses.js'
import { systemClock, type Clock } from './lib/clock.js'
import { createRequestIdGenerator } from './lib/ids.js'
import { createCursorCodec } from './lib/cursor.js'
import { createSettingsStore } from './db/settings.js'
import { createSealedBox } from './lib/sealed-box.js'
import { createAccountsService } from './modules/accounts/accounts.service.js'
import type { ModuleDeps } from './modules/deps.js'
import { modules } from './modules/index.js'
import { createWebhookDispatcher, type DispatcherTimers, type WebhookDispatcher } from './modules/webhooks/dispatcher.service.js'
import type { WebhookSender } from './modules/webhooks/webhooks.transport.js'
import access from './plugins/access.js'
import { createClientErrorHandler, createFrameworkErrorHandler } from './plugins/framework-errors.js'
import httpCaching from './plugins/http-caching.js'
import idempotency, { replayedHeader } from './plugins/idempotency.js'
import metrics from './plugins/metrics.js'
import jsonBody from './plugins/json-body.js'
import openApi, { docsPrefix } from './plugins/openapi.js'
import overload from './plugins/overload.js'
import problems from './plugins/problems.js'
import { createResponseSerializerCompiler } from './plugins/response-serializer.js'
import securityHeaders, { docsContentSecurityPolicy, staticSecurityHeaders } from './plugins/security-headers.js'
import { projectRoot } from './project-root.js'

export interface BuildAppOptions {
  config: Config
  database: Database
  clock?: Clock
  /** Overrides the pino logger settings (tests capture output through this). */
  logger?: FastifyServerOptions['logger']
  /** What webhook delivery talks to: DNS, the network, timers, jitter. Tests substitute parts. */
  webhooks?: {
    lookupHost?: HostLookup
    send?: WebhookSender
    timers?: DispatcherTimers
    random?: () => number
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Delivers the webhook outbox; runs from ready to close unless WEBHOOK_DISPATCH=0. */
    webhookDispatcher: WebhookDispatcher
  }
}

const packageVersion = (JSON.parse(readFileSync(new URL('package.json', projectRoot), 'utf8')) as { version: string }).version

/** Secrets and tokens never reach the logs, whatever level is set. */
export const logRedactions = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.password', '*.token', '*.secret']

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>

/** Fastify types its compiler factories for Ajv's JSON schemas; every route schema here is a zod type, which these compilers take. */
function zodCompilersFactory (serializerCompiler: ReturnType<typeof createResponseSerializerCompiler>): CompilersFactory {
  type Validator = ReturnType<NonNullable<CompilersFactory['buildValidator']>>
  type Serializer = ReturnType<NonNullable<CompilersFactory['buildSerializer']>>
  return {
    buildValidator: () => validatorCompiler as unknown as Validator,
    buildSerializer: () => serializerCompiler as unknown as Serializer
  }
}

export async function buildApp (options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options
  const clock = options.clock ?? systemClock
  const headerOptions = { hstsMaxAgeSeconds: config.hstsMaxAgeSeconds }
  const fixedHeaders = staticSecurityHeaders(headerOptions)
  const maxParamLength = 500
  const newRequestId = createRequestIdGenerator()
  const serializerCompiler = createResponseSerializerCompiler(config.validateResponses)
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: { paths: logRedactions, censor: '[redacted]' } },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // A client's X-Request-Id is kept when it is short and plain, so logs can be joined across systems.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : newRequestId()
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength },
    return503OnClosing: true,
    // Limits and refusals that happen before routing still answer problem+json.
    http: { maxHeaderSize: config.headerLimitBytes },
    frameworkErrors: createFrameworkErrorHandler(fixedHeaders, maxParamLength),
    clientErrorHandler: createClientErrorHandler(fixedHeaders),
    // The zod validator and our serializer from the start: without factories, Fastify loads its
    // Ajv and fast-json-stringify compilers (~55-65 ms of start-up) only to have them replaced.
    schemaController: { compilersFactory: zodCompilersFactory(serializerCompiler) }
  }).withTypeProvider<ZodTypeProvider>()

  // JSON only: without this, a text/plain body would be parsed as a string and fail validation with 400, not 415.
  app.removeContentTypeParser('text/plain')

  // While closing, answer in-flight requests with Connection: close so their keep-alive
  // sockets end after the response and shutdown does not wait for idle clients.
  // Background workers stop in onClose hooks: Fastify runs those once in-flight requests
  // have finished, and server.ts closes the database only after them.
  let closing = false
  app.addHook('preClose', async () => { closing = true })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close')
    return payload
  })

  const settings = createSettingsStore(database.db)
  const cursorSecret = config.cursorSecret ?? settings.getOrCreate('cursor_secret', () => randomBytes(32).toString('base64url'))
  // Stored Idempotency-Key responses are sealed with this key: some carry session or API tokens.
  const idempotencyBox = createSealedBox(Buffer.from(settings.getOrCreate('idempotency_encryption_key', () => randomBytes(32).toString('base64')), 'base64'))
  const lookupHost = options.webhooks?.lookupHost ?? systemHostLookup
  const deps: ModuleDeps = { config, db: database.db, clock, cursors: createCursorCodec(cursorSecret), lookupHost }
  const accounts = createAccountsService({
    db: database.db,
    clock,
    config,
    onTouchFailed: (error) => { app.log.warn({ err: error }, 'could not record a token\'s last use; the request goes on') }
  })

  await app.register(problems)
  await app.register(metrics)
  await app.register(overload, {
    maxEventLoopDelayMs: config.overload.maxEventLoopDelayMs,
    maxHeapUsedBytes: config.overload.maxHeapUsedMb === undefined
      ? Math.floor(getHeapStatistics().heap_size_limit * 0.9)
      : config.overload.maxHeapUsedMb * 1_048_576
  })
  await app.register(securityHeaders, headerOptions)
  await app.register(jsonBody, { maxDepth: config.jsonMaxDepth })
  await app.register(cors, {
    origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins,
    credentials: false,
    exposedHeaders: ['etag', 'location', 'x-request-id', 'retry-after', replayedHeader],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key', 'x-request-id'],
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    // A bare OPTIONS (no Origin) gets the same 204 as a preflight, not a text/plain 400.
    strictPreflight: false
  })
  await app.register(access, {
    authenticate: (secret) => accounts.authenticate(secret),
    isExempt: (url) => url === docsPrefix || url.startsWith(`${docsPrefix}/`)
  })
  await app.register(idempotency, { db: database.db, clock, box: idempotencyBox })
  await app.register(httpCaching, { maxAgeSeconds: config.cacheMaxAgeSeconds })
  await app.register(openApi, { version: packageVersion, contentSecurityPolicy: docsContentSecurityPolicy(headerOptions) })

  for (const module of modules) {
    await app.register(module.routes, { ...deps, prefix: module.prefix })
  }

  // Off the request path: a write only inserts its outbox event; this fans events out and delivers them.
  const dispatcher = createWebhookDispatcher({
    ...deps,
    settings: config.webhooks,
    userAgent: `newsdesk-webhooks/${packageVersion}`,
    log: app.log,
    send: options.webhooks?.send,
    timers: options.webhooks?.timers,
    random: options.webhooks?.random
  })
  app.decorate('webhookDispatcher', dispatcher)
  app.addHook('onReady', async () => { if (config.webhooks.dispatch) dispatcher.start() })
  app.addHook('preClose', async () => { await dispatcher.stop() })
  return app
}
