import type { Problem } from './schemas/problem.js'

/**
 * The error catalogue: every problem the API can answer with, by stable code.
 * Services throw AppError with one of these codes; one error handler renders problem+json.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  invalid_json: { status: 400, title: 'The request body is not valid JSON' },
  json_too_deep: { status: 400, title: 'The request body is nested too deeply' },
  bad_url: { status: 400, title: 'The URL is not valid' },
  invalid_cursor: { status: 400, title: 'The pagination cursor is not valid' },
  bad_request: { status: 400, title: 'The request cannot be processed' },
  webhook_target_forbidden: { status: 400, title: 'The webhook URL leads to an address webhooks may not reach' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'The email or password is wrong' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  registration_closed: { status: 403, title: 'Registration is closed' },
  scope_not_allowed: { status: 403, title: 'The token cannot carry these scopes' },
  not_found: { status: 404, title: 'The resource was not found' },
  route_not_found: { status: 404, title: 'There is no such endpoint' },
  method_not_allowed: { status: 405, title: 'The method is not allowed on this endpoint' },
  not_acceptable: { status: 406, title: 'No acceptable representation' },
  slug_taken: { status: 409, title: 'The slug is already in use' },
  email_taken: { status: 409, title: 'An account with this email already exists' },
  last_admin: { status: 409, title: 'The last active admin cannot be removed' },
  source_exists: { status: 409, title: 'A source with this URL already exists' },
  source_in_use: { status: 409, title: 'The source is cited by articles' },
  already_cited: { status: 409, title: 'The article already cites this source' },
  already_related: { status: 409, title: 'The article already links to that article' },
  webhook_inactive: { status: 409, title: 'The webhook is inactive' },
  comments_closed: { status: 403, title: 'Comments are closed on this article' },
  edit_window_closed: { status: 403, title: 'Comments can be edited only in the first 15 minutes' },
  sources_required: { status: 409, title: 'A machine-written article needs at least one cited source to be published' },
  review_required: { status: 409, title: 'A machine-written article needs an editor\'s review to be published' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  request_timeout: { status: 408, title: 'The request took too long to arrive' },
  precondition_failed: { status: 412, title: 'The resource has changed since you read it' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  uri_too_long: { status: 414, title: 'A part of the URL is too long' },
  unsupported_media_type: { status: 415, title: 'The request content type is not supported' },
  idempotency_key_reused: { status: 422, title: 'The Idempotency-Key was already used for a different request' },
  rate_limited: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'The request headers are too large' },
  internal_error: { status: 500, title: 'Internal server error' },
  service_unavailable: { status: 503, title: 'The service is temporarily unavailable' },
  storage_unavailable: { status: 503, title: 'The database cannot store changes right now' },
  overloaded: { status: 503, title: 'The server is overloaded' }
} as const satisfies Record<string, { status: number, title: string }>

export type ErrorCode = keyof typeof errorCatalogue

export interface FieldError {
  path: string
  message: string
}

export interface AppErrorOptions {
  errors?: FieldError[]
  headers?: Record<string, string>
  /** Extra members for the problem body (for example the id of an existing duplicate). */
  extensions?: Record<string, unknown>
  cause?: unknown
}

export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly status: number
  readonly title: string
  readonly errors: FieldError[] | undefined
  readonly headers: Record<string, string>
  readonly extensions: Record<string, unknown>

  constructor (code: ErrorCode, detail?: string, options: AppErrorOptions = {}) {
    const entry = errorCatalogue[code]
    super(detail ?? entry.title, { cause: options.cause })
    this.code = code
    this.status = entry.status
    this.title = entry.title
    this.errors = options.errors
    this.headers = options.headers ?? {}
    this.extensions = options.extensions ?? {}
  }
}

export function problemTypeUri (code: ErrorCode): string {
  return `urn:newsdesk:problem:${code.replaceAll('_', '-')}`
}

/** The RFC 9457 body of an error: what the error handler sends, and what bulk results embed per item. */
export function problemBody (error: AppError, context: { instance?: string | undefined, requestId?: string | undefined } = {}): Problem {
  return {
    type: problemTypeUri(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(context.instance === undefined ? {} : { instance: context.instance }),
    ...(context.requestId === undefined ? {} : { requestId: context.requestId }),
    ...error.extensions,
    ...(error.errors === undefined ? {} : { errors: error.errors })
  }
}
