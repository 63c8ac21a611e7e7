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
  eventSequence: number
  nextAttemptAt: string
  createdAt: string
}

/** An event in commit order: `sequence` is its key, which grows with every insert. */
export interface SequencedEvent {
  sequence: number
  id: string
  type: string
  createdAt: string
}

export interface PurgeCandidate {
  sequence: number
  createdAt: string
  pending: boolean
}

/** A webhook, its subscription, and the sequence of the last event its fan-out took up (0: none yet). */
export interface WebhookCursor {
  webhookId: string
  events: string[]
  sequence: number
}

interface CursorRow {
  webhookId: string
  events: string
  sequence: number
}

const toWebhookCursor = (row: CursorRow): WebhookCursor => ({ webhookId: row.webhookId, events: JSON.parse(row.events) as string[], sequence: row.sequence })

/**
 * The outbox tables: events written by the content write paths, the per-webhook cursors
 * over them, and their fan-out into deliveries.
 */
export function createOutboxRepository (db: Db) {
  const sqlite = db.$client
  /*
   * On every write: a webhook's events column is the JSON array of its filters, each one a
   * name from a fixed list with nothing to escape, so `"name"` occurs in the text exactly
   * when the array holds that name. instr() on the text cost about half of reading the
   * array with json_each (~2.5 against ~4.5 µs).
   */
  const anySubscriber = sqlite.prepare('SELECT 1 FROM webhooks WHERE active = 1 AND (instr(events, ?) OR instr(events, ?) OR instr(events, ?)) LIMIT 1').pluck()
  const insertEvent = sqlite.prepare('INSERT INTO webhook_events (id, type, data, created_at) VALUES (?, ?, ?, ?)')
  const insertDelivery = sqlite.prepare(`INSERT INTO webhook_deliveries (id, webhook_id, event_sequence, status, attempts, next_attempt_at, created_at)
    VALUES (?, ?, ?, 'pending', 0, ?, ?)`)
  const eventsAfter = sqlite.prepare('SELECT sequence, id, type, created_at AS "createdAt" FROM webhook_events WHERE sequence > ? ORDER BY sequence LIMIT ?')
  const newestEvent = sqlite.prepare('SELECT max(sequence) FROM webhook_events').pluck()
  const cursorColumns = 'id AS "webhookId", events, fanned_out_sequence AS "sequence"'
  const activeCursors = sqlite.prepare(`SELECT ${cursorColumns} FROM webhooks WHERE active = 1 ORDER BY created_at, id`)
  const cursorOf = sqlite.prepare(`SELECT ${cursorColumns} FROM webhooks WHERE id = ?`)
  const setCursor = sqlite.prepare('UPDATE webhooks SET fanned_out_sequence = ? WHERE id = ?')
  // Counted from the partial index of pending rows, and only up to the bound asked about.
  const pendingUpTo = sqlite.prepare(`SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries INDEXED BY webhook_deliveries_webhook_due_idx
    WHERE webhook_id = ? AND status = 'pending' LIMIT ?)`).pluck()
  const readSetting = sqlite.prepare('SELECT value FROM app_settings WHERE key = ?').pluck()
  const insertSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
  const writeSetting = sqlite.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const pendingFor = (event: string): string => `EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_sequence = ${event}.sequence AND d.status = 'pending')`
  const purgeCandidates = sqlite.prepare(`SELECT e.sequence AS "sequence", e.created_at AS "createdAt", ${pendingFor('e')} AS "pending"
    FROM webhook_events e WHERE e.sequence > ? AND e.sequence < ? ORDER BY e.sequence LIMIT ?`)
  const deleteUnpending = sqlite.prepare(`DELETE FROM webhook_events WHERE sequence = ? AND NOT ${pendingFor('webhook_events')}`)

  return {
    /** Whether an active webhook's events list contains one of the filters. */
    hasSubscriber: (filters: readonly [string, string, string]): boolean =>
      anySubscriber.get(`"${filters[0]}"`, `"${filters[1]}"`, `"${filters[2]}"`) !== undefined,
    /** Inserts the event; returns its sequence. */
    insertEvent: (event: OutboxEvent): number => Number(insertEvent.run(event.id, event.type, event.dataJson, event.createdAt).lastInsertRowid),
    insertDelivery: (delivery: OutboxDelivery): void => { insertDelivery.run(delivery.id, delivery.webhookId, delivery.eventSequence, delivery.nextAttemptAt, delivery.createdAt) },
    eventsAfter: (sequence: number, limit: number): SequencedEvent[] => eventsAfter.all(sequence, limit) as SequencedEvent[],
    /** The newest event's sequence; 0 when there is none. */
    newestSequence: (): number => (newestEvent.get() as number | null) ?? 0,
    /** The active webhooks with their subscriptions and cursors, oldest webhook first. */
    activeCursors: (): WebhookCursor[] => (activeCursors.all() as CursorRow[]).map(toWebhookCursor),
    cursorOf: (webhookId: string): WebhookCursor | undefined => {
      const row = cursorOf.get(webhookId) as CursorRow | undefined
      return row === undefined ? undefined : toWebhookCursor(row)
    },
    setCursor: (webhookId: string, sequence: number): void => { setCursor.run(sequence, webhookId) },
    /** The webhook's pending deliveries, counted up to `limit` at most. */
    pendingUpTo: (webhookId: string, limit: number): number => pendingUpTo.get(webhookId, limit) as number,
    setting: (key: string): string | undefined => readSetting.get(key) as string | undefined,
    initialiseSetting: (key: string, value: string): void => { insertSetting.run(key, value) },
    writeSetting: (key: string, value: string): void => { writeSetting.run(key, value) },
    /** Up to `limit` events between the two sequences, in commit order, each with whether a delivery of it is pending. */
    purgeCandidates: (afterSequence: number, belowSequence: number, limit: number): PurgeCandidate[] =>
      (purgeCandidates.all(afterSequence, belowSequence, limit) as Array<Omit<PurgeCandidate, 'pending'> & { pending: number }>)
        .map((row) => ({ ...row, pending: row.pending === 1 })),
    /** Deletes the event unless a delivery of it is pending (its other deliveries go with it); whether it did. */
    deleteEvent: (sequence: number): boolean => deleteUnpending.run(sequence).changes === 1
  }
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>
