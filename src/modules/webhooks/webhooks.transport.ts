import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { ResolvedAddress } from '../../lib/addresses.js'

export interface OutgoingDelivery {
  url: URL
  /** The checked address to connect to; the URL's host still names the server (Host header, TLS). */
  address: ResolvedAddress
  headers: Record<string, string>
  body: string
  /** Aborts the attempt (timeout, shutdown). */
  signal: AbortSignal
}

/** POSTs one delivery; resolves with the response status once the response has been read. */
export type WebhookSender = (delivery: OutgoingDelivery) => Promise<number>

function pinnedLookup (pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) callback(null, [{ address: pinned.address, family: pinned.family }])
    else callback(null, pinned.address, pinned.family)
  }
}

/**
 * node:http rather than fetch: the connection goes to the address that was checked (a
 * pinned lookup), and redirects are never followed (a 3xx is just an unsuccessful answer).
 */
export const httpSender: WebhookSender = (delivery) => new Promise((resolve, reject) => {
  const client = delivery.url.protocol === 'https:' ? https : http
  const request = client.request(delivery.url, {
    method: 'POST',
    headers: { ...delivery.headers, 'content-length': String(Buffer.byteLength(delivery.body)) },
    agent: false,
    signal: delivery.signal,
    lookup: pinnedLookup(delivery.address)
  }, (response) => {
    response.on('error', reject)
    response.on('end', () => resolve(response.statusCode ?? 0))
    // The body is not needed: read and discard it, so the socket can close cleanly.
    response.resume()
  })
  request.on('error', reject)
  request.end(delivery.body)
})
