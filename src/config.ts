import { z } from 'zod'

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'must be one of 1, 0, true, false, yes, no, on, off'
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value))

const commaList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0))

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/newsdesk.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').max(256).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  NEWSDESK_DEMO: booleanFlag.default(true),
  CORS_ORIGINS: commaList.default([]),
  CACHE_MAX_AGE: z.coerce.number().int().min(0).max(31_536_000).default(60),
  BODY_LIMIT: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  HEADER_LIMIT: z.coerce.number().int().min(4096).max(1024 * 1024).default(16 * 1024),
  JSON_MAX_DEPTH: z.coerce.number().int().min(2).max(1000).default(32),
  HSTS_MAX_AGE: z.coerce.number().int().min(0).max(63_072_000).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  OVERLOAD_MAX_HEAP_USED_MB: z.coerce.number().int().min(0).max(1_048_576).optional(),
  TRUST_PROXY: booleanFlag.default(false),
  CURSOR_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  REGISTRATION: z.enum(['open', 'closed']).default('open'),
  RESPONSE_VALIDATION: booleanFlag.optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  LOGIN_RATE_LIMIT_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  COMMENTS_AUTO_APPROVE: booleanFlag.default(false),
  COMMENT_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(5),
  IMPORT_BODY_LIMIT: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(128 * 1024 * 1024),
  IMPORT_MAX_ITEMS: z.coerce.number().int().min(1).max(200_000).default(20_000),
  WEBHOOK_DISPATCH: booleanFlag.default(true),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  WEBHOOKS_ALLOW_PRIVATE: booleanFlag.default(false)
}).superRefine((env, context) => {
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'],
      message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together'
    })
  }
  if (env.CORS_ORIGINS.includes('*') && env.CORS_ORIGINS.length > 1) {
    context.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: '"*" cannot be combined with other origins' })
  }
})

export interface Config {
  environment: 'development' | 'production' | 'test'
  port: number
  host: string
  databasePath: string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  admin: { email: string, password: string } | undefined
  adminToken: string | undefined
  demoContent: boolean
  corsOrigins: string[]
  cacheMaxAgeSeconds: number
  bodyLimitBytes: number
  /** Largest request line plus headers the HTTP parser accepts; beyond it a 431. */
  headerLimitBytes: number
  /** Deepest nesting of arrays and objects a JSON body may have; beyond it a 400 json_too_deep. */
  jsonMaxDepth: number
  /** Strict-Transport-Security max-age in seconds; 0 sends no HSTS (set it only when clients reach us over TLS). */
  hstsMaxAgeSeconds: number
  shutdownTimeoutMs: number
  /**
   * Load shedding thresholds (0 turns one off): mean event-loop delay, and V8 heap in use
   * (undefined: 90 % of the heap limit, decided where the process is known).
   */
  overload: { maxEventLoopDelayMs: number, maxHeapUsedMb: number | undefined }
  trustProxy: boolean
  cursorSecret: string | undefined
  registration: 'open' | 'closed'
  /** Check every response body against its schema (default: on, except in production). */
  validateResponses: boolean
  sessionTtlDays: number
  /** Sign-in attempts allowed per email, and per client address, in each window. */
  loginRateLimit: { perEmail: number, perAddress: number, windowSeconds: number }
  /** Registrations allowed per client address per hour. */
  registrationRateLimit: number
  /** New comments are approved at once instead of waiting for moderation. */
  commentsAutoApprove: boolean
  /** Comments one user may post per minute. */
  commentRateLimit: number
  /** POST /v1/import: the largest body in bytes, and the most items (lines) in one request. */
  importLimits: { bodyLimitBytes: number, maxItems: number }
  webhooks: WebhookSettings
}

export interface WebhookSettings {
  /** Run the delivery loop in this process (off: events are still recorded, another process delivers them). */
  dispatch: boolean
  /** First retry delay; each further retry doubles it (with jitter). */
  retryBaseMs: number
  /** How long one delivery attempt may take, response included. */
  timeoutMs: number
  /** Deliveries in flight at once. */
  concurrency: number
  /** Allow targets on loopback, private, link-local and other non-public addresses (tests, local development). */
  allowPrivate: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads the environment into a typed Config; throws a ConfigError naming the first bad variable. */
export function parseConfig (env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const result = environmentSchema.safeParse(present)
  if (!result.success) {
    const issue = result.error.issues[0]
    const variable = String(issue?.path[0] ?? 'environment')
    throw new ConfigError(`Invalid environment variable ${variable}: ${issue?.message ?? 'invalid value'}`)
  }
  const parsed = result.data
  return {
    environment: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    databasePath: parsed.DATABASE_PATH,
    logLevel: parsed.LOG_LEVEL,
    admin: parsed.ADMIN_EMAIL !== undefined && parsed.ADMIN_PASSWORD !== undefined
      ? { email: parsed.ADMIN_EMAIL, password: parsed.ADMIN_PASSWORD }
      : undefined,
    adminToken: parsed.ADMIN_TOKEN,
    demoContent: parsed.NEWSDESK_DEMO,
    corsOrigins: parsed.CORS_ORIGINS,
    cacheMaxAgeSeconds: parsed.CACHE_MAX_AGE,
    bodyLimitBytes: parsed.BODY_LIMIT,
    headerLimitBytes: parsed.HEADER_LIMIT,
    jsonMaxDepth: parsed.JSON_MAX_DEPTH,
    hstsMaxAgeSeconds: parsed.HSTS_MAX_AGE,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS,
    overload: { maxEventLoopDelayMs: parsed.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS, maxHeapUsedMb: parsed.OVERLOAD_MAX_HEAP_USED_MB },
    trustProxy: parsed.TRUST_PROXY,
    cursorSecret: parsed.CURSOR_SECRET,
    registration: parsed.REGISTRATION,
    validateResponses: parsed.RESPONSE_VALIDATION ?? parsed.NODE_ENV !== 'production',
    sessionTtlDays: parsed.SESSION_TTL_DAYS,
    loginRateLimit: { perEmail: parsed.LOGIN_RATE_LIMIT, perAddress: parsed.LOGIN_RATE_LIMIT_IP, windowSeconds: parsed.LOGIN_RATE_WINDOW_SECONDS },
    registrationRateLimit: parsed.REGISTRATION_RATE_LIMIT,
    commentsAutoApprove: parsed.COMMENTS_AUTO_APPROVE,
    commentRateLimit: parsed.COMMENT_RATE_LIMIT,
    importLimits: { bodyLimitBytes: parsed.IMPORT_BODY_LIMIT, maxItems: parsed.IMPORT_MAX_ITEMS },
    webhooks: {
      dispatch: parsed.WEBHOOK_DISPATCH,
      retryBaseMs: parsed.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: parsed.WEBHOOK_TIMEOUT_MS,
      concurrency: parsed.WEBHOOK_CONCURRENCY,
      allowPrivate: parsed.WEBHOOKS_ALLOW_PRIVATE
    }
  }
}
