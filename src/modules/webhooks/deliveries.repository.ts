import type { Db } from '../../db/client.js'
import { createStatementCache } from '../../db/statements.js'

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface DeliveryRecord {
  id: string
  webhookId: string
  /** The event's id, as payloads carry it. */
  eventId: string
  /** The event's key in the outbox. */
  eventSequence: number
  eventType: string
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: string | null
  lastAttemptAt: string | null
  lastStatusCode: number | null
  lastError: string | null
  deliveredAt: string | null
  createdAt: string
}

/** A delivery the dispatcher may attempt now, with what it needs to send it. */
export interface DueDelivery {
  id: string
  webhookId: string
  eventId: string
  eventType: string
  eventCreatedAt: string
  dataJson: string
  attempts: number
  createdAt: string
  url: string
  secret: string
}

export interface AttemptResult {
  id: string
  attempts: number
  status: DeliveryStatus
  lastAttemptAt: string
  lastStatusCode: number | null
  lastError: string | null
  nextAttemptAt: string | null
  deliveredAt: string | null
}

const columns = `d.id AS "id", d.webhook_id AS "webhookId", e.id AS "eventId", d.event_sequence AS "eventSequence", e.type AS "eventType", d.status AS "status",
  d.attempts AS "attempts", d.next_attempt_at AS "nextAttemptAt", d.last_attempt_at AS "lastAttemptAt",
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"`

export function createDeliveriesRepository (db: Db) {
  const sqlite = db.$client
  const prepared = createStatementCache(sqlite)
  const byId = sqlite.prepare(`SELECT ${columns} FROM webhook_deliveries d JOIN webhook_events e ON e.sequence = d.event_sequence WHERE d.id = ? AND d.webhook_id = ?`)
  // The poll reads each active webhook's due deliveries from the partial index of pending
  // rows, in due order, and merges them: an inactive webhook's pending backlog (kept for when
  // it is switched back on) is never read. One query over all pending rows in due order
  // read and skipped that backlog on every poll (73,000 rows after a minute of bench:webhooks).
  // webhooks is a site's few subscriptions; CROSS JOIN keeps the deliveries as the outer loop.
  const activeWebhooks = sqlite.prepare('SELECT id, url, secret FROM webhooks WHERE active = 1')
  const dueFor = sqlite.prepare(`SELECT d.id AS "id", d.webhook_id AS "webhookId", e.id AS "eventId", e.type AS "eventType",
      e.created_at AS "eventCreatedAt", e.data AS "dataJson", d.attempts AS "attempts", d.created_at AS "createdAt", d.next_attempt_at AS "nextAttemptAt"
    FROM webhook_deliveries d INDEXED BY webhook_deliveries_webhook_due_idx
    CROSS JOIN webhook_events e ON e.sequence = d.event_sequence
    WHERE d.webhook_id = ? AND d.status = 'pending' AND d.next_attempt_at <= ?
    ORDER BY d.next_attempt_at, d.id LIMIT ?`)
  const recordAttempt = sqlite.prepare(`UPDATE webhook_deliveries SET attempts = @attempts, status = @status, last_attempt_at = @lastAttemptAt,
      last_status_code = @lastStatusCode, last_error = @lastError, next_attempt_at = @nextAttemptAt, delivered_at = @deliveredAt
    WHERE id = @id AND status = 'pending'`)
  const bringForward = sqlite.prepare("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND status = 'pending'")

  return {
    findById: (webhookId: string, id: string): DeliveryRecord | undefined => byId.get(id, webhookId) as DeliveryRecord | undefined,

    /** One webhook's deliveries, newest first, seeking on (createdAt, id). */
    list (webhookId: string, status: DeliveryStatus | undefined, before: [string, string] | undefined, limit: number): DeliveryRecord[] {
      const conditions = ['d.webhook_id = ?']
      const params: unknown[] = [webhookId]
      if (status !== undefined) { conditions.push('d.status = ?'); params.push(status) }
      if (before !== undefined) { conditions.push('(d.created_at, d.id) < (?, ?)'); params.push(...before) }
      return prepared(`SELECT ${columns} FROM webhook_deliveries d INDEXED BY webhook_deliveries_webhook_idx CROSS JOIN webhook_events e ON e.sequence = d.event_sequence
        WHERE ${conditions.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`).all(...params, limit) as DeliveryRecord[]
    },

    /** Pending deliveries of active webhooks due at `now`, the longest-waiting first. */
    due (now: string, limit: number): DueDelivery[] {
      const webhooks = activeWebhooks.all() as Array<{ id: string, url: string, secret: string }>
      const rows = webhooks.flatMap((webhook) => (dueFor.all(webhook.id, now, limit) as Array<Omit<DueDelivery, 'url' | 'secret'> & { nextAttemptAt: string }>)
        .map((row) => ({ ...row, url: webhook.url, secret: webhook.secret })))
      rows.sort((a, b) => a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      return rows.slice(0, limit).map(({ nextAttemptAt, ...row }) => row)
    },

    recordAttempt: (result: AttemptResult): boolean => recordAttempt.run(result).changes === 1,

    bringForward: (id: string, now: string): boolean => bringForward.run(now, id).changes === 1
  }
}

export type DeliveriesRepository = ReturnType<typeof createDeliveriesRepository>
