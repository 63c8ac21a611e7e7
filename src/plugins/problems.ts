import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { storageFailureOf, type StorageFailure } from '../db/errors.js'
import { AppError, problemBody, type ErrorCode, type FieldError } from '../errors.js'

const readOnlyFields = new Set(['id', 'version', 'createdAt', 'updatedAt'])

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported_media_type'
}

const statusCodes: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable'
}

/**
 * What each storage failure tells the client. Writes fail; reads go on working (nothing a
 * read does needs to write), so the message says so and Retry-After paces the retries.
 */
const storageProblems: Record<StorageFailure, { code: ErrorCode, detail: string, retryAfterSeconds: number }> = {
  full: { code: 'storage_unavailable', detail: 'The database disk is full, so changes cannot be saved; reads still work. Nothing from this request was written.', retryAfterSeconds: 60 },
  'read-only': { code: 'storage_unavailable', detail: 'The database is read-only at the moment, so changes cannot be saved; reads still work. Nothing from this request was written.', retryAfterSeconds: 60 },
  io: { code: 'storage_unavailable', detail: 'The database could not access its storage; if this persists, an operator must check the disk.', retryAfterSeconds: 30 },
  busy: { code: 'service_unavailable', detail: 'The database is busy with other writes; try again shortly.', retryAfterSeconds: 1 }
}

function validationErrors (error: FastifyError & { validationContext?: string }): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) {
    return (error.validation ?? []).map((entry) => ({ path: `${error.validationContext ?? 'request'}${entry.instancePath}`, message: entry.message ?? 'is invalid' }))
  }
  const context = error.validationContext ?? 'request'
  return error.validation.flatMap((entry): FieldError[] => {
    const base = `${context}${entry.instancePath === '/' ? '' : entry.instancePath}`
    const keys = (entry.params as { keys?: unknown }).keys
    if (entry.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      return keys.map((key) => ({
        path: `${base}/${String(key)}`,
        message: readOnlyFields.has(String(key)) ? `"${String(key)}" is read-only and cannot be sent` : `"${String(key)}" is not a known field`
      }))
    }
    return [{ path: base, message: entry.message ?? 'is invalid' }]
  })
}

function toAppError (thrown: unknown): AppError | undefined {
  if (thrown instanceof AppError) return thrown
  if (!(thrown instanceof Error)) return undefined
  const error = thrown as FastifyError & { validationContext?: string }
  if (Array.isArray(error.validation)) {
    const errors = validationErrors(error)
    return new AppError('validation_failed', errors.map((entry) => `${entry.path}: ${entry.message}`).join('; '), { errors })
  }
  const mapped = fastifyCodes[error.code]
  if (mapped !== undefined) return new AppError(mapped, error.message)
  const storage = storageFailureOf(error)
  if (storage !== undefined) {
    const { code, detail, retryAfterSeconds } = storageProblems[storage]
    return new AppError(code, detail, { headers: { 'retry-after': String(retryAfterSeconds) } })
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500
  const code = statusCodes[status]
  if (code !== undefined && status < 500) return new AppError(code, error.message)
  return undefined
}

export function sendProblem (request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const problem = problemBody(error, { instance: request.url.split('?')[0], requestId: request.id })
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
  return reply
    .code(error.status)
    .type('application/problem+json')
    .header('cache-control', 'no-store')
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(problem)
}

async function problemsPlugin (app: FastifyInstance): Promise<void> {
  app.setErrorHandler<FastifyError>((thrown, request, reply) => {
    const known = toAppError(thrown)
    if (known !== undefined) {
      if (known.status >= 500) request.log.warn({ err: thrown }, known.message)
      return sendProblem(request, reply, known)
    }
    request.log.error({ err: thrown }, 'request failed')
    return sendProblem(request, reply, new AppError('internal_error', `An unexpected error occurred. Quote request id ${request.id} when reporting it.`))
  })

  // Every route's path as a pattern, so a request for a known path with another method is a
  // 405 with Allow (RFC 9110), not a 404 that would send the client looking for a typo.
  const routePatterns: Array<{ pattern: RegExp, methods: string[] }> = []
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return
    const pattern = new RegExp(`^${route.url.split('/').map((part) => part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('/')}/?$`)
    routePatterns.push({ pattern, methods: [route.method].flat() })
  })

  function notFound (request: FastifyRequest): AppError {
    const path = request.url.split('?')[0] ?? ''
    const allowed = [...new Set(routePatterns.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods))].sort()
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return new AppError('method_not_allowed', `${path} answers ${allowed.join(', ')}, not ${request.method}.`, { headers: { allow: allowed.join(', ') } })
    }
    return new AppError('route_not_found', `No endpoint answers ${request.method} ${path}.`)
  }

  // An unknown endpoint is answered before its body is read: no parsing, no 413 or 415 for it.
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (request.is404) throw notFound(request)
    return payload
  })
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, notFound(request)))
}

export default fp(problemsPlugin, { name: 'problems', fastify: '5.x' })
