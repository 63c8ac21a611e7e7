import type { Db } from '../../db/client.js'
import type { Clock } from '../../lib/clock.js'
import { newId } from '../../lib/ids.js'
import { filtersMatching, isWebhookEventType, pingEventType, subscribesTo, type DeliveredEventType, type WebhookEventType } from './webhooks.model.js'
import { createOutboxRepository, type SequencedEvent, type WebhookCursor } from './outbox.repository.js'

export interface EventRecorderDeps {
  db: Db
  clock: Clock
}

/** Scheduled articles whose publishedAt is at or before this instant have had their article.published event. */
const scheduledWatermarkKey = 'webhooks_scheduled_announced_until'

/** How much one call of fanOut may take up for each webhook. */
export interface FanOutLimits {
  /** Fan-out stops for a webhook once it has this many pending deliveries; undefined: no bound. */
  pendingBound: number | undefined
  /** Deliveries written per webhook in this call at most. */
  deliveries: number
  /** Events read per webhook in this call at most (events it does not subscribe to are passed over). */
  events: number
}

export interface FanOutResult {
  /** Deliveries written. */
  deliveries: number
  /** Whether some webhook with room still has events waiting after this call. */
  more: boolean
}

/**
 * The webhook outbox. Write paths record events inside the transaction of the change
 * itself, so an event exists exactly when its change was committed: a failed write
 * leaves none, and a crash after the commit loses none. An event no active webhook
 * subscribes to is not stored at all.
 *
 * A write stores only the event row. Each webhook then has its own cursor over the
 * events, and the dispatcher takes events up, in commit order, into that webhook's
 * pending deliveries only while it has room for them (the pending bound). A delivery row
 * per webhook for every event up front cost writes far more than the event alone
 * (measured: saturated PATCH throughput −24 % with 3 webhooks at a slow receiver), and a
 * slow receiver only ever needs its next few; events beyond wait, durably, in the outbox.
 */
export function createEventRecorder (deps: EventRecorderDeps) {
  const repository = createOutboxRepository(deps.db)

  function insertEvent (type: DeliveredEventType, data: object): { sequence: number, createdAt: string } {
    const createdAt = deps.clock().toISOString()
    return { sequence: repository.insertEvent({ id: newId(), type, dataJson: JSON.stringify(data), createdAt }), createdAt }
  }

  function insertDelivery (webhookId: string, eventSequence: number, createdAt: string, dueAt = deps.clock().toISOString()): string {
    const id = newId()
    repository.insertDelivery({ id, webhookId, eventSequence, nextAttemptAt: dueAt, createdAt })
    return id
  }

  /**
   * Writes a delivery for each event after `from` that the webhook subscribes to (pings
   * are never fanned out), at most `room` of them and reading at most `scan` events, and
   * moves the webhook's cursor past the last event it took. `more`: events may be left.
   */
  function takeUp (webhook: WebhookCursor, from: number, room: number, scan: number, now: string): { deliveries: number, to: number, more: boolean } {
    const batch = repository.eventsAfter(from, scan)
    let deliveries = 0
    let last: SequencedEvent | undefined
    for (const event of batch) {
      if (deliveries >= room) break
      last = event
      if (event.type !== pingEventType && isWebhookEventType(event.type) && subscribesTo(webhook.events, event.type)) {
        insertDelivery(webhook.webhookId, event.sequence, event.createdAt, now)
        deliveries++
      }
    }
    if (last === undefined) return { deliveries, to: from, more: false }
    repository.setCursor(webhook.webhookId, last.sequence)
    return { deliveries, to: last.sequence, more: last !== batch.at(-1) || batch.length === scan }
  }

  return {
    /** Records the event if an active webhook subscribes to it; `data` is built only then. Call inside the change's transaction. */
    record (type: WebhookEventType, data: () => object): void {
      if (repository.hasSubscriber(filtersMatching(type))) insertEvent(type, data())
    },

    /** An event for one webhook only, whatever it subscribes to (ping), with its delivery. Returns the delivery id. */
    recordFor (webhookId: string, type: typeof pingEventType, data: object): string {
      const event = insertEvent(type, data)
      return insertDelivery(webhookId, event.sequence, event.createdAt)
    },

    /** A new pending delivery of an event already recorded, due now, with a fresh retry window. Returns its id. */
    redeliver: (webhookId: string, eventSequence: number): string => insertDelivery(webhookId, eventSequence, deps.clock().toISOString()),

    /**
     * Points the webhook's cursor at the newest event: it receives only events recorded
     * from now on. For a new webhook, and one switched back on. Call inside the transaction
     * of that change.
     */
    startAtNewest (webhookId: string): void {
      repository.setCursor(webhookId, repository.newestSequence())
    },

    /**
     * Takes up events the webhook has not taken yet into pending deliveries, whatever the
     * bound, reading at most `maxEvents` of them (all of them by default): for a webhook
     * being switched off, whose events up to now are owed to it and wait, as deliveries,
     * until it is switched on again. `done`: none is left after this call.
     */
    takeUpBacklog (webhookId: string, maxEvents = Number.POSITIVE_INFINITY): { deliveries: number, done: boolean } {
      const webhook = repository.cursorOf(webhookId)
      if (webhook === undefined) return { deliveries: 0, done: true }
      const now = deps.clock().toISOString()
      let from = webhook.sequence
      let deliveries = 0
      let read = 0
      for (;;) {
        const scan = Math.min(1000, maxEvents - read)
        const taken = takeUp(webhook, from, Number.POSITIVE_INFINITY, scan, now)
        deliveries += taken.deliveries
        read += scan
        if (!taken.more) return { deliveries, done: true }
        if (read >= maxEvents) return { deliveries, done: false }
        from = taken.to
      }
    },

    /**
     * One short transaction: for each active webhook with fewer pending deliveries than the
     * bound, takes up the events after its cursor, oldest first, into pending deliveries
     * within the limits.
     */
    fanOut (limits: FanOutLimits): FanOutResult {
      const { pendingBound } = limits
      const room = (webhookId: string): number => pendingBound === undefined ? Number.POSITIVE_INFINITY : pendingBound - repository.pendingUpTo(webhookId, pendingBound)
      // Read first, outside a write transaction: an idle outbox, or webhooks without room, cost no write lock.
      const ready = repository.activeCursors().some((webhook) => room(webhook.webhookId) > 0 && repository.eventsAfter(webhook.sequence, 1).length > 0)
      if (!ready) return { deliveries: 0, more: false }
      return deps.db.$client.transaction(() => {
        const now = deps.clock().toISOString()
        const result: FanOutResult = { deliveries: 0, more: false }
        for (const webhook of repository.activeCursors()) {
          const free = room(webhook.webhookId)
          if (free <= 0) continue
          const taken = takeUp(webhook, webhook.sequence, Math.min(free, limits.deliveries), limits.events, now)
          result.deliveries += taken.deliveries
          if (taken.more && taken.deliveries < free) result.more = true
        }
        return result
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
     * Reads up to `limit` events after `after`, in commit order, and deletes those created
     * before `before` once none of their deliveries is pending and every active webhook's
     * cursor is past them (an inactive webhook's owed events are pending deliveries already).
     * The newest event is kept too: sequences, which order the cursors, only keep growing
     * while the largest one stays (a new one is the largest plus one). The walk ends at the first event not older than `before`:
     * creation times follow commit order (but for a clock step, which only delays a purge),
     * so no index on them is needed, and every write saves that index's upkeep (measured:
     * ~6 of the ~22 µs of CPU an event row adds to its write's transaction). Returns where
     * the next call goes on from, or undefined when the walk is over.
     */
    purgeEvents (before: string, limit: number, after: number): number | undefined {
      const newest = repository.newestSequence()
      if (newest === 0) return undefined
      const below = Math.min(newest, ...repository.activeCursors().map((webhook) => webhook.sequence))
      // Read first, outside a write transaction: events still pending cost no write lock.
      const candidates = repository.purgeCandidates(after, below, limit)
      const young = candidates.findIndex((event) => event.createdAt >= before)
      const old = young === -1 ? candidates : candidates.slice(0, young)
      const expired = old.filter((event) => !event.pending)
      if (expired.length > 0) deps.db.$client.transaction(() => { for (const event of expired) repository.deleteEvent(event.sequence) }).immediate()
      return young === -1 && candidates.length === limit ? candidates.at(-1)?.sequence : undefined
    }
  }
}

export type EventRecorder = ReturnType<typeof createEventRecorder>
