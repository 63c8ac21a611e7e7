import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { bearer } from './app.js'

export interface ImportResult {
  index: number
  type?: string
  status: 'created' | 'updated' | 'unchanged' | 'error'
  id?: string
  slug?: string
  url?: string
  problem?: { code: string, status: number, detail: string, errors?: Array<{ path: string, message: string }> }
}

export interface ImportReport {
  data: ImportResult[]
  summary: { created: number, updated: number, unchanged: number, error: number }
}

export function ndjson (items: readonly unknown[]): string {
  return items.map((item) => JSON.stringify(item)).join('\n') + '\n'
}

/** POST /v1/import with a JSON array (the default) or NDJSON. */
export async function importItems (app: FastifyInstance, token: string, items: readonly unknown[], format: 'json' | 'ndjson' = 'json', headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/import',
    headers: { ...bearer(token), 'content-type': format === 'json' ? 'application/json' : 'application/x-ndjson', ...headers },
    payload: format === 'json' ? JSON.stringify(items) : ndjson(items)
  })
}

export async function importOk (app: FastifyInstance, token: string, items: readonly unknown[], format: 'json' | 'ndjson' = 'json'): Promise<ImportReport> {
  const response = await importItems(app, token, items, format)
  if (response.statusCode !== 200) throw new Error(`POST /v1/import answered ${response.statusCode}: ${response.body}`)
  return JSON.parse(response.body) as ImportReport
}

export async function exportLines (app: FastifyInstance, token: string): Promise<Array<Record<string, unknown>>> {
  const response = await app.inject({ method: 'GET', url: '/v1/export', headers: bearer(token) })
  if (response.statusCode !== 200) throw new Error(`GET /v1/export answered ${response.statusCode}: ${response.body}`)
  return response.body.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>)
}
