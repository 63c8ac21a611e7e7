import { spawnSync } from 'node:child_process'
import { Agent, createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { createRandom } from './lib/prng.js'
import { readCpuSeconds, startApi, type RunningServer } from './lib/servers.js'

/*
 * npm run bench:webhooks [-- --pairs 8 --slice 3 --warmup 2 --connections 10 --rate 200 --articles 200 --receiver-delay 2000 --skip-build]
 *
 * What webhooks cost a write: PATCH /v1/articles/{id} on two servers started alike, each on
 * its own database with the same articles: one with no webhook, one with 3 active webhooks
 * subscribed to every event and pointing at a receiver that takes --receiver-delay ms to
 * answer. Each load runs in short slices (--slice seconds) that alternate between the two
 * servers, --pairs pairs of them, the order within a pair alternating too: whatever else
 * the machine does drifts over seconds and minutes, so both sides of a pair see the same
 * machine. (Switching one server's webhooks on and off instead made each switch-off write
 * the waiting events as deliveries, and 10 s runs minutes apart varied by ±10 % with
 * nothing changed.) Two loads: a steady --rate requests per second, evenly spaced (the
 * latency a client sees when the server is not saturated), and saturated by --connections
 * connections (where latency is queueing, so the figure is the throughput cost, background
 * fan-out and delivery included). Printed per load: both servers' figures over all their
 * slices, and the median over the pairs of the overhead within each pair. Server CPU per
 * request is read from /proc for each slice.
 */

const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '8' },
    slice: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    articles: { type: 'string', default: '200' },
    'receiver-delay': { type: 'string', default: '2000' },
    'skip-build': { type: 'boolean', default: false }
  }
})

const root = resolvePath(import.meta.dirname, '..')
const token = 'bench-webhooks-admin-token-0123456789abcdef'
const say = (message: string): void => { process.stdout.write(`${message}\n`) }

interface RunResult {
  pair: number
  mode: string
  load: 'steady' | 'saturated'
  requests: number
  non2xx: number
  requestsPerSecond: number
  meanMs: number
  p50Ms: number
  p99Ms: number
  /** Server CPU time per request, in microseconds. */
  cpuUs: number
  /** Every request's latency in ms, sorted. */
  latencies: number[]
  seconds: number
  cpuSeconds: number
}

async function call<T> (origin: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
  return await response.json() as T
}

/** A receiver that answers 200 only after `delayMs`: the slow integration a write must not wait for. */
async function startSlowReceiver (delayMs: number): Promise<{ server: Server, url: string, received: () => number }> {
  let received = 0
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      received++
      setTimeout(() => response.writeHead(200).end(), delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received: () => received }
}

function percentile (sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0
}

interface LoadOutcome {
  latencies: number[]
  requests: number
  non2xx: number
}

function patchBody (sequence: number): string {
  return JSON.stringify({ dek: `Revised summary number ${sequence}.` })
}

/**
 * Steady load: one PATCH every 1000/rate ms, evenly spaced, whatever the answers do (an
 * open loop), over keep-alive connections. autocannon's rate limit sends each second's
 * quota in a burst at the start of the second, so its "steady" latencies were queueing
 * inside bursts (6-8 ms for ~1 ms of work), not the latency of a write.
 */
async function pacedLoad (api: RunningServer, ids: readonly string[], seconds: number, seed: number, rate: number): Promise<LoadOutcome> {
  const random = createRandom(seed)
  const agent = new Agent({ keepAlive: true, maxSockets: 16 })
  const { hostname, port } = new URL(api.origin)
  const latencies: number[] = []
  let non2xx = 0
  let sequence = 0
  const one = (): Promise<void> => new Promise((resolve, reject) => {
    const body = patchBody(sequence++)
    const started = performance.now()
    const request = httpRequest({
      agent,
      hostname,
      port,
      method: 'PATCH',
      path: `/v1/articles/${random.pick(ids)}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
    }, (response) => {
      response.resume()
      response.on('end', () => {
        latencies.push(performance.now() - started)
        if ((response.statusCode ?? 0) >= 300) non2xx++
        resolve()
      })
    })
    request.on('error', reject)
    request.end(body)
  })
  const intervalMs = 1000 / rate
  const total = Math.round(seconds * rate)
  const pending: Array<Promise<void>> = []
  const begin = performance.now()
  for (let index = 0; index < total; index++) {
    const wait = begin + index * intervalMs - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    pending.push(one())
  }
  await Promise.all(pending)
  agent.destroy()
  return { latencies, requests: total, non2xx }
}

function patchLoad (api: RunningServer, ids: readonly string[], seconds: number, seed: number): Promise<LoadOutcome> {
  const random = createRandom(seed)
  const latencies: number[] = []
  let sequence = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: api.origin,
      connections: Number(args.connections),
      duration: seconds,
      requests: [{
        setupRequest: (request) => ({
          ...request,
          method: 'PATCH',
          path: `/v1/articles/${random.pick(ids)}`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: patchBody(sequence++)
        })
      }]
    }, (error, result) => {
      if (error !== null && error !== undefined) return reject(error)
      resolve({ latencies, requests: result.requests.total, non2xx: result.non2xx })
    })
    instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime) })
  })
}

interface Target {
  mode: string
  api: RunningServer
  databasePath: string
  ids: string[]
}

function runLoad (target: Target, load: RunResult['load'], seconds: number, seed: number): Promise<LoadOutcome> {
  return load === 'steady' ? pacedLoad(target.api, target.ids, seconds, seed, Number(args.rate)) : patchLoad(target.api, target.ids, seconds, seed)
}

function summarise (mode: string, load: RunResult['load'], pair: number, latencies: number[], requests: number, non2xx: number, seconds: number, cpuSeconds: number): RunResult {
  latencies.sort((a, b) => a - b)
  const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length)
  return {
    pair,
    mode,
    load,
    requests,
    non2xx,
    requestsPerSecond: requests / seconds,
    meanMs: mean,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cpuUs: (cpuSeconds * 1e6) / Math.max(1, requests),
    latencies,
    seconds,
    cpuSeconds
  }
}

async function measure (target: Target, load: RunResult['load'], pair: number): Promise<RunResult> {
  const cpuBefore = readCpuSeconds(target.api.pid) ?? 0
  const started = performance.now()
  const { latencies, requests, non2xx } = await runLoad(target, load, Number(args.slice), pair)
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = (readCpuSeconds(target.api.pid) ?? 0) - cpuBefore
  return summarise(target.mode, load, pair, latencies, requests, non2xx, seconds, cpuSeconds)
}

/** One mode's slices taken together. */
function pooled (runs: readonly RunResult[]): RunResult {
  const first = runs[0] as RunResult
  return summarise(first.mode, first.load, 0, runs.flatMap((run) => run.latencies),
    runs.reduce((sum, run) => sum + run.requests, 0), runs.reduce((sum, run) => sum + run.non2xx, 0),
    runs.reduce((sum, run) => sum + run.seconds, 0), runs.reduce((sum, run) => sum + run.cpuSeconds, 0))
}

const format = (run: RunResult): string =>
  `${run.load.padEnd(9)} ${run.mode.padEnd(10)} ${run.requestsPerSecond.toFixed(0).padStart(5)} req/s  mean ${run.meanMs.toFixed(2)} ms  p50 ${run.p50Ms.toFixed(2)} ms  p99 ${run.p99Ms.toFixed(2)} ms  CPU ${run.cpuUs.toFixed(0)} µs/req${run.non2xx > 0 ? `  (${run.non2xx} non-2xx!)` : ''}`

const percent = (withWebhooks: number, without: number): string => `${(((withWebhooks - without) / without) * 100).toFixed(1)} %`

async function addArticles (api: RunningServer): Promise<string[]> {
  const ids: string[] = []
  for (let index = 0; index < Number(args.articles); index++) {
    const article = await call<{ id: string }>(api.origin, 'POST', '/v1/articles', {
      title: `Webhook bench article ${index}`,
      dek: 'A summary.',
      body: `## Section\n\n${'Some words of the article body. '.repeat(80)}`,
      status: 'published',
      tags: ['bench']
    })
    ids.push(article.id)
  }
  return ids
}

function median (values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] ?? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

async function main (): Promise<void> {
  if (args['skip-build'] !== true) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('the build failed')
  }
  const work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-webhooks-'))
  const receiver = await startSlowReceiver(Number(args['receiver-delay']))
  const servers: RunningServer[] = []
  try {
    const start = async (mode: string, file: string): Promise<Target> => {
      const databasePath = join(work, file)
      const api = await startApi(databasePath, { ADMIN_TOKEN: token, WEBHOOKS_ALLOW_PRIVATE: 'true' })
      servers.push(api)
      return { mode, api, databasePath, ids: await addArticles(api) }
    }
    const without = await start('0 webhooks', 'none.db')
    const withWebhooks = await start('3 webhooks', 'webhooks.db')
    for (let index = 0; index < 3; index++) {
      await call(withWebhooks.api.origin, 'POST', '/v1/webhooks', { url: `${receiver.url}/${index}`, events: ['*'], active: true })
    }
    say(`API without webhooks pid ${without.api.pid}, with 3 webhooks pid ${withWebhooks.api.pid}; receiver answers after ${args['receiver-delay']} ms`)
    say(`${args.pairs} pairs of ${args.slice} s slices per load, alternating servers`)

    const runs: RunResult[] = []
    for (const load of ['steady', 'saturated'] as const) {
      for (const target of [without, withWebhooks]) if (Number(args.warmup) > 0) await runLoad(target, load, Number(args.warmup), 0)
      for (let pair = 1; pair <= Math.max(1, Number(args.pairs)); pair++) {
        for (const target of pair % 2 === 1 ? [without, withWebhooks] : [withWebhooks, without]) {
          runs.push(await measure(target, load, pair))
          say(`pair ${String(pair).padStart(2)}: ${format(runs.at(-1) as RunResult)}`)
        }
      }
    }

    say('')
    const database = new Database(withWebhooks.databasePath, { readonly: true })
    const counts = database.prepare('SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status').all() as Array<{ status: string, n: number }>
    const events = database.prepare('SELECT count(*) FROM webhook_events').pluck().get() as number
    database.close()
    say(`with webhooks: ${events} events recorded; deliveries ${counts.map((row) => `${row.status} ${row.n}`).join(', ') || 'none'}; requests the receiver got: ${receiver.received()}`)
    for (const load of ['steady', 'saturated'] as const) {
      const slices = (mode: string): RunResult[] => runs.filter((run) => run.load === load && run.mode === mode)
      const base = pooled(slices(without.mode))
      const hooks = pooled(slices(withWebhooks.mode))
      const overheads = (figure: (run: RunResult) => number): number[] => slices(withWebhooks.mode).flatMap((run) => {
        const other = slices(without.mode).find((candidate) => candidate.pair === run.pair)
        return other === undefined ? [] : [((figure(run) - figure(other)) / figure(other)) * 100]
      })
      const paired = (figure: (run: RunResult) => number): string => {
        const values = overheads(figure)
        return `${median(values).toFixed(1)} % (pairs: ${values.map((value) => value.toFixed(1)).join(', ')})`
      }
      say(`all slices: ${format(base)}`)
      say(`            ${format(hooks)}`)
      say(load === 'steady'
        ? `PATCH latency at ${args.rate} req/s with 3 active webhooks at a slow receiver, all slices: mean ${percent(hooks.meanMs, base.meanMs)}, p50 ${percent(hooks.p50Ms, base.p50Ms)}, p99 ${percent(hooks.p99Ms, base.p99Ms)}; server CPU per request ${percent(hooks.cpuUs, base.cpuUs)} (target: < 5 %)`
        : `saturated, all slices: throughput ${(((base.requestsPerSecond - hooks.requestsPerSecond) / base.requestsPerSecond) * 100).toFixed(1)} % lower with webhooks (mean latency ${percent(hooks.meanMs, base.meanMs)}), server CPU per request ${percent(hooks.cpuUs, base.cpuUs)}`)
      say(load === 'steady'
        ? `median of the pairs: mean ${paired((run) => run.meanMs)}; p50 ${paired((run) => run.p50Ms)}; p99 ${paired((run) => run.p99Ms)}; CPU per request ${paired((run) => run.cpuUs)}`
        : `median of the pairs: throughput ${paired((run) => run.requestsPerSecond)}; CPU per request ${paired((run) => run.cpuUs)}`)
    }
  } finally {
    for (const server of servers) await server.stop()
    receiver.server.closeAllConnections()
    receiver.server.close()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:webhooks failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exitCode = 1
})
