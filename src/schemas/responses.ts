import { errorCatalogue, type ErrorCode } from '../errors.js'
import { ProblemSchema } from './problem.js'

type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503

const statusDescriptions: Record<ProblemStatus, string> = {
  400: 'The request is not valid (problem details name each invalid part).',
  401: 'No valid bearer token: it is missing, malformed, expired or revoked.',
  403: 'The token is valid but lacks the scope or role this needs.',
  404: 'Not found, or not visible to you.',
  409: 'Conflicts with the current state.',
  412: 'If-Match does not match the current version: nothing was written.',
  413: 'The request body is larger than the server accepts.',
  415: 'The request body must be application/json.',
  422: 'The request is understood but cannot be applied.',
  428: 'This operation needs an If-Match header.',
  429: 'Too many requests: wait for Retry-After seconds.',
  500: 'Something failed on the server; the problem carries a request id to report.',
  503: 'The service cannot take this request right now; retry later.'
}

function codesFor (status: number): ErrorCode[] {
  return (Object.keys(errorCatalogue) as ErrorCode[]).filter((code) => errorCatalogue[code].status === status)
}

export function problemResponse (status: ProblemStatus, description?: string) {
  const codes = codesFor(status)
  return {
    description: description ?? `${statusDescriptions[status]}${codes.length > 0 ? ` Codes: ${codes.join(', ')}.` : ''}`,
    content: { 'application/problem+json': { schema: ProblemSchema } }
  }
}

/** Problem responses a route can give beyond the ones every route gets (400, 401, 500). */
export function problems<S extends ProblemStatus> (...statuses: S[]): Record<S, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status)])) as Record<S, ReturnType<typeof problemResponse>>
}

export const problemStatusDescriptions = statusDescriptions
