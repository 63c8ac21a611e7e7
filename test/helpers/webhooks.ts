import type { FastifyInstance } from 'fastify'
import { bearer } from './app.js'

export interface WebhookBody {
  id: string
  url: string
  events: string[]
  active: boolean
  description: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
  version: number
  secret?: string
}

export interface DeliveryBody {
  id: string
  webhookId: string
  eventId: string
  eventType: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  nextAttemptAt: string | null
  lastAttemptAt: string | null
  lastStatusCode: number | null
  lastError: string | null
  deliveredAt: string | null
  createdAt: string
}

export interface DeliveredPayload {
  id: string
  type: string
  createdAt: string
  data: Record<string, unknown>
}

/** Creates a webhook through the API; the answer carries the secret. */
export async function createWebhook (app: FastifyInstance, token: string, fields: Record<string, unknown>): Promise<WebhookBody & { secret: string }> {
  const response = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(token), payload: { events: ['*'], ...fields } })
  if (response.statusCode !== 201) throw new Error(`POST /v1/webhooks answered ${response.statusCode}: ${response.body}`)
  return JSON.parse(response.body) as WebhookBody & { secret: string }
}

export async function listDeliveries (app: FastifyInstance, token: string, webhookId: string, query = ''): Promise<DeliveryBody[]> {
  const response = await app.inject({ method: 'GET', url: `/v1/webhooks/${webhookId}/deliveries${query === '' ? '' : `?${query}`}`, headers: bearer(token) })
  if (response.statusCode !== 200) throw new Error(`GET deliveries answered ${response.statusCode}: ${response.body}`)
  return (JSON.parse(response.body) as { data: DeliveryBody[] }).data
}
