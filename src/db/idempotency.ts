import type { Db } from './client.js'

export interface StoredResponse {
  statusCode: number
  headers: Record<string, string>
  /** The body as the sealed box wrote it. */
  body: string
}

export type ClaimOutcome =
  | { outcome: 'claimed' }
  | { outcome: 'in_flight' }
  | { outcome: 'mismatch' }
  | { outcome: 'done', response: StoredResponse }

export interface ClaimRequest {
  caller: string
  key: string
  requestHash: string
  /** The claim's time; it also identifies the claim when the response is stored or released. */
  claimedAt: string
  expiresAt: string
  /** An in_flight row claimed before this is abandoned (its process died): it may be taken over. */
  abandonedBefore: string
}

interface Row {
  requestHash: string
  state: 'in_flight' | 'done'
  statusCode: number | null
  responseHeaders: string | null
  responseBody: string | null
}

/** Idempotency-Key records (see idempotency_keys in schema.ts). */
export function createIdempotencyStore (db: Db) {
  const sqlite = db.$client
  const dropStale = sqlite.prepare(`DELETE FROM idempotency_keys WHERE caller = ? AND key = ?
    AND (expires_at <= ? OR (state = 'in_flight' AND created_at < ?))`)
  // Never an upsert: of two requests racing for one key, exactly one inserts the row.
  const insert = sqlite.prepare(`INSERT INTO idempotency_keys (caller, key, request_hash, state, created_at, expires_at)
    VALUES (?, ?, ?, 'in_flight', ?, ?) ON CONFLICT (caller, key) DO NOTHING`)
  const find = sqlite.prepare(`SELECT request_hash AS "requestHash", state, status_code AS "statusCode",
    response_headers AS "responseHeaders", response_body AS "responseBody" FROM idempotency_keys WHERE caller = ? AND key = ?`)
  const complete = sqlite.prepare(`UPDATE idempotency_keys SET state = 'done', status_code = ?, response_headers = ?, response_body = ?
    WHERE caller = ? AND key = ? AND created_at = ? AND state = 'in_flight'`)
  const release = sqlite.prepare("DELETE FROM idempotency_keys WHERE caller = ? AND key = ? AND created_at = ? AND state = 'in_flight'")
  const purge = sqlite.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?')

  const claim = sqlite.transaction((request: ClaimRequest): ClaimOutcome => {
    dropStale.run(request.caller, request.key, request.claimedAt, request.abandonedBefore)
    if (insert.run(request.caller, request.key, request.requestHash, request.claimedAt, request.expiresAt).changes === 1) return { outcome: 'claimed' }
    const row = find.get(request.caller, request.key) as Row | undefined
    if (row === undefined) throw new Error('The idempotency key row vanished while it was being claimed.')
    if (row.requestHash !== request.requestHash) return { outcome: 'mismatch' }
    if (row.state === 'in_flight') return { outcome: 'in_flight' }
    return {
      outcome: 'done',
      response: {
        statusCode: row.statusCode ?? 200,
        headers: row.responseHeaders === null ? {} : JSON.parse(row.responseHeaders) as Record<string, string>,
        body: row.responseBody ?? ''
      }
    }
  })

  return {
    /** Claims the key for a request, or says why it cannot: another body, still running, or already answered. */
    claim: (request: ClaimRequest): ClaimOutcome => claim.immediate(request),
    complete (caller: string, key: string, claimedAt: string, response: StoredResponse): boolean {
      return complete.run(response.statusCode, JSON.stringify(response.headers), response.body, caller, key, claimedAt).changes === 1
    },
    release: (caller: string, key: string, claimedAt: string): void => { release.run(caller, key, claimedAt) },
    purgeExpired: (now: string): number => purge.run(now).changes
  }
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>
