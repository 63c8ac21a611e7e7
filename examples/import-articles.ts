/*
 * Imports articles with their sources from a JSON file through the typed client.
 *
 *   NEWSDESK_URL=http://127.0.0.1:3000 NEWSDESK_TOKEN=ndk_… npx tsx examples/import-articles.ts [file] [--update]
 *
 * The file is a list of article bodies as POST /v1/articles takes them, each with a slug:
 * the slug is the article's identity, so running the import twice creates nothing twice.
 * An article whose slug exists is skipped, or with --update patched with If-Match, so an
 * edit made in the newsroom since it was read is never overwritten (412, reported). Sources
 * are described inline: the API finds each one by its normalised URL or creates it.
 * Exits 1 when any article failed; the others are still imported.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createNewsdeskClient, type components } from '../clients/typescript/index.js'

type ArticleInput = components['schemas']['ArticleCreateInput'] & { slug: string }
type Problem = components['schemas']['Problem']

const { values, positionals } = parseArgs({ options: { update: { type: 'boolean' } }, allowPositionals: true })
const file = positionals[0] ?? new URL('articles.json', import.meta.url).pathname
const token = process.env.NEWSDESK_TOKEN
if (token === undefined || token === '') {
  process.stderr.write('Set NEWSDESK_TOKEN to a token with the content:read and content:write scopes (newsdesk create-token).\n')
  process.exit(2)
}
const client = createNewsdeskClient({ baseUrl: process.env.NEWSDESK_URL ?? 'http://127.0.0.1:3000', token })

function readArticles (path: string): ArticleInput[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'object' && item !== null && typeof (item as { slug?: unknown }).slug === 'string')) {
    throw new Error(`${path} must be a JSON list of articles, each with a slug`)
  }
  return parsed as ArticleInput[]
}

function explain (problem: Problem | undefined, status: number): string {
  return problem === undefined ? `HTTP ${status}` : `${status} ${problem.code}: ${problem.detail}`
}

type Outcome = 'created' | 'updated' | 'skipped' | 'failed'

async function importOne (article: ArticleInput): Promise<Outcome> {
  const existing = await client.GET('/v1/articles/slug/{slug}', { params: { path: { slug: article.slug } } })
  if (existing.response.status === 404) {
    const created = await client.POST('/v1/articles', { body: article })
    if (created.data === undefined) {
      process.stderr.write(`failed   ${article.slug}: ${explain(created.error, created.response.status)}\n`)
      return 'failed'
    }
    process.stdout.write(`created  ${created.data.slug} (${article.sources?.length ?? 0} sources, ${created.data.status})\n`)
    return 'created'
  }
  if (existing.data === undefined) {
    process.stderr.write(`failed   ${article.slug}: ${explain(existing.error, existing.response.status)}\n`)
    return 'failed'
  }
  if (values.update !== true) {
    process.stdout.write(`skipped  ${article.slug} (exists, version ${existing.data.version}; --update to apply the file)\n`)
    return 'skipped'
  }
  const { slug: _slug, ...changes } = article
  const updated = await client.PATCH('/v1/articles/{id}', {
    params: { path: { id: existing.data.id }, header: { 'if-match': existing.response.headers.get('etag') ?? '' } },
    body: changes
  })
  if (updated.data === undefined) {
    process.stderr.write(`failed   ${article.slug}: ${explain(updated.error, updated.response.status)}\n`)
    return 'failed'
  }
  process.stdout.write(`updated  ${article.slug} (version ${updated.data.version})\n`)
  return 'updated'
}

const articles = readArticles(file)
const counts: Record<Outcome, number> = { created: 0, updated: 0, skipped: 0, failed: 0 }
for (const article of articles) counts[await importOne(article)]++
process.stdout.write(`${articles.length} articles: ${counts.created} created, ${counts.updated} updated, ${counts.skipped} skipped, ${counts.failed} failed\n`)
process.exitCode = counts.failed > 0 ? 1 : 0
