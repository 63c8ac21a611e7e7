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

/** Where a webhook's fan-out has got to: the last event taken up (none yet: sequence 0, eventId null). */
export interface FanOutCursor {
  sequence: number
  eventId: string | null
}

export interface PurgeCandidate {
  sequence: number
  createdAt: string
  pending: boolean
}

export interface WebhookCursor {
  webhookId: string
  events: string[]
  cursor: FanOutCursor
}

interface CursorRow {
  webhookId: string
  events: string
  sequence: number
  eventId: string | null
}

const toWebhookCursor = (row: CursorRow): WebhookCursor => ({ webhookId: row.webhookId, events: JSON.parse(row.events) as string[], cursor: { sequence: row.sequence, eventId: row.eventId } })

/**
 * The outbox tables: events written by the content write paths, the per-webhook cursors
 * over them, and their fan-out into deliveries.
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
  const newestEvent = sqlite.prepare('SELECT rowid AS "sequence", id AS "eventId" FROM webhook_events WHERE rowid = (SELECT max(rowid) FROM webhook_events)')
  const sequenceOf = sqlite.prepare('SELECT rowid FROM webhook_events WHERE id = ?').pluck()
  const cursorColumns = 'id AS "webhookId", events, fanned_out_sequence AS "sequence", fanned_out_event_id AS "eventId"'
  const activeCursors = sqlite.prepare(`SELECT ${cursorColumns} FROM webhooks WHERE active = 1 ORDER BY created_at, id`)
  const cursorOf = sqlite.prepare(`SELECT ${cursorColumns} FROM webhooks WHERE id = ?`)
  const setCursor = sqlite.prepare('UPDATE webhooks SET fanned_out_sequence = ?, fanned_out_event_id = ? WHERE id = ?')
  // Counted from the partial index of pending rows, and only up to the bound asked about.
  const pendingUpTo = sqlite.prepare(`SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries INDEXED BY webhook_deliveries_webhook_due_idx
    WHERE webhook_id = ? AND status = 'pending' LIMIT ?)`).pluck()
  const readSetting = sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').pluck()
  const insertSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
  const writeSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const pendingFor = (event: string): string => `EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ${event}.id AND d.status = 'pending')`
  const purgeCandidates = sqlite.prepare(`SELECT e.rowid AS "sequence", e.created_at AS "createdAt", ${pendingFor('e')} AS "pending"
    FROM webhook_events e WHERE e.rowid > ? AND e.rowid < ? ORDER BY e.rowid LIMIT ?`)
  const deleteUnpending = sqlite.prepare(`DELETE FROM webhook_events WHERE rowid = ? AND NOT ${pendingFor('webhook_events')}`)

  return {
    /** Whether an active webhook's events list contains one of the filters. */
    hasSubscriber: (filters: readonly string[]): boolean => anySubscriber.get({ filters: JSON.stringify(filters) }) !== undefined,
    insertEvent: (event: OutboxEvent): void => { insertEvent.run(event) },
    insertDelivery: (delivery: OutboxDelivery): void => { insertDelivery.run(delivery) },
    eventsAfter: (sequence: number, limit: number): SequencedEvent[] => eventsAfter.all(sequence, limit) as SequencedEvent[],
    newestEvent: (): FanOutCursor | undefined => newestEvent.get() as FanOutCursor | undefined,
    sequenceOf: (eventId: string): number | undefined => sequenceOf.get(eventId) as number | undefined,
    /** The active webhooks with their subscriptions and cursors, oldest webhook first. */
    activeCursors: (): WebhookCursor[] => (activeCursors.all() as CursorRow[]).map(toWebhookCursor),
    cursorOf: (webhookId: string): WebhookCursor | undefined => {
      const row = cursorOf.get(webhookId) as CursorRow | undefined
      return row === undefined ? undefined : toWebhookCursor(row)
    },
    setCursor: (webhookId: string, cursor: FanOutCursor): void => { setCursor.run(cursor.sequence, cursor.eventId, webhookId) },
    /** The webhook's pending deliveries, counted up to `limit` at most. */
    pendingUpTo: (webhookId: string, limit: number): number => pendingUpTo.get(webhookId, limit) as number,
    setting: (key: string): string | undefined => readSetting.get(key) as string | undefined,
    initialiseSetting: (key: string, value: string): void => { insertSetting.run(key, value) },
    writeSetting: (key: string, value: string): void => { writeSetting.run(key, value) },
    /** Up to `limit` events between the two rowids, in commit order, each with whether a delivery of it is pending. */
    purgeCandidates: (afterSequence: number, belowSequence: number, limit: number): PurgeCandidate[] =>
      (purgeCandidates.all(afterSequence, belowSequence, limit) as Array<Omit<PurgeCandidate, 'pending'> & { pending: number }>)
        .map((row) => ({ ...row, pending: row.pending === 1 })),
    /** Deletes the event unless a delivery of it is pending (its other deliveries go with it); whether it did. */
    deleteEvent: (sequence: number): boolean => deleteUnpending.run(sequence).changes === 1
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
