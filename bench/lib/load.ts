import autocannon from 'autocannon'
import { createRandom } from './prng.js'
import type { RunFigures } from './report.js'
import type { Fixtures, Scenario } from './scenarios.js'
import { readCpuSeconds, readMachineCpuSeconds, readRss, sampleRss, type RunningServer } from './servers.js'

export interface LoadSettings {
  connections: number
  /** Seconds per measured run. */
  duration: number
  /** Seconds of the same scenario before each measured run; 0 for none. */
  warmup: number
}

interface LoadResult {
  result: autocannon.Result
  /** Every response's latency in ms, sorted: autocannon's own histogram keeps whole milliseconds only. */
  latencies: Float64Array
}

function seedOf (text: string): number {
  let hash = 2166136261
  for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619)
  return hash >>> 0
}

/** One autocannon run, in this process; both servers get the same request sequence for a scenario. */
function load (server: RunningServer, scenario: Scenario, fixtures: Fixtures, connections: number, seconds: number): Promise<LoadResult> {
  const random = createRandom(seedOf(scenario.name))
  let sequence = 0
  const latencies: number[] = []
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: server.origin,
      connections,
      duration: seconds,
      requests: [{
        setupRequest: (request) => {
          const spec = scenario.request({ fixtures, server: server.kind, random, sequence: sequence++ })
          return { ...request, method: spec.method ?? 'GET', path: spec.path, headers: { ...spec.headers }, body: spec.body ?? '' }
        }
      }]
    }, (error, result) => {
      if (error !== null && error !== undefined) return reject(error)
      resolve({ result, latencies: Float64Array.from(latencies).sort() })
    })
    instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime) })
  })
}

function percentile (sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0
}

const round2 = (value: number): number => Math.round(value * 100) / 100

/** Warms the server up on the scenario, then measures it: throughput, latency, RSS and CPU. */
export async function measure (server: RunningServer, scenario: Scenario, fixtures: Fixtures, settings: LoadSettings): Promise<RunFigures> {
  if (settings.warmup > 0) await load(server, scenario, fixtures, settings.connections, settings.warmup)
  const rss = sampleRss(server.pid)
  const serverBefore = readCpuSeconds(server.pid) ?? 0
  const machineBefore = readMachineCpuSeconds() ?? 0
  const runnerBefore = process.cpuUsage()
  const started = performance.now()
  const { result, latencies } = await load(server, scenario, fixtures, settings.connections, settings.duration)
  const wallSeconds = (performance.now() - started) / 1000
  const serverSeconds = (readCpuSeconds(server.pid) ?? 0) - serverBefore
  const runnerUsage = process.cpuUsage(runnerBefore)
  const runnerSeconds = (runnerUsage.user + runnerUsage.system) / 1e6
  const machineSeconds = (readMachineCpuSeconds() ?? 0) - machineBefore
  const maxRss = rss.stop()
  const statusCodes: Record<string, number> = {}
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0
  return {
    scenario: scenario.name,
    server: server.kind,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyMs: {
      p50: round2(percentile(latencies, 0.5)),
      p90: round2(percentile(latencies, 0.9)),
      p99: round2(percentile(latencies, 0.99)),
      average: round2(latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length)),
      max: round2(latencies.at(-1) ?? 0)
    },
    errors: result.errors,
    timeouts: result.timeouts,
    failedResponses: result['1xx'] + result['4xx'] + result['5xx'],
    statusCodes,
    throughputBytesPerSecond: result.throughput.average,
    maxRssMb: maxRss / 1_048_576,
    serverCpu: serverSeconds / wallSeconds,
    loadGeneratorCpu: runnerSeconds / wallSeconds,
    otherCpu: Math.max(0, machineSeconds - serverSeconds - runnerSeconds) / wallSeconds,
    durationSeconds: result.duration
  }
}

export interface SoakFigures {
  scenario: string
  seconds: number
  requests: number
  errors: number
  failedResponses: number
  /** 5xx answers alone (included in failedResponses): a soak must have none. */
  serverErrors: number
  latencyMs: { p50: number, p99: number, max: number }
  /** VmRSS once a second, in MB, from the start of the load. */
  rssMb: number[]
  /** The highest RSS of the first 10 s (start-up and warm-up growth) and of the last 10 s. */
  settledMb: number
  finalMb: number
  growthPercent: number
}

/**
 * Keeps the API under one scenario for `seconds` and samples its RSS every second: memory
 * that grows with the number of requests served (a leak) shows as the last 10 s sitting
 * above the first 10 s, which already include the caches' and the JIT's own growth.
 */
export async function soak (server: RunningServer, scenario: Scenario, fixtures: Fixtures, connections: number, seconds: number): Promise<SoakFigures> {
  const rssMb: number[] = []
  const sample = (): void => { rssMb.push(Math.round((readRss(server.pid) ?? 0) / 104_857.6) / 10) }
  sample()
  const timer = setInterval(sample, 1000)
  const { result, latencies } = await load(server, scenario, fixtures, connections, seconds).finally(() => clearInterval(timer))
  sample()
  const window = Math.min(10, Math.floor(rssMb.length / 3))
  const settledMb = Math.max(...rssMb.slice(0, window + 1))
  const finalMb = Math.max(...rssMb.slice(-window))
  return {
    scenario: scenario.name,
    seconds,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    failedResponses: result['1xx'] + result['4xx'] + result['5xx'],
    serverErrors: result['5xx'],
    latencyMs: { p50: round2(percentile(latencies, 0.5)), p99: round2(percentile(latencies, 0.99)), max: round2(latencies.at(-1) ?? 0) },
    rssMb,
    settledMb,
    finalMb,
    growthPercent: Math.round((finalMb / settledMb - 1) * 1000) / 10
  }
}
