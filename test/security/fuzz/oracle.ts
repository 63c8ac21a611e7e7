import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { LightMyRequestResponse } from 'fastify'
import type { OpenApiDocument, Operation } from './requests.js'

/**
 * What a request may get when it never reached an operation, so no operation lists it:
 * a path that is not valid percent-encoding (400 bad_url) or has a segment over the router's
 * limit (414), an unknown path (404) or method (405), and a malformed or unknown bearer
 * token, which is refused wherever it is sent (401). Everything an operation itself can
 * answer, the document must list for that operation: there is no catch-all.
 */
export const unroutedProblems: ReadonlyMap<number, string> = new Map([
  [400, 'bad_url'],
  [401, 'unauthorized'],
  [404, 'route_not_found'],
  [405, 'method_not_allowed'],
  [414, 'uri_too_long']
])

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

function pointerSegment (segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))
}

export interface Verdict {
  ok: boolean
  reason?: string
}

/** Judges responses against the served OpenAPI document, with ajv in JSON Schema 2020-12 mode. */
export function createOracle (document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
  addFormats(ajv)
  ajv.addSchema(document as unknown as Record<string, unknown>, 'urn:newsdesk:openapi')
  const compiled = new Map<string, ValidateFunction>()

  function validatorFor (operation: Operation, status: string, mediaType: string): ValidateFunction | undefined {
    const key = `${operation.operationId} ${status} ${mediaType}`
    const cached = compiled.get(key)
    if (cached !== undefined) return cached
    const content = (operation.responses[status] as { content?: Record<string, { schema?: unknown }> } | undefined)?.content
    if (content?.[mediaType]?.schema === undefined) return undefined
    const pointer = ['paths', operation.path, operation.method, 'responses', status, 'content', mediaType, 'schema'].map(pointerSegment).join('/')
    const validate = ajv.compile({ $ref: `urn:newsdesk:openapi#/${pointer}` })
    compiled.set(key, validate)
    return validate
  }

  function judge (operation: Operation, response: LightMyRequestResponse): Verdict {
    const status = response.statusCode
    const contentType = String(response.headers['content-type'] ?? '')
    if (status >= 500) return { ok: false, reason: `server error ${status}: ${response.body.slice(0, 300)}` }
    const listed = operation.responses[String(status)] !== undefined
    if (status >= 400) {
      if (contentType !== 'application/problem+json') return { ok: false, reason: `error ${status} with content-type "${contentType}": ${response.body.slice(0, 200)}` }
      if (!listed) return { ok: false, reason: `status ${status} is not listed for ${operation.operationId}: ${response.body.slice(0, 200)}` }
      const validate = validatorFor(operation, String(status), 'application/problem+json')
      if (validate === undefined) return { ok: false, reason: `no problem schema documented for ${status}` }
      return checkBody(validate, response, status)
    }
    if (!listed) return { ok: false, reason: `status ${status} is not listed for ${operation.operationId}` }
    if (status === 204 || status === 304) {
      return response.rawPayload.length === 0 ? { ok: true } : { ok: false, reason: `${status} with a body` }
    }
    if (contentType.startsWith('application/x-ndjson')) {
      // A stream of documents: every line must be one that the operation documents.
      const validateLine = validatorFor(operation, String(status), 'application/x-ndjson')
      if (validateLine === undefined) return { ok: false, reason: `success ${status} as NDJSON, which ${operation.operationId} does not document` }
      for (const line of response.body.split('\n').filter((text) => text !== '')) {
        let item: unknown
        try {
          item = JSON.parse(line)
        } catch {
          return { ok: false, reason: `${status} NDJSON line is not JSON: ${line.slice(0, 200)}` }
        }
        if (!validateLine(item)) return { ok: false, reason: `${status} NDJSON line does not match the documented schema: ${JSON.stringify(validateLine.errors?.slice(0, 3))} line: ${line.slice(0, 300)}` }
      }
      return { ok: true }
    }
    if (!contentType.startsWith('application/json')) return { ok: false, reason: `success ${status} with content-type "${contentType}"` }
    const validate = validatorFor(operation, String(status), 'application/json')
    if (validate === undefined) return { ok: false, reason: `no response schema documented for ${status}` }
    return checkBody(validate, response, status)
  }

  /** A problem from no operation at all (unknown path or method, a URL the router refuses). */
  function judgeUnrouted (response: LightMyRequestResponse): Verdict {
    const contentType = String(response.headers['content-type'] ?? '')
    const expectedCode = unroutedProblems.get(response.statusCode)
    if (expectedCode === undefined) return { ok: false, reason: `unrouted request answered ${response.statusCode}: ${response.body.slice(0, 200)}` }
    if (contentType !== 'application/problem+json') return { ok: false, reason: `unrouted ${response.statusCode} with content-type "${contentType}"` }
    const code = (JSON.parse(response.body) as { code?: unknown }).code
    return code === expectedCode ? { ok: true } : { ok: false, reason: `unrouted ${response.statusCode} with code ${String(code)}, expected ${expectedCode}` }
  }

  return { judge, judgeUnrouted }
}

function checkBody (validate: ValidateFunction, response: LightMyRequestResponse, status: number): Verdict {
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    return { ok: false, reason: `${status} body is not JSON: ${response.body.slice(0, 200)}` }
  }
  if (validate(body)) {
    if (status >= 400 && (body as { status?: unknown }).status !== status) return { ok: false, reason: `problem status ${String((body as { status?: unknown }).status)} differs from ${status}` }
    return { ok: true }
  }
  return { ok: false, reason: `${status} body does not match the documented schema: ${JSON.stringify(validate.errors?.slice(0, 3))} body: ${response.body.slice(0, 300)}` }
}
