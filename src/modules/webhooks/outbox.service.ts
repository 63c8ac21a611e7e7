import type { Db } from '../../db/client.js'
import type { Clock } from '../../lib/clock.js'
import { newId } from '../../lib/ids.js'
import { filtersMatching, isWebhookEventType, pingEventType, subscribesTo, type DeliveredEventType, type WebhookEventType } from './webhooks.model.js'
import { createOutboxRepository } from './outbox.repository.js'
import { createWebhooksRepository } from './webhooks.repository.js'

export interface EventRecorderDeps {
  db: Db
  clock: Clock
}

/** Scheduled articles whose publishedAt is at or before this instant have had their article.published event. */
const scheduledWatermarkKey = 'webhooks_scheduled_announced_until'
/** The last event turned into deliveries: { sequence, eventId }. */
const fanOutKey = 'webhooks_fanned_out_to'

function parseFanOutMark (stored: string | undefined): { sequence: number, eventId: string } | undefined {
  if (stored === undefined) return undefined
  const mark: unknown = JSON.parse(stored)
  if (typeof mark !== 'object' || mark === null) return undefined
  const { sequence, eventId } = mark as Record<string, unknown>
  return typeof sequence === 'number' && typeof eventId === 'string' ? { sequence, eventId } : undefined
}

/**
 * The webhook outbox. Write paths record events inside the transaction of the change
 * itself, so an event exists exactly when its change was committed: a failed write
 * leaves none, and a crash after the commit loses none. An event no active webhook
 * subscribes to is not stored at all.
 *
 * A write stores only the event row. The dispatcher then fans events out, in commit
 * order and in batches, into one pending delivery per subscribed active webhook: a
 * delivery row per webhook inside every content write would cost the write far more
 * (measured: +40 % per PATCH with 3 webhooks, against +5 % for the event alone).
 */
export function createEventRecorder (deps: EventRecorderDeps) {
  const repository = createOutboxRepository(deps.db)
  const webhooks = createWebhooksRepository(deps.db)

  function insertEvent (type: DeliveredEventType, data: object): { id: string, createdAt: string } {
    const event = { id: newId(), type, dataJson: JSON.stringify(data), createdAt: deps.clock().toISOString() }
    repository.insertEvent(event)
    return event
  }

  function insertDelivery (webhookId: string, eventId: string, createdAt: string, dueAt = deps.clock().toISOString()): string {
    const id = newId()
    repository.insertDelivery({ id, webhookId, eventId, nextAttemptAt: dueAt, createdAt })
    return id
  }

  /** Where fan-out has got to, as a rowid; VACUUM may renumber rowids, so the event's current one counts. */
  function fannedOutTo (): number {
    const mark = parseFanOutMark(repository.setting(fanOutKey))
    if (mark === undefined) return 0
    return repository.sequenceOf(mark.eventId) ?? mark.sequence
  }

  return {
    /** Records the event if an active webhook subscribes to it; `data` is built only then. Call inside the change's transaction. */
    record (type: WebhookEventType, data: () => object): void {
      if (repository.hasSubscriber(filtersMatching(type))) insertEvent(type, data())
    },

    /** An event for one webhook only, whatever it subscribes to (ping), with its delivery. Returns the delivery id. */
    recordFor (webhookId: string, type: typeof pingEventType, data: object): string {
      const event = insertEvent(type, data)
      return insertDelivery(webhookId, event.id, event.createdAt)
    },

    /** A new pending delivery of an event already recorded, due now, with a fresh retry window. Returns its id. */
    redeliver: (webhookId: string, eventId: string): string => insertDelivery(webhookId, eventId, deps.clock().toISOString()),

    /**
     * Turns up to `limit` recorded events, oldest first, into one pending delivery per
     * active webhook that subscribes to each and existed when it happened, in one
     * transaction with the mark of how far it got. Returns how many events it took.
     */
    fanOut (limit: number): number {
      // Read first, outside a write transaction: an idle outbox costs no write lock.
      if (repository.eventsAfter(fannedOutTo(), 1).length === 0) return 0
      return deps.db.$client.transaction(() => {
        const batch = repository.eventsAfter(fannedOutTo(), limit)
        const last = batch.at(-1)
        if (last === undefined) return 0
        const active = webhooks.listActive()
        const now = deps.clock().toISOString()
        for (const event of batch) {
          if (event.type === pingEventType || !isWebhookEventType(event.type)) continue
          const type = event.type
          for (const webhook of active) {
            if (webhook.createdAt <= event.createdAt && subscribesTo(webhook.events, type)) insertDelivery(webhook.id, event.id, event.createdAt, now)
          }
        }
        repository.writeSetting(fanOutKey, JSON.stringify({ sequence: last.sequence, eventId: last.id }))
        return batch.length
      }).immediate()
    },

    /**
     * Scheduled articles go public by the passage of time, with no write. The dispatcher
     * announces them (article.published) and moves this watermark past them; the first
     * read fixes it at that moment, so articles that went public before webhooks existed
     * are not announced.
     */
    scheduledWatermark (): string {
      const stored = repository.setting(scheduledWatermarkKey)
      if (stored !== undefined) return stored
      repository.initialiseSetting(scheduledWatermarkKey, deps.clock().toISOString())
      return repository.setting(scheduledWatermarkKey) as string
    },

    advanceScheduledWatermark: (to: string): void => { repository.writeSetting(scheduledWatermarkKey, to) },

    /**
     * Deletes events older than `before` once none of their deliveries is pending. Events
     * not yet fanned out are kept, and so is the newest event: rowids, which order the
     * fan-out, only keep growing while the largest one stays.
     */
    purgeEvents: (before: string, limit: number): number => repository.purgeEvents(before, fannedOutTo(), limit)
  }
}

export type EventRecorder = ReturnType<typeof createEventRecorder>
