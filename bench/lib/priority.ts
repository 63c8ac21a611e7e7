import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { setPriority } from 'node:os'
import { setServerPriority } from './servers.js'

/*
 * --high-priority, for a machine shared with other work (root only): nice -10 for the runner
 * (autocannon) and both servers. Linux shares CPU between sessions (autogroups) before nice
 * counts, so the runner first re-runs itself in a session of its own and raises that
 * session's autogroup: nothing outside the benchmark gets the boost.
 */

const ownSession = 'NEWSDESK_BENCH_OWN_SESSION'
export const highPriority = -10

/** In the original process: re-runs this command in a new session and returns true (the caller stops there). */
export function rerunInOwnSession (): boolean {
  if (process.env[ownSession] === '1') return false
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: 'inherit',
    env: { ...process.env, [ownSession]: '1' }
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => { process.exitCode = code ?? (signal === null ? 1 : 130) })
  return true
}

/** In the new session: raises this process, the servers it will start, and the session's autogroup. */
export function raisePriority (): void {
  setPriority(highPriority)
  setServerPriority(highPriority)
  try {
    writeFileSync('/proc/self/autogroup', String(highPriority))
  } catch (error) {
    process.stderr.write(`bench: could not raise the session's CPU share: ${error instanceof Error ? error.message : String(error)}\n`)
  }
}
