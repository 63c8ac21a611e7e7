import { randomBytes } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, errorCatalogue, problemTypeUri, type ErrorCode } from '../errors.js'
import type { Problem } from '../schemas/problem.js'
import { sendProblem } from './problems.js'

/**
 * Problems raised before any route is found, which Fastify would otherwise answer with its
 * own plain JSON: a path that is not valid percent-encoded UTF-8, or a path segment longer
 * than the router accepts. No hook runs for these, so the security headers and request id
 * are set here.
 */
export function createFrameworkErrorHandler (securityHeaders: Record<string, string>, maxParamLength: number) {
  return function frameworkErrorHandler (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    reply.headers(securityHeaders).header('x-request-id', request.id)
    const problem = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('uri_too_long', `A path segment is longer than ${maxParamLength} characters.`)
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('bad_url', 'The URL path is not valid percent-encoded UTF-8.')
        : new AppError('bad_request', 'The request cannot be routed.')
    return sendProblem(request, reply, problem)
  }
}

const connectionCodes: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'headers_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout'
}

const connectionDetails: Partial<Record<ErrorCode, string>> = {
  headers_too_large: 'The request line and headers together exceed the size this server accepts.',
  request_timeout: 'The request did not arrive in time.',
  bad_request: 'The request is not valid HTTP.'
}

/**
 * Requests Node's HTTP parser refuses (headers over HEADER_LIMIT, malformed HTTP, timeouts)
 * never become Fastify requests: the answer is written to the socket, as a problem too.
 */
export function createClientErrorHandler (securityHeaders: Record<string, string>) {
  // Fastify calls it bound to the instance.
  return function clientErrorHandler (this: FastifyInstance, error: ConnectionError, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    const code = connectionCodes[error.code] ?? 'bad_request'
    const { status, title } = errorCatalogue[code]
    const requestId = randomBytes(8).toString('hex')
    this.log.debug({ err: error, reqId: requestId }, `client error: ${code}`)
    const problem: Problem = { type: problemTypeUri(code), title, status, detail: connectionDetails[code] ?? title, code, requestId }
    const body = JSON.stringify(problem)
    const headers = {
      ...securityHeaders,
      'content-type': 'application/problem+json',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      'x-request-id': requestId,
      connection: 'close'
    }
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? title}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`)
    }
    socket.destroy(error)
  }
}
