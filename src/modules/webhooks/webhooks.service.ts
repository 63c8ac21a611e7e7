import type { WebhookSettings } from '../../config.js'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { HostLookup } from '../../lib/addresses.js'
import type { Caller } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { newId } from '../../lib/ids.js'
import type { Page } from '../../schemas/pagination.js'
import { createDeliveriesRepository, type DeliveryRecord } from './deliveries.repository.js'
import { createEventRecorder } from './outbox.service.js'
import { newWebhookSecret, pingEventType } from './webhooks.model.js'
import { createWebhooksRepository, type CreatedPosition, type WebhookRecord } from './webhooks.repository.js'
import type { CreatedWebhook, DeliveryListQuery, Webhook, WebhookCreate, WebhookDelivery, WebhookPatch } from './webhooks.schemas.js'
import { checkTarget } from './webhooks.target.js'

export interface WebhooksServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
  config: { webhooks: Pick<WebhookSettings, 'allowPrivate'> }
  lookupHost: HostLookup
  /** Lets other work run between the steps of a long take-up (tests count the steps). */
  yieldToLoop?: () => Promise<void>
}

/**
 * Events read per transaction when a webhook is switched off with a backlog: ~14 ms for
 * 1,000 (measured), where taking up 50,000 in the switch-off's own transaction held the
 * event loop ~480 ms.
 */
export const backlogStep = 1000

type ExpectedVersions = readonly number[] | undefined

function sameEvents (current: readonly string[], requested: readonly string[]): boolean {
  const wanted = new Set(requested)
  return wanted.size === current.length && current.every((event) => wanted.has(event))
}

function toWebhook (record: WebhookRecord): Webhook {
  const { secret: _secret, ...webhook } = record
  return { ...webhook, events: webhook.events as Webhook['events'] }
}

function toDelivery ({ eventSequence: _sequence, ...record }: DeliveryRecord): WebhookDelivery {
  return { ...record, eventType: record.eventType as WebhookDelivery['eventType'] }
}

function decodePosition (cursors: CursorCodec, cursor: string, kind: string): CreatedPosition {
  const [cursorKind, createdAt, id] = cursors.decode(cursor)
  if (cursorKind !== kind || typeof createdAt !== 'string' || typeof id !== 'string') {
    throw new AppError('invalid_cursor', 'This cursor belongs to another list; start again from the first page.', { errors: [{ path: 'querystring/cursor', message: 'does not match this list' }] })
  }
  return [createdAt, id]
}

export function createWebhooksService (deps: WebhooksServiceDeps) {
  const repository = createWebhooksRepository(deps.db)
  const deliveries = createDeliveriesRepository(deps.db)
  const events = createEventRecorder(deps)
  const transaction = <T>(work: () => T): T => deps.db.$client.transaction(work).immediate()
  const yieldToLoop = deps.yieldToLoop ?? (async (): Promise<void> => { await new Promise((resolve) => setImmediate(resolve)) })

  function find (id: string): WebhookRecord {
    const record = repository.findById(id)
    if (record === undefined) throw new AppError('not_found', `No webhook has id ${id}.`)
    return record
  }

  function checkExpected (record: WebhookRecord, expected: ExpectedVersions): void {
    if (expected !== undefined && !expected.includes(record.version)) {
      throw new AppError('precondition_failed', `The webhook is at version ${record.version}; re-read it and apply your change again.`, { extensions: { currentVersion: record.version } })
    }
  }

  /** The URL in its canonical (WHATWG) spelling, after the SSRF rule: refused targets are a 400 and nothing is written. */
  async function acceptedUrl (url: string): Promise<string> {
    const canonical = new URL(url).href
    if (deps.config.webhooks.allowPrivate) return canonical
    const target = await checkTarget(canonical, { allowPrivate: false, lookupHost: deps.lookupHost })
    if (target.ok) return canonical
    if (target.problem === 'forbidden') {
      throw new AppError('webhook_target_forbidden', `${target.reason}.`, { errors: [{ path: 'body/url', message: 'resolves to an address webhooks may not reach' }] })
    }
    throw new AppError('validation_failed', `body/url: ${target.reason}.`, { errors: [{ path: 'body/url', message: target.reason }] })
  }

  function deliveryOf (webhookId: string, deliveryId: string): DeliveryRecord {
    const delivery = deliveries.findById(webhookId, deliveryId)
    if (delivery === undefined) throw new AppError('not_found', `Webhook ${webhookId} has no delivery ${deliveryId}.`)
    return delivery
  }

  function activeWebhook (id: string, action: string): WebhookRecord {
    const webhook = find(id)
    if (!webhook.active) throw new AppError('webhook_inactive', `The webhook is inactive; activate it (PATCH { "active": true }) before you ${action}.`)
    return webhook
  }

  return {
    list (query: { active?: boolean | undefined, limit: number, cursor?: string | undefined }): { data: Webhook[], page: Page } {
      const before = query.cursor === undefined ? undefined : decodePosition(deps.cursors, query.cursor, 'webhook')
      const rows = repository.list(query.active, before, query.limit + 1)
      const pageRows = rows.slice(0, query.limit)
      const last = pageRows.at(-1)
      const nextCursor = rows.length > query.limit && last !== undefined ? deps.cursors.encode(['webhook', last.createdAt, last.id]) : null
      return { data: pageRows.map(toWebhook), page: { limit: query.limit, nextCursor } }
    },

    get: (id: string): Webhook => toWebhook(find(id)),

    async create (input: WebhookCreate, caller: Caller): Promise<CreatedWebhook> {
      const url = await acceptedUrl(input.url)
      const now = deps.clock().toISOString()
      const record: WebhookRecord = {
        id: newId(),
        url,
        events: [...new Set(input.events)],
        active: input.active,
        secret: newWebhookSecret(),
        description: input.description ?? null,
        createdBy: caller.userId,
        createdAt: now,
        updatedAt: now,
        version: 1
      }
      // It receives the events recorded from its creation on.
      transaction(() => {
        repository.insert(record)
        events.startAtNewest(record.id)
      })
      return { ...toWebhook(record), secret: record.secret }
    },

    async update (id: string, patch: WebhookPatch, expected: ExpectedVersions): Promise<Webhook> {
      const url = patch.url === undefined ? undefined : await acceptedUrl(patch.url)
      // Events the webhook has not taken up yet happened under its current subscription,
      // while it was on: switching it off, or changing what it subscribes to, first turns
      // them into pending deliveries under that subscription. A long backlog is taken up in
      // short transactions, letting requests run in between; the transaction below takes
      // up whatever arrived meanwhile.
      const closesBacklog = (current: WebhookRecord): boolean => current.active &&
        (patch.active === false || (patch.events !== undefined && !sameEvents(current.events, patch.events)))
      for (;;) {
        const current = find(id)
        checkExpected(current, expected)
        if (!closesBacklog(current) || transaction(() => events.takeUpBacklog(id, backlogStep)).done) break
        await yieldToLoop()
      }
      return transaction(() => {
        const current = find(id)
        checkExpected(current, expected)
        const next: WebhookRecord = {
          ...current,
          ...(url === undefined ? {} : { url }),
          ...(patch.events === undefined ? {} : { events: [...new Set(patch.events)] }),
          ...(patch.active === undefined ? {} : { active: patch.active }),
          ...(patch.description === undefined ? {} : { description: patch.description }),
          updatedAt: deps.clock().toISOString(),
          version: current.version + 1
        }
        // Before the update, so under the subscription they happened under. Switched on: it
        // receives the events recorded from now on.
        if (closesBacklog(current)) events.takeUpBacklog(id)
        if (!repository.update(id, current.version, next)) throw new AppError('precondition_failed', 'The webhook changed while this request ran.')
        if (!current.active && next.active) events.startAtNewest(id)
        return toWebhook(next)
      })
    },

    /** Deleting a webhook deletes its deliveries, pending ones included. */
    delete (id: string, expected: ExpectedVersions): void {
      transaction(() => {
        checkExpected(find(id), expected)
        repository.delete(id)
      })
    },

    /** A new secret, returned this once; deliveries sent from now on are signed with it. */
    rotateSecret (id: string, expected: ExpectedVersions): CreatedWebhook {
      return transaction(() => {
        const current = find(id)
        checkExpected(current, expected)
        const next: WebhookRecord = { ...current, secret: newWebhookSecret(), updatedAt: deps.clock().toISOString(), version: current.version + 1 }
        repository.update(id, current.version, next)
        return { ...toWebhook(next), secret: next.secret }
      })
    },

    listDeliveries (id: string, query: DeliveryListQuery): { data: WebhookDelivery[], page: Page } {
      find(id)
      const kind = `delivery-${query.status ?? ''}`
      const before = query.cursor === undefined ? undefined : decodePosition(deps.cursors, query.cursor, kind)
      const rows = deliveries.list(id, query.status, before, query.limit + 1)
      const pageRows = rows.slice(0, query.limit)
      const last = pageRows.at(-1)
      const nextCursor = rows.length > query.limit && last !== undefined ? deps.cursors.encode([kind, last.createdAt, last.id]) : null
      return { data: pageRows.map(toDelivery), page: { limit: query.limit, nextCursor } }
    },

    getDelivery: (id: string, deliveryId: string): WebhookDelivery => toDelivery(deliveryOf(find(id).id, deliveryId)),

    /**
     * Sends a delivery's event again, now. A pending delivery is simply made due now; a
     * delivered or failed one gets a new delivery (new id, fresh retry window) for the same
     * event, so its history stays as it was.
     */
    redeliver (id: string, deliveryId: string): WebhookDelivery {
      return transaction(() => {
        const webhook = activeWebhook(id, 'redeliver')
        const delivery = deliveryOf(webhook.id, deliveryId)
        const now = deps.clock().toISOString()
        if (delivery.status === 'pending') {
          deliveries.bringForward(delivery.id, now)
          return toDelivery(deliveryOf(webhook.id, delivery.id))
        }
        const created = events.redeliver(webhook.id, delivery.eventSequence)
        return toDelivery(deliveryOf(webhook.id, created))
      })
    },

    /** A ping event to this webhook alone, carrying the webhook itself as its data. */
    ping (id: string): WebhookDelivery {
      return transaction(() => {
        const webhook = activeWebhook(id, 'ping it')
        const deliveryId = events.recordFor(webhook.id, pingEventType, toWebhook(webhook))
        return toDelivery(deliveryOf(webhook.id, deliveryId))
      })
    }
  }
}

export type WebhooksService = ReturnType<typeof createWebhooksService>
