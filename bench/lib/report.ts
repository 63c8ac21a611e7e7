import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import type { ServerKind } from './servers.js'

export interface RunFigures {
  scenario: string
  server: ServerKind
  requestsPerSecond: number
  requests: number
  latencyMs: { p50: number, p90: number, p99: number, average: number, max: number }
  /** Connection errors and timeouts. */
  errors: number
  timeouts: number
  /** Responses that are neither 2xx nor 3xx. */
  failedResponses: number
  statusCodes: Record<string, number>
  throughputBytesPerSecond: number
  maxRssMb: number
  /** Server CPU time over wall time (1.0 = one core busy). */
  serverCpu: number
  /** The same for this process, which runs autocannon. */
  loadGeneratorCpu: number
  /** CPU every other process on the machine used meanwhile: noise, ideally ~0. */
  otherCpu: number
  durationSeconds: number
}

export interface Machine {
  cpu: string
  cores: number
  memoryGb: number
  kernel: string
  loadAverageAtStart: number[]
}

export function describeMachine (): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu
  } catch {
    // Not Linux: os.cpus() names it.
  }
  return { cpu, cores: cpus().length, memoryGb: Math.round(totalmem() / 1e8) / 10, kernel: release(), loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100) }
}

const fixed = (value: number, digits: number): string => value.toFixed(digits)

export function ratioOf (runs: readonly RunFigures[], scenario: string): number | undefined {
  const api = runs.find((run) => run.scenario === scenario && run.server === 'api')
  const baseline = runs.find((run) => run.scenario === scenario && run.server === 'baseline')
  return api === undefined || baseline === undefined || baseline.requestsPerSecond === 0 ? undefined : api.requestsPerSecond / baseline.requestsPerSecond
}

/** The results as a Markdown table (also readable in a terminal). */
export function formatTable (runs: readonly RunFigures[]): string {
  const header = ['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors / non-2xx-3xx', 'max RSS MB', 'server CPU', 'other CPU', 'API/baseline']
  const rows = runs.map((run) => {
    const ratio = run.server === 'api' ? ratioOf(runs, run.scenario) : undefined
    return [
      run.scenario,
      run.server,
      Math.round(run.requestsPerSecond).toLocaleString('en-GB'),
      fixed(run.latencyMs.p50, 2),
      fixed(run.latencyMs.p99, 2),
      `${run.errors + run.timeouts} / ${run.failedResponses}`,
      fixed(run.maxRssMb, 0),
      `${Math.round(run.serverCpu * 100)}%`,
      `${Math.round(run.otherCpu * 100)}%`,
      ratio === undefined ? '' : fixed(ratio, 2)
    ]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, column) => column >= 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  const rule = `|${widths.map((width, column) => column >= 2 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2)).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/** Replaces the text between the README's `<!-- bench:<name>:start -->` and `…:end -->` markers. */
export function updateReadme (file: string, name: string, section: string): void {
  const start = `<!-- bench:${name}:start -->`
  const end = `<!-- bench:${name}:end -->`
  const text = readFileSync(file, 'utf8')
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1 || to < from) throw new Error(`${file} has no ${start} … ${end} section`)
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${section}\n${text.slice(to)}`)
}
