import type { WebhookSettings } from '../../config.js'
import type { Db } from '../../db/client.js'
import type { HostLookup } from '../../lib/addresses.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { createArticlesService } from '../articles/articles.service.js'
import { createDeliveriesRepository, type DueDelivery } from './deliveries.repository.js'
import { createEventRecorder } from './outbox.service.js'
import { deliveryBody, nextAttemptAt, signatureHeader } from './webhooks.model.js'
import { checkTarget } from './webhooks.target.js'
import { httpSender, type WebhookSender } from './webhooks.transport.js'

export interface DispatcherTimers {
  setTimeout: (callback: () => void, milliseconds: number) => unknown
  clearTimeout: (handle: unknown) => void
}

export interface DispatcherLogger {
  warn: (details: Record<string, unknown>, message: string) => void
  error: (details: Record<string, unknown>, message: string) => void
}

export interface WebhookDispatcherDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
  settings: WebhookSettings
  lookupHost: HostLookup
  userAgent: string
  log: DispatcherLogger
  send?: WebhookSender
  /** Jitter source, in [0, 1). */
  random?: () => number
  timers?: DispatcherTimers
  /** How often the loop looks for due deliveries when nothing wakes it sooner. */
  pollIntervalMs?: number
}

export interface WebhookDispatcher {
  /** Starts the background loop: it picks up whatever is pending, including attempts a crash interrupted. */
  start: () => void
  /** Stops the loop and aborts attempts in flight; they stay pending and are retried on the next start. */
  stop: () => Promise<void>
  /**
   * Takes recorded events up into pending deliveries, for every active webhook as far as
   * its pending bound allows (the loop does this on every tick); with `ignoreBound`, every
   * event recorded so far. Returns how many deliveries it wrote.
   */
  fanOut: (options?: { ignoreBound?: boolean }) => number
  /**
   * Announces scheduled articles that went public, fans out new events, then attempts
   * every delivery due now (each at most once), fanning out again as attempts finish and
   * make room, and resolves when those attempts are recorded. The loop runs the same
   * steps; tests call this to move deliveries forward under their own clock.
   */
  dispatchDue: () => Promise<number>
}

interface Outcome {
  statusCode: number | null
  error: string | null
}

/** Events (and their deliveries) are kept this long, then purged once none is pending and every active webhook has taken them up. */
const eventRetentionMs = 30 * 24 * 60 * 60 * 1000
const purgeIntervalMs = 60 * 60 * 1000
/** Events a purge reads per tick; while its walk has more to read, the next tick goes on from there. */
const purgeBatch = 500
/**
 * Deliveries written per webhook per transaction, and events read per webhook to find
 * them. A tick takes one batch and, when there is more, comes back at once: requests run
 * between batches. Ten events (30 delivery rows with 3 webhooks) held the event loop ~1 ms;
 * batches of 100 held it ~10 ms at a time, which showed as +25 % mean PATCH latency at a
 * steady 200 req/s (bench:webhooks), against +2-4 %. Reading events without writing is far
 * cheaper, so a webhook passes over up to 100 it does not subscribe to per batch.
 */
const fanOutBatch = { deliveries: 10, events: 100 }
const fanOutBatchesPerTick = 1

/**
 * A webhook's events are taken up into deliveries only while it has fewer pending
 * deliveries than this. At most `concurrency` attempts run at once, so no webhook needs
 * more than that many due to keep every slot busy; twice that keeps its next deliveries
 * written before the ones in flight finish, and twice again lets a few sit in retry
 * backoff without throttling a receiver that fails now and then. Beyond it, a slow or
 * failing receiver's events wait in the outbox, where they cost the write one row.
 */
export function pendingBound (concurrency: number): number {
  return 4 * concurrency
}

// Unreferenced: the dispatcher alone never keeps a process alive (the HTTP server does that).
const defaultTimers: DispatcherTimers = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds).unref(),
  clearTimeout: (handle) => { clearTimeout(handle as NodeJS.Timeout) }
}

function describeFailure (error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  const message = typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message
  return message.slice(0, 500)
}

/**
 * Works the outbox off the request path: announces scheduled articles that went public,
 * takes recorded events up into each webhook's deliveries while it has room for them,
 * and sends due deliveries a bounded number at a time. A write only inserts its event
 * row; nothing here runs inside a request.
 */
export function createWebhookDispatcher (deps: WebhookDispatcherDeps): WebhookDispatcher {
  const deliveries = createDeliveriesRepository(deps.db)
  const events = createEventRecorder(deps)
  const articles = createArticlesService(deps)
  const send = deps.send ?? httpSender
  const random = deps.random ?? Math.random
  const timers = deps.timers ?? defaultTimers
  const pollIntervalMs = deps.pollIntervalMs ?? 1000
  const { settings } = deps
  const inFlight = new Map<string, Promise<void>>()
  const controllers = new Set<AbortController>()
  let running = false
  let stopping = false
  let timer: unknown
  let lastPurge = 0
  let lastAnnouncement = Number.NEGATIVE_INFINITY
  /** Where the purge walk in progress goes on from (an event's sequence); undefined: none in progress. */
  let purgeFrom: number | undefined

  // Fixed now, so that only articles going public from here on are announced.
  events.scheduledWatermark()

  const bound = pendingBound(settings.concurrency)

  /** Fans out up to `maxBatches` batches; `more`: a webhook with room still has events waiting. */
  function fanOut (maxBatches: number, pendingLimit: number | undefined): { deliveries: number, more: boolean } {
    let deliveries = 0
    for (let batch = 0; batch < maxBatches; batch++) {
      const result = events.fanOut({ ...fanOutBatch, pendingBound: pendingLimit })
      deliveries += result.deliveries
      if (!result.more) return { deliveries, more: false }
    }
    return { deliveries, more: true }
  }

  /**
   * Returns whether events were left for the next sweep (the batch limit was reached).
   * Scheduled articles are looked for at most once per poll interval unless `announce` is
   * 'always': under a stream of writes the loop sweeps every few milliseconds, and that
   * query on every sweep cost more than the fan-out itself.
   */
  function sweep (maxFanOutBatches: number, announce: 'always' | 'when-due'): boolean {
    const now = deps.clock().getTime()
    if (announce === 'always' || now - lastAnnouncement >= pollIntervalMs) {
      articles.announceScheduled()
      lastAnnouncement = now
    }
    const backlog = fanOut(maxFanOutBatches, bound).more
    if (purgeFrom !== undefined || now - lastPurge >= purgeIntervalMs) {
      if (purgeFrom === undefined) lastPurge = now
      purgeFrom = events.purgeEvents(new Date(now - eventRetentionMs).toISOString(), purgeBatch, purgeFrom ?? 0)
    }
    return backlog || purgeFrom !== undefined
  }

  async function post (row: DueDelivery, startedAt: Date): Promise<Outcome | undefined> {
    const controller = new AbortController()
    let timedOut = false
    const timeout = timers.setTimeout(() => { timedOut = true; controller.abort() }, settings.timeoutMs)
    controllers.add(controller)
    try {
      // Checked at every attempt: what a name resolves to can change after the webhook was saved.
      const target = await checkTarget(row.url, { allowPrivate: settings.allowPrivate, lookupHost: deps.lookupHost })
      if (!target.ok) return { statusCode: null, error: target.problem === 'forbidden' ? `webhook_target_forbidden: ${target.reason}` : target.reason }
      if (controller.signal.aborted) throw new Error('aborted')
      const body = deliveryBody({ id: row.eventId, type: row.eventType, createdAt: row.eventCreatedAt, dataJson: row.dataJson })
      const status = await send({
        url: target.url,
        address: target.address,
        headers: {
          'content-type': 'application/json',
          'user-agent': deps.userAgent,
          'newsdesk-event': row.eventType,
          'newsdesk-delivery': row.id,
          'newsdesk-signature': signatureHeader(row.secret, Math.floor(startedAt.getTime() / 1000), body)
        },
        body,
        signal: controller.signal
      })
      return { statusCode: status, error: status >= 200 && status < 300 ? null : `the receiver answered ${status}` }
    } catch (error) {
      if (timedOut) return { statusCode: null, error: `timed out after ${settings.timeoutMs} ms` }
      if (stopping) return undefined
      return { statusCode: null, error: describeFailure(error) }
    } finally {
      timers.clearTimeout(timeout)
      controllers.delete(controller)
    }
  }

  function record (row: DueDelivery, startedAt: Date, outcome: Outcome): void {
    const now = deps.clock()
    const attempts = row.attempts + 1
    const attempt = { id: row.id, attempts, lastAttemptAt: startedAt.toISOString(), lastStatusCode: outcome.statusCode, lastError: outcome.error }
    if (outcome.error === null) {
      deliveries.recordAttempt({ ...attempt, status: 'delivered', nextAttemptAt: null, deliveredAt: now.toISOString() })
      return
    }
    const next = nextAttemptAt(row.createdAt, attempts, now, settings.retryBaseMs, random())
    deliveries.recordAttempt({ ...attempt, status: next === undefined ? 'failed' : 'pending', nextAttemptAt: next?.toISOString() ?? null, deliveredAt: null })
    if (next === undefined) {
      deps.log.warn({ deliveryId: row.id, webhookId: row.webhookId, eventType: row.eventType, attempts, lastError: outcome.error }, 'webhook delivery failed: no success within 24 hours of the event')
    }
  }

  async function attempt (row: DueDelivery): Promise<void> {
    const startedAt = deps.clock()
    const outcome = await post(row, startedAt)
    // Stopped mid-attempt: nothing is recorded, the delivery stays due for the next start.
    if (outcome !== undefined) record(row, startedAt, outcome)
  }

  function startAttempt (row: DueDelivery): void {
    const settled = attempt(row)
      .catch((error: unknown) => { deps.log.error({ err: error, deliveryId: row.id }, 'webhook delivery attempt could not be recorded') })
      .finally(() => {
        inFlight.delete(row.id)
        if (running) schedule(0)
      })
    inFlight.set(row.id, settled)
  }

  /** Starts attempts for due deliveries while there is room; returns those started. */
  function fill (skip: ReadonlySet<string>): DueDelivery[] {
    const free = settings.concurrency - inFlight.size
    if (free <= 0 || stopping) return []
    const rows = deliveries.due(deps.clock().toISOString(), free + inFlight.size + skip.size)
      .filter((row) => !inFlight.has(row.id) && !skip.has(row.id))
      .slice(0, free)
    rows.forEach(startAttempt)
    return rows
  }

  function schedule (milliseconds: number): void {
    if (!running) return
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = timers.setTimeout(tick, milliseconds)
  }

  function tick (): void {
    timer = undefined
    let backlog = false
    try {
      backlog = sweep(fanOutBatchesPerTick, 'when-due')
      fill(new Set())
    } catch (error) {
      deps.log.error({ err: error }, 'webhook dispatcher could not read the outbox')
    }
    schedule(backlog ? 0 : pollIntervalMs)
  }

  return {
    start () {
      if (running) return
      running = true
      stopping = false
      schedule(0)
    },

    async stop () {
      running = false
      stopping = true
      if (timer !== undefined) timers.clearTimeout(timer)
      timer = undefined
      for (const controller of controllers) controller.abort()
      await Promise.allSettled(inFlight.values())
    },

    fanOut: (options = {}) => fanOut(Number.POSITIVE_INFINITY, options.ignoreBound === true ? undefined : bound).deliveries,

    async dispatchDue () {
      sweep(Number.POSITIVE_INFINITY, 'always')
      const attempted = new Set<string>()
      for (;;) {
        for (const row of fill(attempted)) attempted.add(row.id)
        if (inFlight.size === 0) return attempted.size
        await Promise.race(inFlight.values())
        fanOut(Number.POSITIVE_INFINITY, bound)
      }
    }
  }
}
