import { barrierArticle, ids, requestId } from './fixtures.js'
import { overloadRetryAfterSeconds } from '../../plugins/overload.js'
import { invalid, problem, type ProblemExample } from './problem.js'

interface OperationShape {
  requestBody?: unknown
  parameters?: Array<{ in?: string, name?: string }>
  'x-access'?: { scope?: string }
}

/** A concrete request path for a path template: ids, slugs and versions from the examples' newsroom. */
export function concretePath (template: string): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (name === 'slug') return barrierArticle.slug
    if (name === 'version') return '2'
    if (name === 'sourceId') return ids.minutes
    if (name === 'relatedId') return ids.tideTables
    return ids.barrier
  })
}

/** The body a load-shedding 503 has (src/plugins/overload.ts): sent before authentication, on any operation that is not exempt. */
const overloaded = (path: string): ProblemExample => problem('The server is shedding load', 'overloaded', path,
  `The server is too busy to take this request; retry after ${overloadRetryAfterSeconds} seconds.`)

/** The bodies of the storage 503s (src/plugins/problems.ts): a write meets a full or read-only disk, a read a failing one. */
const storageFailures = (path: string, method: string): ProblemExample[] => method === 'get'
  ? [problem('The database cannot read its storage', 'storage_unavailable', path, 'The database could not access its storage; if this persists, an operator must check the disk.')]
  : [
      problem('The database disk is full', 'storage_unavailable', path, 'The database disk is full, so changes cannot be saved; reads still work. Nothing from this request was written.'),
      problem('The database is busy with other writes', 'service_unavailable', path, 'The database is busy with other writes; try again shortly.')
    ]

/**
 * The problems any operation of that shape can give, for statuses its own docs leave without
 * an example: without one, Swagger UI invents a body from the Problem schema's field examples,
 * which shows a validation error under 401 and 500. Statuses the operation does not document
 * are dropped by the caller, so an operation exempt from load shedding (no 503) shows none.
 */
export function commonProblems (template: string, method: string, operation: OperationShape): Record<string, ProblemExample[]> {
  const path = concretePath(template)
  const params = operation.parameters ?? []
  const badInput = operation.requestBody !== undefined
    ? problem('Not JSON', 'invalid_json', path, 'Body is not valid JSON but content-type is set to \'application/json\'')
    : params.some((parameter) => parameter.in === 'path' && parameter.name === 'id')
      ? invalid('Not an id', path.replace(ids.barrier, '12345'), [{ path: 'params/id', message: 'must be a UUIDv7 identifier' }])
      : invalid('An unknown query parameter', path, [{ path: 'querystring/expand', message: '"expand" is not a known field' }])
  const scope = operation['x-access']?.scope
  return {
    400: [badInput],
    401: [problem('An invalid, expired or revoked token', 'unauthorized', path, 'The token is invalid, expired or revoked.')],
    ...(scope === undefined ? {} : { 403: [problem(`A token without ${scope}`, 'forbidden', path, `This operation needs the "${scope}" scope, which your token does not carry.`)] }),
    // Every POST honours Idempotency-Key (src/plugins/idempotency.ts), with these two problems.
    ...(method === 'post'
      ? {
          409: [problem('The same Idempotency-Key is still running', 'idempotency_in_progress', path, 'A request with this Idempotency-Key is still running; retry after it has finished to get its response.')],
          422: [problem('An Idempotency-Key used for another request', 'idempotency_key_reused', path, 'This Idempotency-Key was used within the last 24 hours for a request with another method, path or body; use a new key for a new request.')]
        }
      : {}),
    413: [problem('A body over BODY_LIMIT', 'payload_too_large', path, 'Request body is too large')],
    415: [problem('Not application/json', 'unsupported_media_type', path, 'Unsupported Media Type')],
    500: [problem('A failure on the server', 'internal_error', path, `An unexpected error occurred. Quote request id ${requestId} when reporting it.`)],
    503: [overloaded(path), ...storageFailures(path, method)]
  }
}
