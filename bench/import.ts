import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import { parseArgs } from 'node:util'
import { slugFromText } from '../src/lib/slug.js'
import { generateBody, generateDek, generateSourceTitle, generateTags, generateTitle, models, personName, publishers } from './lib/content.js'
import { createRandom } from './lib/prng.js'
import { readCpuSeconds, startApi, type RunningServer } from './lib/servers.js'

/*
 * npm run bench:import [-- --articles 10000 --seed 7 --skip-build]
 * Times POST /v1/import of generated articles, each citing one to three sources inline, as
 * NDJSON into the production build on an empty database; then the same file again, when
 * every item is unchanged. The target: 10,000 articles in under 20 s.
 */

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
    'skip-build': { type: 'boolean', default: false }
  }
})

const root = resolvePath(import.meta.dirname, '..')
const articleCount = Number(args.articles)
const say = (message: string): void => { process.stdout.write(`${message}\n`) }
const dayMs = 86_400_000

/** One NDJSON line per article: what a news feed or a migration script would send. */
function generateFile (count: number, seed: number): string {
  const random = createRandom(seed)
  const sources = Array.from({ length: Math.max(10, Math.floor(count / 2)) }, (_, index) => {
    const publisher = random.pick(publishers)
    return { url: `https://${slugFromText(publisher)}.example/${2020 + (index % 7)}/${index}`, title: generateSourceTitle(random), publisher }
  })
  const anchor = Date.parse('2026-06-01T00:00:00Z')
  const slugs: string[] = []
  const lines: string[] = []
  for (let index = 0; index < count; index++) {
    const title = generateTitle(random)
    const slug = `${slugFromText(title).slice(0, 180)}-${index}`
    const roll = random.next()
    const origin = roll < 0.8 ? 'human' : roll < 0.95 ? 'ai-assisted' : 'ai-generated'
    const status = origin === 'ai-generated' || random.chance(0.7) ? 'published' : random.chance(0.8) ? 'draft' : 'archived'
    const cited = new Set<number>()
    const citations = random.int(1, 3)
    while (cited.size < citations) cited.add(random.int(0, sources.length - 1))
    lines.push(JSON.stringify({
      slug,
      title,
      dek: generateDek(random),
      body: generateBody(random, random.int(3000, 8000)).markdown,
      status,
      publishedAt: status === 'draft' ? null : new Date(anchor - random.int(1, 3 * 365) * dayMs).toISOString(),
      tags: generateTags(random),
      byline: personName(random),
      provenance: { origin, model: origin === 'human' ? null : random.pick(models) },
      disclosure: origin === 'human' ? null : 'Written with the help of a language model and checked by an editor.',
      reviewed: origin === 'ai-generated',
      sources: [...cited].map((position) => ({ source: sources[position], note: random.chance(0.5) ? 'Figures and quotes' : null })),
      ...(index > 0 && random.chance(0.2) ? { related: [...new Set([random.pick(slugs), random.pick(slugs)])] } : {})
    }))
    slugs.push(slug)
  }
  return `${lines.join('\n')}\n`
}

interface Summary { created: number, updated: number, unchanged: number, error: number }

/** Wall time, and the server's own CPU time: on a shared machine the second says what the import costs. */
async function timeImport (server: RunningServer, token: string, body: string): Promise<{ seconds: number, cpuSeconds: number, summary: Summary }> {
  const cpuBefore = readCpuSeconds(server.pid) ?? 0
  const started = performance.now()
  const response = await fetch(`${server.origin}/v1/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body
  })
  const text = await response.text()
  const seconds = (performance.now() - started) / 1000
  if (response.status !== 200) throw new Error(`POST /v1/import answered ${response.status}: ${text.slice(0, 500)}`)
  return { seconds, cpuSeconds: (readCpuSeconds(server.pid) ?? 0) - cpuBefore, summary: (JSON.parse(text) as { summary: Summary }).summary }
}

if (!Number.isInteger(articleCount) || articleCount < 1) throw new Error('usage: bench:import -- --articles N [--seed S] [--skip-build]')
if (args['skip-build'] !== true) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('the build failed')
}

const file = generateFile(articleCount, Number(args.seed))
say(`generated ${articleCount.toLocaleString('en')} articles with sources: ${(Buffer.byteLength(file) / 1024 / 1024).toFixed(1)} MiB of NDJSON`)
const work = mkdtempSync(join(tmpdir(), 'newsdesk-import-bench-'))
const token = `ndk_bench_${randomBytes(24).toString('hex')}`
const server = await startApi(join(work, 'newsdesk.db'), { ADMIN_TOKEN: token })
try {
  const first = await timeImport(server, token, file)
  say(`import into an empty database: ${first.seconds.toFixed(2)} s, server CPU ${first.cpuSeconds.toFixed(2)} s (${JSON.stringify(first.summary)})`)
  if (first.summary.created !== articleCount) throw new Error(`expected ${articleCount} created, got ${JSON.stringify(first.summary)}`)
  const second = await timeImport(server, token, file)
  say(`the same file again:            ${second.seconds.toFixed(2)} s, server CPU ${second.cpuSeconds.toFixed(2)} s (${JSON.stringify(second.summary)})`)
  if (second.summary.unchanged !== articleCount) throw new Error(`expected ${articleCount} unchanged, got ${JSON.stringify(second.summary)}`)
  say(`import: ${first.seconds.toFixed(1)} s for ${articleCount.toLocaleString('en')} articles (target < 20 s; load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores)`)
} finally {
  await server.stop()
  rmSync(work, { recursive: true, force: true })
}
