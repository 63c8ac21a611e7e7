import type { Db } from '../../db/client.js'

export interface OutboxEvent {
  id: string
  type: string
  /** The event's data, already serialized. */
  dataJson: string
  createdAt: string
}

export interface OutboxDelivery {
  id: string
  webhookId: string
  eventId: string
  nextAttemptAt: string
  createdAt: string
}

/**
 * The outbox tables as the write paths see them: which active webhooks subscribe to an
 * event, and the event and delivery rows, written inside the caller's transaction.
 */
export function createOutboxRepository (db: Db) {
  const sqlite = db.$client
  // The filters that match an event travel as one JSON array; webhooks is a small table.
  const subscribers = sqlite.prepare(`SELECT w.id FROM webhooks w
    WHERE w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value IN (SELECT value FROM json_each(?)))
    ORDER BY w.created_at, w.id`).pluck()
  const insertEvent = sqlite.prepare('INSERT INTO webhook_events (id, type, data, created_at) VALUES (@id, @type, @dataJson, @createdAt)')
  const insertDelivery = sqlite.prepare(`INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, attempts, next_attempt_at, created_at)
    VALUES (@id, @webhookId, @eventId, 'pending', 0, @nextAttemptAt, @createdAt)`)
  const readSetting = sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').pluck()
  const insertSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
  const writeSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const purge = sqlite.prepare(`DELETE FROM webhook_events WHERE id IN (
    SELECT e.id FROM webhook_events e
    WHERE e.created_at < ? AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')
    ORDER BY e.created_at, e.id LIMIT ?)`)

  return {
    /** Ids of the active webhooks whose events list contains one of the filters. */
    subscribers: (filters: readonly string[]): string[] => subscribers.all(JSON.stringify(filters)) as string[],
    insertEvent: (event: OutboxEvent): void => { insertEvent.run(event) },
    insertDelivery: (delivery: OutboxDelivery): void => { insertDelivery.run(delivery) },
    setting: (key: string): string | undefined => readSetting.get(key) as string | undefined,
    initialiseSetting: (key: string, value: string): void => { insertSetting.run(key, value) },
    writeSetting: (key: string, value: string): void => { writeSetting.run(key, value) },
    /** Deletes up to `limit` events older than `before` with no pending delivery (their deliveries go with them). */
    purgeEvents: (before: string, limit: number): number => purge.run(before, limit).changes
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
