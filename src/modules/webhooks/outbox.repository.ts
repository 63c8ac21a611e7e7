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

/** An event in commit order: `sequence` is its rowid, which grows with every insert. */
export interface SequencedEvent {
  sequence: number
  id: string
  type: string
  createdAt: string
}

/**
 * The outbox tables: events written by the content write paths, and their fan-out into
 * one delivery per subscribed webhook.
 */
export function createOutboxRepository (db: Db) {
  const sqlite = db.$client
  // The filters that match an event travel as one JSON array; webhooks is a small table.
  const anySubscriber = sqlite.prepare(`SELECT 1 FROM webhooks w
    WHERE w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) e WHERE e.value IN (SELECT value FROM json_each(@filters))) LIMIT 1`).pluck()
  const insertEvent = sqlite.prepare('INSERT INTO webhook_events (id, type, data, created_at) VALUES (@id, @type, @dataJson, @createdAt)')
  const insertDelivery = sqlite.prepare(`INSERT INTO webhook_deliveries (id, webhook_id, event_id, status, attempts, next_attempt_at, created_at)
    VALUES (@id, @webhookId, @eventId, 'pending', 0, @nextAttemptAt, @createdAt)`)
  const eventsAfter = sqlite.prepare('SELECT rowid AS "sequence", id, type, created_at AS "createdAt" FROM webhook_events WHERE rowid > ? ORDER BY rowid LIMIT ?')
  const sequenceOf = sqlite.prepare('SELECT rowid FROM webhook_events WHERE id = ?').pluck()
  const readSetting = sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').pluck()
  const insertSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
  const writeSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const purge = sqlite.prepare(`DELETE FROM webhook_events WHERE id IN (
    SELECT e.id FROM webhook_events e
    WHERE e.created_at < ? AND e.rowid < ? AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')
    ORDER BY e.created_at, e.id LIMIT ?)`)

  return {
    /** Whether an active webhook's events list contains one of the filters. */
    hasSubscriber: (filters: readonly string[]): boolean => anySubscriber.get({ filters: JSON.stringify(filters) }) !== undefined,
    insertEvent: (event: OutboxEvent): void => { insertEvent.run(event) },
    insertDelivery: (delivery: OutboxDelivery): void => { insertDelivery.run(delivery) },
    eventsAfter: (sequence: number, limit: number): SequencedEvent[] => eventsAfter.all(sequence, limit) as SequencedEvent[],
    sequenceOf: (eventId: string): number | undefined => sequenceOf.get(eventId) as number | undefined,
    setting: (key: string): string | undefined => readSetting.get(key) as string | undefined,
    initialiseSetting: (key: string, value: string): void => { insertSetting.run(key, value) },
    writeSetting: (key: string, value: string): void => { writeSetting.run(key, value) },
    /**
     * Deletes up to `limit` events created before `before` and below `belowSequence`, with
     * no pending delivery (their deliveries go with them).
     */
    purgeEvents: (before: string, belowSequence: number, limit: number): number => purge.run(before, belowSequence, limit).changes
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
