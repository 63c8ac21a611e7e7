import type { Db } from '../../db/client.js'
import type { Clock } from '../../lib/clock.js'
import { newId } from '../../lib/ids.js'
import { filtersMatching, type DeliveredEventType, type WebhookEventType } from './webhooks.model.js'
import { createOutboxRepository } from './outbox.repository.js'

export interface EventRecorderDeps {
  db: Db
  clock: Clock
}

/** Scheduled articles whose publishedAt is at or before this instant have had their article.published event. */
const scheduledWatermarkKey = 'webhooks_scheduled_announced_until'

/**
 * Records webhook events in the outbox. Write paths call it inside the transaction of the
 * change itself, so an event exists exactly when its change was committed: a failed write
 * leaves none, and a crash after the commit loses none. An event no active webhook
 * subscribes to is not stored at all.
 */
export function createEventRecorder (deps: EventRecorderDeps) {
  const repository = createOutboxRepository(deps.db)

  function write (type: DeliveredEventType, data: object, webhookIds: readonly string[]): { eventId: string, deliveryIds: string[] } {
    const now = deps.clock().toISOString()
    const eventId = newId()
    repository.insertEvent({ id: eventId, type, dataJson: JSON.stringify(data), createdAt: now })
    const deliveryIds = webhookIds.map((webhookId) => {
      const id = newId()
      repository.insertDelivery({ id, webhookId, eventId, nextAttemptAt: now, createdAt: now })
      return id
    })
    return { eventId, deliveryIds }
  }

  return {
    /** The event, with one pending delivery per active webhook subscribed to it. */
    record (type: WebhookEventType, data: object): void {
      const webhookIds = repository.subscribers(filtersMatching(type))
      if (webhookIds.length > 0) write(type, data, webhookIds)
    },

    /** An event for one webhook only, whatever it subscribes to (ping). Returns the delivery id. */
    recordFor (webhookId: string, type: DeliveredEventType, data: object): string {
      const { deliveryIds } = write(type, data, [webhookId])
      return deliveryIds[0] as string
    },

    /** A new pending delivery of an event already recorded, due now. Returns its id. */
    redeliver (webhookId: string, eventId: string): string {
      const now = deps.clock().toISOString()
      const id = newId()
      repository.insertDelivery({ id, webhookId, eventId, nextAttemptAt: now, createdAt: now })
      return id
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

    purgeEvents: (before: string, limit: number): number => repository.purgeEvents(before, limit)
  }
}

export type EventRecorder = ReturnType<typeof createEventRecorder>
