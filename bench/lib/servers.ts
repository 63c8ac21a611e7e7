import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { setPriority } from 'node:os'
import { dirname, resolve as resolvePath } from 'node:path'
import ts from 'typescript'

export type ServerKind = 'api' | 'baseline'

export interface RunningServer {
  kind: ServerKind
  pid: number
  origin: string
  /** Milliseconds from spawn to /readyz answering 200. */
  readyMs: number
  /** What the process printed, for diagnosing a failed start or run. */
  output: () => string
  stop: () => Promise<void>
}

const root = resolvePath(import.meta.dirname, '../..')

export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

async function waitForReady (origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before it was ready`)
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(1000) })
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`not ready after ${timeoutMs} ms`)
}

/** A scheduling priority (nice value) for the servers' main threads; see --priority in run.ts. */
let serverPriority: number | undefined
export function setServerPriority (priority: number): void {
  serverPriority = priority
}

async function startProcess (kind: ServerKind, args: string[], env: Record<string, string>, port: number): Promise<RunningServer> {
  const origin = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  if (serverPriority !== undefined && child.pid !== undefined) setPriority(child.pid, serverPriority)
  let output = ''
  const collect = (chunk: Buffer): void => { output = (output + chunk.toString('utf8')).slice(-20_000) }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  try {
    await waitForReady(origin, child, 30_000)
  } catch (error) {
    await stop()
    throw new Error(`${kind} server did not start: ${error instanceof Error ? error.message : String(error)}\n${output}`)
  }
  if (child.pid === undefined) throw new Error(`${kind} server has no pid`)
  return { kind, pid: child.pid, origin, readyMs: performance.now() - started, output: () => output, stop }
}

function baseEnv (): Record<string, string> {
  const env: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key]
    if (value !== undefined) env[key] = value
  }
  return env
}

/** Node's arguments in package.json's start script (`node <arguments> dist/server.js`), so the benchmark runs the server as `npm start` does. */
export function startArguments (): string[] {
  const manifest = JSON.parse(readFileSync(resolvePath(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
  const [command, ...rest] = manifest.scripts.start.split(/\s+/)
  if (command !== 'node' || rest.at(-1) !== 'dist/server.js') throw new Error(`package.json's start script is not "node … dist/server.js": ${manifest.scripts.start}`)
  return rest
}

/** The production build of the API, as `npm start` runs it, configured only by these variables (and `extraEnv`). */
export async function startApi (databasePath: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort()
  return startProcess('api', startArguments(), {
    ...baseEnv(),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_PATH: databasePath,
    PORT: String(port),
    HOST: '127.0.0.1',
    NEWSDESK_DEMO: '0',
    // The comment-posting scenario posts far more than a reader would.
    COMMENT_RATE_LIMIT: '1000000',
    // Load shedding off: the benchmark measures capacity, and a scenario that saturates the
    // server (slow searches from 10 connections) would otherwise measure quick 503s instead.
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...extraEnv
  }, port)
}

/**
 * The baseline runs as plain JavaScript, like the API's build, so neither pays for a
 * TypeScript loader: bench/baseline.ts is transpiled (it imports only node and better-sqlite3).
 */
export function compileBaseline (): string {
  const source = readFileSync(resolvePath(root, 'bench/baseline.ts'), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: 'baseline.ts'
  })
  // Under node_modules so that `better-sqlite3` resolves from the project.
  const file = resolvePath(root, 'node_modules/.cache/newsdesk-bench/baseline.mjs')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, outputText)
  return file
}

export async function startBaseline (script: string, databasePath: string): Promise<RunningServer> {
  const port = await freePort()
  return startProcess('baseline', [script], { ...baseEnv(), NODE_ENV: 'production', DATABASE_PATH: databasePath, PORT: String(port), HOST: '127.0.0.1' }, port)
}

/** Resident set size of a process, in bytes (VmRSS from /proc). */
export function readRss (pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024
  } catch {
    return undefined
  }
}

/** CPU time (user + system) a process has used, in seconds. */
export function readCpuSeconds (pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** CPU time all processes on the machine have used, in seconds (from /proc/stat). */
export function readMachineCpuSeconds (): number | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    return fields.slice(0, 8).reduce((sum, value, index) => index === 3 || index === 4 ? sum : sum + value, 0) / 100
  } catch {
    return undefined
  }
}

/** Samples a process's RSS while a run lasts; returns the maximum seen. */
export function sampleRss (pid: number, intervalMs = 100): { stop: () => number } {
  let max = readRss(pid) ?? 0
  const timer = setInterval(() => { max = Math.max(max, readRss(pid) ?? 0) }, intervalMs)
  return {
    stop () {
      clearInterval(timer)
      return Math.max(max, readRss(pid) ?? 0)
    }
  }
}
