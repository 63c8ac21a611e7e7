import type { z } from 'zod'
import type { CreatedWebhook, Webhook, WebhookCreateSchema, WebhookDelivery, WebhookPatchSchema } from '../../modules/webhooks/webhooks.schemas.js'
import type { OperationDocs } from '../operation-docs.js'
import { ids, nextCursor } from './fixtures.js'
import { invalid, notFound, problem, stale, type ProblemExample } from './problem.js'

/*
 * The Riverton Courier's webhooks: the static front page is rebuilt when what readers see
 * changes, and the search index follows every article change.
 */

const webhookIds = {
  frontPage: '01a2013c-5e7a-7d41-b2c9-4f18a6e03d57',
  search: '01a202b9-81f4-7a06-9e3b-c57d20f9a814',
  published: '01a2a4d0-3b6e-7c95-8f21-6d0e94b7c3a2',
  retried: '01a2a8e2-7d49-7f03-b16a-5c38e07d9f14',
  ping: '01a2a6f7-0c18-74be-a5d3-92f1e8c40b69',
  publishedEvent: '01a2a4cf-e812-7b7a-9c64-03f5d1a2b8e7',
  pingEvent: '01a2a6f6-9a27-7e58-8d1b-4ac0f3652e90'
} as const

const unknownWebhook = '01a2fe31-4c07-7b2d-8e95-1f6a3d0c7b48'
const webhooks = '/v1/webhooks'
const frontPagePath = `${webhooks}/${webhookIds.frontPage}`
const deliveries = `${frontPagePath}/deliveries`

const frontPage: Webhook = {
  id: webhookIds.frontPage,
  url: 'https://build.riverton-courier.example/hooks/front-page',
  events: ['article.published', 'article.unpublished', 'article.deleted'],
  active: true,
  description: 'Rebuild the static front page when a story goes up or comes down.',
  createdBy: ids.admin,
  createdAt: '2026-11-18T09:12:40.517Z',
  updatedAt: '2026-11-18T09:12:40.517Z',
  version: 1
}

const searchIndex: Webhook = {
  id: webhookIds.search,
  url: 'https://search.riverton-courier.example/ingest/newsdesk',
  events: ['article.*'],
  active: false,
  description: 'Keep the site search in step with every article change. Off while the index is rebuilt.',
  createdBy: ids.admin,
  createdAt: '2026-11-18T09:20:03.884Z',
  updatedAt: '2026-11-20T16:45:11.092Z',
  version: 2
}

const secret = 'whsec_5PmRljzMx8sZx5FK9htjWf5KJ7rIcWtrenDBVsQ2qZg'
const rotatedSecret = 'whsec_2gN4yRgx1nuxMOoAfGcZ_NUvxViXXPz-1G1iZ73Kbl8'

const createFrontPage = {
  url: frontPage.url,
  events: frontPage.events,
  description: frontPage.description
} satisfies z.input<typeof WebhookCreateSchema>

const everyComment = {
  url: 'https://moderation.riverton-courier.example/queue/newsdesk',
  events: ['comment.*']
} satisfies z.input<typeof WebhookCreateSchema>

const pause = { active: false } satisfies z.input<typeof WebhookPatchSchema>
const widen = { events: ['article.*', 'source.updated'], description: 'Rebuild the front page and the sources panel.' } satisfies z.input<typeof WebhookPatchSchema>

/** The barrier story's publication, delivered to the front-page builder at the first attempt. */
const publishedDelivery: WebhookDelivery = {
  id: webhookIds.published,
  webhookId: webhookIds.frontPage,
  eventId: webhookIds.publishedEvent,
  eventType: 'article.published',
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: '2026-11-19T07:30:01.204Z',
  lastStatusCode: 204,
  lastError: null,
  deliveredAt: '2026-11-19T07:30:01.388Z',
  createdAt: '2026-11-19T07:30:00.912Z'
}

/** An unpublication the builder did not answer in time: waiting for its third attempt. */
const retryingDelivery: WebhookDelivery = {
  id: webhookIds.retried,
  webhookId: webhookIds.frontPage,
  eventId: '01a2a9b3-6f25-7d80-a4c7-e2b9051f36da',
  eventType: 'article.unpublished',
  status: 'pending',
  attempts: 2,
  nextAttemptAt: '2026-11-20T14:03:30.000Z',
  lastAttemptAt: '2026-11-20T14:02:30.441Z',
  lastStatusCode: null,
  lastError: 'timed out after 5000 ms',
  deliveredAt: null,
  createdAt: '2026-11-20T14:02:00.107Z'
}

const failedDelivery: WebhookDelivery = {
  ...publishedDelivery,
  id: '01a2a3f1-9e4c-7a52-b8d0-36c1f7e92a05',
  eventId: '01a2a3f0-2d8b-7c61-9f47-a05e3b1d6c28',
  eventType: 'article.deleted',
  status: 'failed',
  attempts: 9,
  lastAttemptAt: '2026-11-19T06:58:12.775Z',
  lastStatusCode: 502,
  lastError: 'the receiver answered 502',
  deliveredAt: null,
  createdAt: '2026-11-18T06:58:10.030Z'
}

const pingDelivery: WebhookDelivery = {
  id: webhookIds.ping,
  webhookId: webhookIds.frontPage,
  eventId: webhookIds.pingEvent,
  eventType: 'ping',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-11-19T10:41:07.250Z',
  lastAttemptAt: null,
  lastStatusCode: null,
  lastError: null,
  deliveredAt: null,
  createdAt: '2026-11-19T10:41:07.250Z'
}

const unknown = (instance: string): ProblemExample => notFound(instance, `No webhook has id ${unknownWebhook}.`)
const unknownPath = `${webhooks}/${unknownWebhook}`
const inactive = (instance: string, action: string): ProblemExample => problem('The webhook is off', 'webhook_inactive', instance,
  `The webhook is inactive; activate it (PATCH { "active": true }) before you ${action}.`)
const privateTarget = (instance: string): ProblemExample => problem('A URL on the newsroom\'s own network', 'webhook_target_forbidden', instance,
  'build.internal.riverton-courier.example resolves to 10.20.0.14, a private address; webhook targets must be public.',
  { errors: [{ path: 'body/url', message: 'resolves to an address webhooks may not reach' }] })

const created = (webhook: Webhook, key: string): CreatedWebhook => ({ ...webhook, secret: key })

export const webhookDocs: OperationDocs = {
  listWebhooks: {
    responses: {
      200: [
        { summary: 'The newsroom\'s webhooks', value: { data: [searchIndex, frontPage], page: { limit: 20, nextCursor: null } } },
        { summary: 'Only inactive ones (?active=false)', value: { data: [searchIndex], page: { limit: 20, nextCursor: null } } }
      ]
    },
    errors: [invalid('Not true or false', webhooks, [{ path: 'querystring/active', message: 'Invalid option: expected one of "true"|"false"' }])]
  },
  createWebhook: {
    request: [
      { summary: 'Rebuild the front page on publication', value: createFrontPage },
      { summary: 'Every comment event, to a moderation queue', value: everyComment }
    ],
    responses: { 201: [{ summary: 'Created, with its secret shown this once', value: created(frontPage, secret) }] },
    errors: [
      privateTarget(webhooks),
      invalid('An unknown event', webhooks, [{ path: 'body/events/0', message: 'unknown event "article.edited"; events are article.created, article.updated, article.published, article.unpublished, article.deleted, source.created, source.updated, source.deleted, comment.created, comment.approved, comment.deleted, or a wildcard: article.*, source.*, comment.*, *' }])
    ]
  },
  getWebhook: {
    description: 'One webhook: its URL, the events it receives and whether it is active, with an ETag to send back as If-Match when changing it. The signing secret is never shown again after creation; rotate it to get a new one.',
    responses: { 200: [{ summary: 'The front-page builder', value: frontPage }] },
    errors: [unknown(unknownPath)]
  },
  updateWebhook: {
    request: [{ summary: 'Pause it', value: pause }, { summary: 'Receive more events', value: widen }],
    responses: { 200: [{ summary: 'Paused', value: { ...frontPage, active: false, updatedAt: '2026-11-21T11:02:19.630Z', version: 2 } }] },
    errors: [
      privateTarget(frontPagePath),
      stale(frontPagePath, 'webhook', 2),
      unknown(unknownPath)
    ]
  },
  deleteWebhook: {
    errors: [unknown(unknownPath), stale(frontPagePath, 'webhook', 3)]
  },
  rotateWebhookSecret: {
    responses: { 200: [{ summary: 'The new secret, shown this once', value: created({ ...frontPage, updatedAt: '2026-11-21T11:30:52.004Z', version: 2 }, rotatedSecret) }] },
    errors: [unknown(`${unknownPath}/secret`), stale(`${frontPagePath}/secret`, 'webhook', 2)]
  },
  listWebhookDeliveries: {
    responses: {
      200: [
        { summary: 'Delivered, retrying and failed', value: { data: [retryingDelivery, publishedDelivery, failedDelivery], page: { limit: 3, nextCursor } } },
        { summary: 'Only those that failed (?status=failed)', value: { data: [failedDelivery], page: { limit: 20, nextCursor: null } } }
      ]
    },
    errors: [unknown(`${unknownPath}/deliveries`)]
  },
  getWebhookDelivery: {
    description: 'One delivery: the event it carries, its state, how many attempts were made, the last response code or error, and when the next attempt is due. Its ETag changes with every attempt, so If-None-Match polls cheaply until it is delivered or failed.',
    responses: {
      200: [
        { summary: 'Delivered at the first attempt', value: publishedDelivery },
        { summary: 'Waiting for a retry after a timeout', value: retryingDelivery }
      ]
    },
    errors: [notFound(`${deliveries}/${webhookIds.ping}`, `Webhook ${webhookIds.frontPage} has no delivery ${webhookIds.ping}.`)]
  },
  redeliverWebhookDelivery: {
    responses: {
      202: [{
        summary: 'A failed delivery, sent again as a new one',
        value: { ...failedDelivery, id: '01a2b0c4-58e1-7f3a-9d26-c4a07b3e1f95', status: 'pending', attempts: 0, nextAttemptAt: '2026-11-21T09:15:00.312Z', lastAttemptAt: null, lastStatusCode: null, lastError: null, createdAt: '2026-11-21T09:15:00.312Z' }
      }]
    },
    errors: [
      inactive(`${webhooks}/${webhookIds.search}/deliveries/${webhookIds.retried}/redeliver`, 'redeliver'),
      notFound(`${deliveries}/${webhookIds.ping}/redeliver`, `Webhook ${webhookIds.frontPage} has no delivery ${webhookIds.ping}.`)
    ]
  },
  pingWebhook: {
    responses: { 202: [{ summary: 'The ping, on its way', value: pingDelivery }] },
    errors: [inactive(`${webhooks}/${webhookIds.search}/ping`, 'ping it'), unknown(`${unknownPath}/ping`)]
  }
}
