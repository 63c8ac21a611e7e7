import type { FastifyInstance } from 'fastify'
import { bearer } from './app.js'

export interface ArticleBody {
  id: string
  slug: string
  title: string
  status: string
  version: number
  publishedAt: string | null
  tags: string[]
  [field: string]: unknown
}

let sequence = 0

/** Creates an article through the API (so every test exercises the real write path). */
export async function createArticle (app: FastifyInstance, token: string, fields: Record<string, unknown> = {}): Promise<ArticleBody> {
  sequence++
  const response = await app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: bearer(token),
    payload: { title: `Test article ${sequence}`, body: `## Section ${sequence}\n\nSome text for article ${sequence}.`, ...fields }
  })
  if (response.statusCode !== 201) throw new Error(`createArticle failed with ${response.statusCode}: ${response.body}`)
  return JSON.parse(response.body) as ArticleBody
}

export async function publishArticle (app: FastifyInstance, token: string, fields: Record<string, unknown> = {}): Promise<ArticleBody> {
  return createArticle(app, token, { status: 'published', ...fields })
}
