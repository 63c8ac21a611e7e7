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
 * npm run bench:webhooks [-- --duration 10 --connections 10 --rate 200 --rounds 2 --articles 200 --receiver-delay 2000 --skip-build]
 *
 * What webhooks cost a write: PATCH /v1/articles/{id} with no active webhook, then with 3
 * active webhooks subscribed to every event and pointing at a receiver that takes
 * --receiver-delay ms to answer. Each mode runs twice: at a steady --rate requests per
 * second, evenly spaced (the latency a client sees when the server is not saturated), and saturated by
 * --connections connections (where latency is queueing, so the figure is the throughput
 * cost, background fan-out and delivery included). Both modes run on the same server and
 * data, alternating for --rounds rounds; each mode's best round is printed (other work on the
 * machine only ever slows a run down), and so is the median of the overheads measured within
 * each round, which compares runs made seconds apart. Server CPU per request is read from /proc.
 */

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
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
  round: number
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
  requestsPerSecond: number
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
  const elapsed = (performance.now() - begin) / 1000
  agent.destroy()
  return { latencies, requests: total, non2xx, requestsPerSecond: total / elapsed }
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
      resolve({ latencies, requests: result.requests.total, non2xx: result.non2xx, requestsPerSecond: result.requests.average })
    })
    instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime) })
  })
}

async function measure (api: RunningServer, ids: readonly string[], mode: string, load: RunResult['load'], seed: number): Promise<RunResult> {
  const run = (seconds: number, runSeed: number): Promise<LoadOutcome> =>
    load === 'steady' ? pacedLoad(api, ids, seconds, runSeed, Number(args.rate)) : patchLoad(api, ids, seconds, runSeed)
  if (Number(args.warmup) > 0) await run(Number(args.warmup), seed + 1)
  const cpuBefore = readCpuSeconds(api.pid) ?? 0
  const { latencies, requests, non2xx, requestsPerSecond } = await run(Number(args.duration), seed)
  const cpuSeconds = (readCpuSeconds(api.pid) ?? 0) - cpuBefore
  latencies.sort((a, b) => a - b)
  const mean = latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length)
  return {
    round: seed,
    mode,
    load,
    requests,
    non2xx,
    requestsPerSecond,
    meanMs: mean,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cpuUs: (cpuSeconds * 1e6) / Math.max(1, requests)
  }
}

const format = (run: RunResult): string =>
  `${run.load.padEnd(9)} ${run.mode.padEnd(10)} ${run.requestsPerSecond.toFixed(0).padStart(5)} req/s  mean ${run.meanMs.toFixed(2)} ms  p50 ${run.p50Ms.toFixed(2)} ms  p99 ${run.p99Ms.toFixed(2)} ms  CPU ${run.cpuUs.toFixed(0)} µs/req${run.non2xx > 0 ? `  (${run.non2xx} non-2xx!)` : ''}`

const percent = (withWebhooks: number, without: number): string => `${(((withWebhooks - without) / without) * 100).toFixed(1)} %`

async function main (): Promise<void> {
  if (args['skip-build'] !== true) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('the build failed')
  }
  const work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-webhooks-'))
  const databasePath = join(work, 'newsdesk.db')
  const receiver = await startSlowReceiver(Number(args['receiver-delay']))
  const api = await startApi(databasePath, { ADMIN_TOKEN: token, WEBHOOKS_ALLOW_PRIVATE: 'true' })
  try {
    say(`API pid ${api.pid} at ${api.origin}; receiver answers after ${args['receiver-delay']} ms`)
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
    const webhooks: string[] = []
    for (let index = 0; index < 3; index++) {
      webhooks.push((await call<{ id: string }>(api.origin, 'POST', '/v1/webhooks', { url: `${receiver.url}/${index}`, events: ['*'], active: false })).id)
    }
    const setActive = async (active: boolean): Promise<void> => {
      for (const id of webhooks) await call(api.origin, 'PATCH', `/v1/webhooks/${id}`, { active })
    }

    const runs: RunResult[] = []
    for (let round = 1; round <= Math.max(1, Number(args.rounds)); round++) {
      for (const load of ['steady', 'saturated'] as const) {
        for (const active of [false, true]) {
          await setActive(active)
          runs.push(await measure(api, ids, active ? '3 webhooks' : '0 webhooks', load, round))
          say(`round ${round}: ${format(runs.at(-1) as RunResult)}`)
        }
      }
    }
    const best = (mode: string, load: RunResult['load']): RunResult => runs.filter((run) => run.mode === mode && run.load === load).sort((a, b) => a.meanMs - b.meanMs)[0] as RunResult
    // Within a round both modes run back to back, under the same load from the rest of the
    // machine: the overhead round by round, and its median, is steadier than comparing each
    // mode's best round (which may come from different rounds).
    const paired = (load: RunResult['load'], figure: (run: RunResult) => number): string => {
      const overheads = runs.filter((run) => run.load === load && run.mode === '3 webhooks').flatMap((withWebhooks) => {
        const without = runs.find((run) => run.load === load && run.mode === '0 webhooks' && run.round === withWebhooks.round)
        return without === undefined ? [] : [((figure(withWebhooks) - figure(without)) / figure(without)) * 100]
      })
      const sorted = [...overheads].sort((a, b) => a - b)
      const middle = Math.floor(sorted.length / 2)
      const median = sorted.length % 2 === 1 ? sorted[middle] ?? 0 : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
      return `${median.toFixed(1)} % (rounds: ${overheads.map((overhead) => overhead.toFixed(1)).join(', ')})`
    }

    const database = new Database(databasePath, { readonly: true })
    const counts = database.prepare('SELECT status, count(*) AS n FROM webhook_deliveries GROUP BY status').all() as Array<{ status: string, n: number }>
    database.close()
    say('')
    say(`deliveries recorded: ${counts.map((row) => `${row.status} ${row.n}`).join(', ') || 'none'}; requests the receiver got: ${receiver.received()}`)
    for (const load of ['steady', 'saturated'] as const) {
      const without = best('0 webhooks', load)
      const withWebhooks = best('3 webhooks', load)
      say(`best: ${format(without)}`)
      say(`      ${format(withWebhooks)}`)
      say(load === 'steady'
        ? `PATCH latency at ${args.rate} req/s with 3 active webhooks at a slow receiver: mean ${percent(withWebhooks.meanMs, without.meanMs)}, p50 ${percent(withWebhooks.p50Ms, without.p50Ms)}, p99 ${percent(withWebhooks.p99Ms, without.p99Ms)}; server CPU per request ${percent(withWebhooks.cpuUs, without.cpuUs)} (target: < 5 %)`
        : `saturated: throughput ${(((without.requestsPerSecond - withWebhooks.requestsPerSecond) / without.requestsPerSecond) * 100).toFixed(1)} % lower with webhooks (mean latency ${percent(withWebhooks.meanMs, without.meanMs)}), server CPU per request ${percent(withWebhooks.cpuUs, without.cpuUs)}`)
      say(load === 'steady'
        ? `paired by round, median: mean ${paired(load, (run) => run.meanMs)}; p50 ${paired(load, (run) => run.p50Ms)}; p99 ${paired(load, (run) => run.p99Ms)}; CPU per request ${paired(load, (run) => run.cpuUs)}`
        : `paired by round, median: throughput ${paired(load, (run) => run.requestsPerSecond)}; CPU per request ${paired(load, (run) => run.cpuUs)}`)
    }
  } finally {
    await api.stop()
    receiver.server.closeAllConnections()
    receiver.server.close()
    rmSync(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:webhooks failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exitCode = 1
})
