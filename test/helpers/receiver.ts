import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Test } from 'tap'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export interface Receiver {
  /** http://127.0.0.1:<port>/hook */
  url: string
  port: number
  requests: ReceivedRequest[]
  /** How the next requests are answered; the default answers 204. */
  respond: (handler: (request: ReceivedRequest, response: ServerResponse) => void) => void
  /** Resolves when at least `count` requests have arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedRequest[]>
}

/** A real HTTP receiver on loopback (port 0), closed when the test ends. */
export async function startReceiver (t: Test, path = '/hook'): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  let handler: (request: ReceivedRequest, response: ServerResponse) => void = (_request, response) => { response.writeHead(204).end() }
  const waiters: Array<() => void> = []
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const request = { method: incoming.method ?? '', path: incoming.url ?? '', headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(request)
      waiters.splice(0).forEach((wake) => wake())
      handler(request, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    requests,
    respond: (next) => { handler = next },
    waitFor: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`the receiver got ${requests.length} request(s), expected ${count}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
      return requests
    }
  }
}

/** What a receiver does: recompute the HMAC of "t.body" with the secret and compare in constant time. */
export function verifySignature (secret: string, header: string | string[] | undefined, body: string): { valid: boolean, timestamp: number } {
  const match = typeof header === 'string' ? /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) : null
  if (match?.[1] === undefined || match[2] === undefined) return { valid: false, timestamp: Number.NaN }
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest()
  const given = Buffer.from(match[2], 'hex')
  return { valid: given.length === expected.length && timingSafeEqual(given, expected), timestamp: Number(match[1]) }
}
