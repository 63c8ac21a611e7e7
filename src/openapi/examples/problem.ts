import { errorCatalogue, problemTypeUri, type ErrorCode, type FieldError } from '../../errors.js'
import type { Problem } from '../../schemas/problem.js'
import { requestId } from './fixtures.js'

export interface Example {
  /** One line, shown in Swagger UI's example picker. */
  summary: string
  description?: string
  value: unknown
}

export interface ProblemExample extends Example {
  value: Problem
}

export interface ProblemDetails {
  errors?: FieldError[]
  /** Extension members the error carries (existingId, currentVersion, …). */
  extensions?: Record<string, unknown>
}

/** A problem exactly as the error handler renders it for that catalogued code. */
export function problem (summary: string, code: ErrorCode, instance: string, detail: string, details: ProblemDetails = {}): ProblemExample {
  const entry = errorCatalogue[code]
  return {
    summary,
    value: {
      type: problemTypeUri(code),
      title: entry.title,
      status: entry.status,
      detail,
      code,
      instance,
      requestId,
      ...details.extensions,
      ...(details.errors === undefined ? {} : { errors: details.errors })
    }
  }
}

/** A request-validation 400 with its field errors, as the error handler words it. */
export function invalid (summary: string, instance: string, errors: FieldError[]): ProblemExample {
  return problem(summary, 'validation_failed', instance, errors.map((error) => `${error.path}: ${error.message}`).join('; '), { errors })
}

export function missingToken (instance: string): ProblemExample {
  return problem('No bearer token', 'unauthorized', instance, 'This operation needs a bearer token.')
}

export function missingScope (instance: string, scope: string): ProblemExample {
  return problem(`A token without ${scope}`, 'forbidden', instance, `This operation needs the "${scope}" scope, which your token does not carry.`)
}

export function stale (instance: string, resource: string, current: number): ProblemExample {
  return problem('If-Match names an older version', 'precondition_failed', instance, `The ${resource} is at version ${current}; re-read it and apply your change again.`, { extensions: { currentVersion: current } })
}

export function notFound (instance: string, detail: string): ProblemExample {
  return problem('Unknown or invisible id', 'not_found', instance, detail)
}

export const badCursor = (instance: string): ProblemExample => problem('A cursor that was altered', 'invalid_cursor', instance,
  'The cursor is malformed, was altered, or belongs to another sort order; start again from the first page.',
  { errors: [{ path: 'querystring/cursor', message: 'invalid cursor' }] })
