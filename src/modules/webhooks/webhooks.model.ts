import { createHmac, randomBytes } from 'node:crypto'

/*
 * The webhook model's pure rules: the event catalogue and subscription matching, the
 * retry schedule, and the signature. No database, no HTTP.
 */

export const webhookEventTypes = [
  'article.created',
  'article.updated',
  'article.published',
  'article.unpublished',
  'article.deleted',
  'source.created',
  'source.updated',
  'source.deleted',
  'comment.created',
  'comment.approved',
  'comment.deleted'
] as const

export type WebhookEventType = typeof webhookEventTypes[number]

export function isWebhookEventType (type: string): type is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(type)
}

/** A subscription names events, or every event of a resource ("article.*"), or everything ("*"). */
export const webhookWildcards = ['article.*', 'source.*', 'comment.*', '*'] as const

export const webhookEventFilters = [...webhookEventTypes, ...webhookWildcards] as const

export type WebhookEventFilter = typeof webhookEventFilters[number]

/** Sent only by POST /v1/webhooks/{id}/ping, to that webhook alone; never subscribed to. */
export const pingEventType = 'ping'

export type DeliveredEventType = WebhookEventType | typeof pingEventType

/** Every subscription entry that matches an event of this type. */
export function filtersMatching (type: WebhookEventType): [WebhookEventFilter, WebhookEventFilter, WebhookEventFilter] {
  const resource = type.slice(0, type.indexOf('.'))
  return [type, `${resource}.*` as WebhookEventFilter, '*']
}

export function subscribesTo (filters: readonly string[], type: WebhookEventType): boolean {
  const matching: readonly string[] = filtersMatching(type)
  return filters.some((filter) => matching.includes(filter))
}

/** Retries stop when the next one would start more than this long after the event. */
export const retryWindowMs = 24 * 60 * 60 * 1000

/**
 * The wait before the next attempt, after `attempts` unsuccessful ones: the base delay
 * doubling with each attempt (base, 2×base, 4×base…), spread by ±25 % of jitter so that
 * receivers coming back from an outage are not hit by every retry at the same instant.
 * `random` is in [0, 1).
 */
export function retryDelayMs (attempts: number, baseMs: number, random: number): number {
  const exponential = baseMs * 2 ** Math.max(0, attempts - 1)
  return Math.round(exponential * (0.75 + random * 0.5))
}

/** When the delivery is retried next, or undefined when the retry window is over: it has failed. */
export function nextAttemptAt (createdAt: string, attempts: number, now: Date, baseMs: number, random: number): Date | undefined {
  const next = new Date(now.getTime() + retryDelayMs(attempts, baseMs, random))
  return next.getTime() - Date.parse(createdAt) > retryWindowMs ? undefined : next
}

/** The value of the Newsdesk-Signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
export function signatureHeader (secret: string, unixSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${digest}`
}

export function newWebhookSecret (): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** The request body of a delivery, built around the stored JSON of the event's data without re-parsing it. */
export function deliveryBody (event: { id: string, type: string, createdAt: string, dataJson: string }): string {
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},"createdAt":${JSON.stringify(event.createdAt)},"data":${event.dataJson}}`
}
