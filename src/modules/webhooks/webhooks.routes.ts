import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { parseIfMatch } from '../../plugins/http-caching.js'
import { EmptySchema, IdParamsSchema } from '../../schemas/common.js'
import { ConditionalReadHeadersSchema, ConditionalWriteHeadersSchema } from '../../schemas/headers.js'
import { problems } from '../../schemas/responses.js'
import type { ModuleDeps } from '../deps.js'
import {
  CreatedWebhookSchema,
  DeliveryListQuerySchema,
  DeliveryParamsSchema,
  WebhookCreateSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookListQuerySchema,
  WebhookPageSchema,
  WebhookPatchSchema,
  WebhookSchema,
  type WebhookDelivery
} from './webhooks.schemas.js'
import { createWebhooksService } from './webhooks.service.js'

const tags = ['Webhooks']
const admin = { access: { scope: 'admin' } } as const
const webhookEtag = (webhook: { version: number }): string => `"v${webhook.version}"`
// A delivery has no version: its tag is a digest of everything it shows.
const deliveryEtag = (delivery: WebhookDelivery): string => `"d-${createHash('sha256').update(JSON.stringify(delivery)).digest('base64url').slice(0, 16)}"`

const webhooksRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, deps) => {
  const service = createWebhooksService(deps)

  app.get('/webhooks', {
    schema: {
      operationId: 'listWebhooks',
      tags,
      summary: 'List webhooks',
      description: 'Every webhook, newest first, keyset-paginated; active filters by state. Secrets are never listed.',
      querystring: WebhookListQuerySchema,
      response: { 200: WebhookPageSchema }
    },
    config: admin,
    handler: async (request) => service.list(request.query)
  })

  app.post('/webhooks', {
    schema: {
      operationId: 'createWebhook',
      tags,
      summary: 'Create a webhook',
      description: 'Subscribes a URL to events (names or wildcards such as "article.*" and "*"). The signing secret (whsec_…) is generated and returned this once. The URL\'s host is resolved now and at every delivery: a target on a loopback, private, link-local, metadata or other non-public address is a 400 webhook_target_forbidden.',
      body: WebhookCreateSchema,
      response: { 201: CreatedWebhookSchema, ...problems(400) }
    },
    config: admin,
    handler: async (request, reply) => {
      const webhook = await service.create(request.body, request.caller!)
      reply.header('location', `/v1/webhooks/${webhook.id}`).header('etag', webhookEtag(webhook))
      return reply.code(201).send(webhook)
    }
  })

  app.get('/webhooks/:id', {
    schema: {
      operationId: 'getWebhook',
      tags,
      summary: 'Get a webhook',
      params: IdParamsSchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: WebhookSchema, 304: EmptySchema.describe('Not modified.'), ...problems(404) }
    },
    config: admin,
    handler: async (request, reply) => {
      const webhook = service.get(request.params.id)
      reply.header('etag', webhookEtag(webhook))
      return webhook
    }
  })

  app.patch('/webhooks/:id', {
    schema: {
      operationId: 'updateWebhook',
      tags,
      summary: 'Update a webhook',
      description: 'Changes the URL (checked like on create), the events, the description, or turns it off and on (active). Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      body: WebhookPatchSchema,
      response: { 200: WebhookSchema, ...problems(400, 404, 412) }
    },
    config: admin,
    handler: async (request, reply) => {
      const webhook = await service.update(request.params.id, request.body, parseIfMatch(request.headers['if-match']))
      reply.header('etag', webhookEtag(webhook))
      return webhook
    }
  })

  app.delete('/webhooks/:id', {
    schema: {
      operationId: 'deleteWebhook',
      tags,
      summary: 'Delete a webhook',
      description: 'Deletes the webhook and its deliveries, pending ones included. Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 204: EmptySchema.describe('Deleted.'), ...problems(404, 412) }
    },
    config: admin,
    handler: async (request, reply) => {
      service.delete(request.params.id, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    }
  })

  app.post('/webhooks/:id/secret', {
    schema: {
      operationId: 'rotateWebhookSecret',
      tags,
      summary: 'Rotate a webhook\'s secret',
      description: 'Replaces the signing secret and returns the new one this once; every attempt from now on, retries included, is signed with it. Honours If-Match.',
      params: IdParamsSchema,
      headers: ConditionalWriteHeadersSchema,
      response: { 200: CreatedWebhookSchema, ...problems(404, 412) }
    },
    config: admin,
    handler: async (request, reply) => {
      const webhook = service.rotateSecret(request.params.id, parseIfMatch(request.headers['if-match']))
      reply.header('etag', webhookEtag(webhook))
      return webhook
    }
  })

  app.get('/webhooks/:id/deliveries', {
    schema: {
      operationId: 'listWebhookDeliveries',
      tags,
      summary: 'A webhook\'s deliveries',
      description: 'Each event sent (or being sent) to the webhook, newest first: its state, attempts, the last response code or error, and when the next attempt is due. An event is listed once the webhook has taken it up from the outbox: a webhook takes up new events only while it has fewer than 4 × WEBHOOK_CONCURRENCY deliveries pending, so behind a slow receiver the latest events wait there, in order, and are not listed yet.',
      params: IdParamsSchema,
      querystring: DeliveryListQuerySchema,
      response: { 200: WebhookDeliveryPageSchema, ...problems(404) }
    },
    config: admin,
    handler: async (request) => service.listDeliveries(request.params.id, request.query)
  })

  app.get('/webhooks/:id/deliveries/:deliveryId', {
    schema: {
      operationId: 'getWebhookDelivery',
      tags,
      summary: 'Get a delivery',
      params: DeliveryParamsSchema,
      headers: ConditionalReadHeadersSchema,
      response: { 200: WebhookDeliverySchema, 304: EmptySchema.describe('Not modified.'), ...problems(404) }
    },
    config: admin,
    handler: async (request, reply) => {
      const delivery = service.getDelivery(request.params.id, request.params.deliveryId)
      reply.header('etag', deliveryEtag(delivery))
      return delivery
    }
  })

  app.post('/webhooks/:id/deliveries/:deliveryId/redeliver', {
    schema: {
      operationId: 'redeliverWebhookDelivery',
      tags,
      summary: 'Send a delivery again',
      description: 'Attempts the delivery\'s event again, now, and answers at once (202) with the delivery that will carry it: the same one when it is still pending, otherwise a new delivery of the same event (same payload id, new Newsdesk-Delivery id). 409 webhook_inactive when the webhook is off.',
      params: DeliveryParamsSchema,
      response: { 202: WebhookDeliverySchema, ...problems(404, 409) }
    },
    config: admin,
    handler: async (request, reply) => {
      const delivery = service.redeliver(request.params.id, request.params.deliveryId)
      reply.header('location', `/v1/webhooks/${delivery.webhookId}/deliveries/${delivery.id}`).header('etag', deliveryEtag(delivery))
      return reply.code(202).send(delivery)
    }
  })

  app.post('/webhooks/:id/ping', {
    schema: {
      operationId: 'pingWebhook',
      tags,
      summary: 'Ping a webhook',
      description: 'Sends a ping event, whose data is the webhook itself, to this webhook only, and answers at once (202) with its delivery: a way to check the receiver and its signature check. 409 webhook_inactive when the webhook is off.',
      params: IdParamsSchema,
      response: { 202: WebhookDeliverySchema, ...problems(404, 409) }
    },
    config: admin,
    handler: async (request, reply) => {
      const delivery = service.ping(request.params.id)
      reply.header('location', `/v1/webhooks/${delivery.webhookId}/deliveries/${delivery.id}`).header('etag', deliveryEtag(delivery))
      return reply.code(202).send(delivery)
    }
  })
}

export default webhooksRoutes
