import type { Db } from '../../db/client.js'
import { createStatementCache } from '../../db/statements.js'

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface DeliveryRecord {
  id: string
  webhookId: string
  eventId: string
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

const columns = `d.id AS "id", d.webhook_id AS "webhookId", d.event_id AS "eventId", e.type AS "eventType", d.status AS "status",
  d.attempts AS "attempts", d.next_attempt_at AS "nextAttemptAt", d.last_attempt_at AS "lastAttemptAt",
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"`

export function createDeliveriesRepository (db: Db) {
  const sqlite = db.$client
  const prepared = createStatementCache(sqlite)
  const byId = sqlite.prepare(`SELECT ${columns} FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = ? AND d.webhook_id = ?`)
  // The partial index holds only pending rows, in due order: the poll reads just what is due.
  // CROSS JOIN keeps the deliveries as the outer loop whatever the statistics say (a few
  // webhooks and events would otherwise be scanned first and the result sorted).
  const due = sqlite.prepare(`SELECT d.id AS "id", d.webhook_id AS "webhookId", d.event_id AS "eventId", e.type AS "eventType",
      e.created_at AS "eventCreatedAt", e.data AS "dataJson", d.attempts AS "attempts", d.created_at AS "createdAt", w.url AS "url", w.secret AS "secret"
    FROM webhook_deliveries d INDEXED BY webhook_deliveries_due_idx
    CROSS JOIN webhook_events e ON e.id = d.event_id
    CROSS JOIN webhooks w ON w.id = d.webhook_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND w.active = 1
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
      return prepared(`SELECT ${columns} FROM webhook_deliveries d INDEXED BY webhook_deliveries_webhook_idx CROSS JOIN webhook_events e ON e.id = d.event_id
        WHERE ${conditions.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`).all(...params, limit) as DeliveryRecord[]
    },

    /** Pending deliveries of active webhooks due at `now`, the longest-waiting first. */
    due: (now: string, limit: number): DueDelivery[] => due.all(now, limit) as DueDelivery[],

    recordAttempt: (result: AttemptResult): boolean => recordAttempt.run(result).changes === 1,

    bringForward: (id: string, now: string): boolean => bringForward.run(now, id).changes === 1
  }
}

export type DeliveriesRepository = ReturnType<typeof createDeliveriesRepository>
