import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t from 'tap'
import { buildServer, freePort, prepareServer, startServer, type PreparedServer, type ServerProcess } from '../helpers/server-process.js'

/*
 * SIGKILL under write load, again and again: after every restart the database passes
 * SQLite's integrity and foreign-key checks and holds every write the server acknowledged
 * with a 2xx, at least at the acknowledged version. CRASH_KILLS and CRASH_SEED make longer
 * or different runs (the seed is printed, so a failure can be replayed).
 */
t.setTimeout(300_000)

const kills = Number(process.env.CRASH_KILLS ?? 20)
const seed = Number(process.env.CRASH_SEED ?? 20260601)
const writers = 6
const adminToken = 'crash-test-admin-token-0123456789abcdefgh'

/** mulberry32: a small seeded generator, so kill moments and request mixes are reproducible. */
function seededRandom (start: number): () => number {
  let state = start >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

interface Ledger {
  /** Article id → the highest version a 2xx response acknowledged. */
  versions: Map<string, number>
  sourceIds: string[]
  acknowledged: number
  failed: number
}

/** Several concurrent writers against one server until it dies; only 2xx answers are recorded. */
async function writeUntilKilled (server: ServerProcess, ledger: Ledger, random: () => number, killAfterMs: number): Promise<void> {
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }
  const state = { alive: true }
  const request = async (method: string, path: string, body: unknown): Promise<Record<string, unknown> | undefined> => {
    try {
      const response = await fetch(`${server.origin}${path}`, { method, headers, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) })
      const text = await response.text()
      if (response.status >= 200 && response.status < 300) return JSON.parse(text) as Record<string, unknown>
      // A 503 (load shed on a starved machine, a busy database) is a refusal, not an acknowledgement.
      if (state.alive && response.status !== 503) throw new Error(`${method} ${path} answered ${response.status} before the kill: ${text}`)
    } catch (error) {
      if (state.alive) throw error
    }
    ledger.failed++
    return undefined
  }
  const writer = async (): Promise<void> => {
    let n = 0
    while (state.alive) {
      n++
      const known = [...ledger.versions.keys()]
      const target = known[Math.floor(random() * known.length)]
      if (target === undefined || random() < 0.5) {
        const cite = ledger.sourceIds[Math.floor(random() * ledger.sourceIds.length)]
        const created = await request('POST', '/v1/articles', {
          title: `Crash ${seed}-${n}-${Math.floor(random() * 1e9)}`,
          body: `## Lede\n\n${'Copy under load. '.repeat(20 + Math.floor(random() * 200))}`,
          tags: ['crash', `t${Math.floor(random() * 8)}`],
          sources: [
            { source: { url: `https://example.org/crash/${Math.floor(random() * 1e9)}`, title: 'Inline source' } },
            ...(cite === undefined ? [] : [{ sourceId: cite, note: 'shared' }])
          ]
        })
        if (created === undefined) continue
        ledger.versions.set(String(created.id), Number(created.version))
        const citations = created.sources as Array<{ source: { id: string } }> | undefined
        const inline = citations?.[0]?.source.id
        if (inline !== undefined) ledger.sourceIds.push(inline)
      } else {
        const updated = await request('PATCH', `/v1/articles/${target}`, random() < 0.7
          ? { title: `Edited ${Math.floor(random() * 1e9)}`, tags: ['crash', 'edited'] }
          : { body: `## Rewritten\n\n${'More copy. '.repeat(50)}`, sources: [] })
        if (updated === undefined) continue
        ledger.versions.set(target, Math.max(ledger.versions.get(target) ?? 0, Number(updated.version)))
      }
      ledger.acknowledged++
    }
  }
  const running = Promise.all(Array.from({ length: writers }, writer))
  await new Promise((resolve) => setTimeout(resolve, killAfterMs))
  state.alive = false
  server.child.kill('SIGKILL')
  await server.exited
  await running
}

function checkDatabase (file: string, ledger: Ledger): { integrity: unknown, foreignKeys: unknown[], missing: string[], behind: string[], revisionsMissing: string[] } {
  const sqlite = new BetterSqlite3(file, { readonly: true })
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[]
    const stored = new Map((sqlite.prepare('SELECT id, version FROM articles').all() as Array<{ id: string, version: number }>).map((row) => [row.id, row.version]))
    const revision = sqlite.prepare('SELECT 1 FROM article_revisions WHERE article_id = ? AND version = ?')
    const missing: string[] = []
    const behind: string[] = []
    const revisionsMissing: string[] = []
    for (const [id, version] of ledger.versions) {
      const found = stored.get(id)
      if (found === undefined) missing.push(id)
      else if (found < version) behind.push(`${id}: v${found} < acknowledged v${version}`)
      if (revision.get(id, version) === undefined) revisionsMissing.push(`${id} v${version}`)
    }
    return { integrity, foreignKeys, missing, behind, revisionsMissing }
  } finally {
    sqlite.close()
  }
}

t.test(`${kills} SIGKILLs under write load lose no acknowledged write and never corrupt the database (seed ${seed})`, async (t) => {
  const started = performance.now()
  const build = buildServer()
  const directory = mkdtempSync(join(tmpdir(), 'newsdesk-crash-'))
  t.teardown(() => { build.dispose(); rmSync(directory, { recursive: true, force: true }) })
  const file = join(directory, 'newsdesk.db')
  const env = { DATABASE_PATH: file, ADMIN_TOKEN: adminToken }
  const port = await freePort()
  const random = seededRandom(seed)
  const ledger: Ledger = { versions: new Map(), sourceIds: [], acknowledged: 0, failed: 0 }
  const startTimes: number[] = []
  let server = await startServer(build, env, port)
  startTimes.push(server.readyMs)
  // The next processes load their modules ahead, while this one is under load; each opens
  // the database only when released, after the one before it is dead.
  const prepared: PreparedServer[] = [prepareServer(build, env, port), prepareServer(build, env, port)]
  t.teardown(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL')
    prepared.forEach((process) => process.kill())
  })

  let clean = true
  for (let round = 1; round <= kills && clean; round++) {
    const before = ledger.acknowledged
    await writeUntilKilled(server, ledger, random, 150 + Math.floor(random() * 650))
    const next = prepared.shift()
    if (round + prepared.length < kills) prepared.push(prepareServer(build, env, port))
    if (next === undefined) throw new Error('no server prepared')
    server = await next.go()
    startTimes.push(server.readyMs)
    const check = checkDatabase(file, ledger)
    clean = check.integrity === 'ok' && check.foreignKeys.length === 0 && check.missing.length + check.behind.length + check.revisionsMissing.length === 0
    if (!clean) {
      t.fail(`round ${round}: the database after the kill is not what was acknowledged`, { integrity: check.integrity, foreignKeys: check.foreignKeys.slice(0, 5), missing: check.missing.slice(0, 5), behind: check.behind.slice(0, 5), revisionsMissing: check.revisionsMissing.slice(0, 5) })
      break
    }
    t.pass(`round ${round}: ${ledger.acknowledged - before} writes acknowledged, then SIGKILL; integrity ok, foreign keys clean, all ${ledger.versions.size} articles at their acknowledged versions`)
  }

  // The restarted server itself serves what it acknowledged.
  const sample = [...ledger.versions].slice(-5)
  for (const [id, version] of sample) {
    const response = await fetch(`${server.origin}/v1/articles/${id}`, { headers: { authorization: `Bearer ${adminToken}` } })
    const body = await response.json() as { version: number }
    t.ok(response.status === 200 && body.version >= version, `GET ${id} after the last restart: v${body.version} ≥ v${version}`)
  }
  server.child.kill('SIGTERM')
  t.equal((await server.exited).code, 0, 'the last server stops cleanly on SIGTERM')

  t.ok(ledger.acknowledged >= kills, `writes were acknowledged throughout (${ledger.acknowledged})`)
  t.ok(ledger.failed >= kills, `the kills landed mid-write: ${ledger.failed} requests were in flight when their server died`)
  const sorted = [...startTimes].sort((a, b) => a - b)
  t.comment(`${kills} kills, ${ledger.acknowledged} acknowledged writes over ${ledger.versions.size} articles; server start to ready: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms; ${Math.round((performance.now() - started) / 1000)} s in all`)
})
