import { barrierArticle, ids, requestId } from './fixtures.js'
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

/**
 * The problems any operation of that shape can give, for statuses its own docs leave without
 * an example: without one, Swagger UI invents a body from the Problem schema's field examples,
 * which shows a validation error under 401 and 500.
 */
export function commonProblems (template: string, operation: OperationShape): Record<string, ProblemExample> {
  const path = concretePath(template)
  const params = operation.parameters ?? []
  const badInput = operation.requestBody !== undefined
    ? problem('Not JSON', 'invalid_json', path, 'Body is not valid JSON but content-type is set to \'application/json\'')
    : params.some((parameter) => parameter.in === 'path' && parameter.name === 'id')
      ? invalid('Not an id', path.replace(ids.barrier, '12345'), [{ path: 'params/id', message: 'must be a UUIDv7 identifier' }])
      : invalid('An unknown query parameter', path, [{ path: 'querystring/expand', message: '"expand" is not a known field' }])
  const scope = operation['x-access']?.scope
  return {
    400: badInput,
    401: problem('An invalid, expired or revoked token', 'unauthorized', path, 'The token is invalid, expired or revoked.'),
    ...(scope === undefined ? {} : { 403: problem(`A token without ${scope}`, 'forbidden', path, `This operation needs the "${scope}" scope, which your token does not carry.`) }),
    413: problem('A body over BODY_LIMIT', 'payload_too_large', path, 'Request body is too large'),
    415: problem('Not application/json', 'unsupported_media_type', path, 'Unsupported Media Type'),
    500: problem('A failure on the server', 'internal_error', path, `An unexpected error occurred. Quote request id ${requestId} when reporting it.`)
  }
}
