import { execFileSync, spawnSync } from 'node:child_process'
import { constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve as resolvePath } from 'node:path'
import { parseArgs } from 'node:util'
import { compareServers } from './lib/compare.js'
import { defaultDatabasePath, readDatasetInfo, type DatasetInfo } from './lib/dataset.js'
import { collectEtags, findDeepCursors, httpEtag, sampleDatabase } from './lib/fixtures.js'
import { measure, soak, type LoadSettings, type SoakFigures } from './lib/load.js'
import { highPriority, raisePriority, rerunInOwnSession } from './lib/priority.js'
import { describeMachine, formatTable, ratioOf, updateReadme, type RunFigures } from './lib/report.js'
import { scenarios, type Fixtures } from './lib/scenarios.js'
import { compileBaseline, startApi, startBaseline, type RunningServer, type ServerKind } from './lib/servers.js'

/*
 * npm run bench [-- --duration 10 --connections 10 --db path --scenarios slug,patch --rounds 3 --high-priority --readme]
 * npm run bench:smoke: a 1,000-article database in a temporary directory, 3 s per scenario.
 * --soak 60: after the scenarios, the API alone under mix-90-10 for that many seconds, RSS sampled each second (0: none).
 */

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '10' },
    db: { type: 'string', default: defaultDatabasePath },
    scenarios: { type: 'string' },
    startups: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '1' },
    'high-priority': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    soak: { type: 'string', default: '60' },
    out: { type: 'string' }
  }
})

const root = resolvePath(import.meta.dirname, '..')
const smoke = args.smoke === true
const settings: LoadSettings = {
  connections: Number(args.connections),
  duration: smoke ? 3 : Number(args.duration),
  warmup: args.warmup === undefined ? (smoke ? 1 : 3) : Number(args.warmup)
}
const startups = smoke ? 1 : Math.max(1, Number(args.startups))
const rounds = smoke ? 1 : Math.max(1, Number(args.rounds))
const prioritised = args['high-priority'] === true
const soakSeconds = smoke ? 0 : Math.max(0, Number(args.soak))
/** A soak passes with RSS in its last 10 s less than this much above its first 10 s. */
const soakRssGrowthLimitPercent = 10
const selected = args.scenarios === undefined ? scenarios : scenarios.filter((scenario) => args.scenarios?.split(',').includes(scenario.name))
const say = (message: string): void => { process.stdout.write(`${message}\n`) }

/** Servers still running and the scratch directory, for cleaning up on any exit path. */
const running = new Set<RunningServer>()
let work: string | undefined
let builtRevision = 'unknown'

async function cleanUp (): Promise<void> {
  for (const server of running) await server.stop()
  running.clear()
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
}

function run (command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed with status ${String(result.status)}`)
}

function gitRevision (): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd: root, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${commit} (src changed)` : commit
  } catch {
    return 'unknown'
  }
}

async function started (server: Promise<RunningServer>): Promise<RunningServer> {
  const instance = await server
  running.add(instance)
  return instance
}

async function stopped (server: RunningServer): Promise<void> {
  await server.stop()
  running.delete(server)
}

/**
 * Each scenario and server by its best run (by req/s) when there are several rounds: other
 * work on the machine only ever slows a run down, so the best run is the least disturbed.
 */
function bestRuns (allRuns: readonly RunFigures[]): RunFigures[] {
  return selected.flatMap((scenario) => (['api', 'baseline'] as const).flatMap((kind) => {
    const candidates = allRuns.filter((figures) => figures.scenario === scenario.name && figures.server === kind)
    const best = candidates.reduce<RunFigures | undefined>((found, figures) => found === undefined || figures.requestsPerSecond > found.requestsPerSecond ? figures : found, undefined)
    return best === undefined ? [] : [best]
  }))
}

async function main (): Promise<void> {
  work = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'))
  let databasePath = resolvePath(root, args.db ?? defaultDatabasePath)
  if (smoke) {
    databasePath = join(work, 'newsdesk-bench.db')
    run(process.execPath, ['--import', 'tsx', 'bench/generate-data.ts', '--articles', '1000', '--out', databasePath, '--quiet'])
  }
  if (!existsSync(databasePath)) throw new Error(`${databasePath} does not exist: run npm run bench:data first`)
  const dataset = readDatasetInfo(databasePath)
  if (args['skip-build'] !== true) run('npm', ['run', '--silent', 'build'])
  // What was built, not what HEAD is when the run ends: src may change meanwhile.
  builtRevision = gitRevision()
  const baselineScript = compileBaseline()
  const sample = sampleDatabase(databasePath, dataset.seed)

  // Each server writes to its own copy, so one's writes never show up in the other's reads.
  const copies: Record<ServerKind, string> = { api: join(work, 'api.db'), baseline: join(work, 'baseline.db') }
  for (const copy of Object.values(copies)) copyFileSync(databasePath, copy, constants.COPYFILE_FICLONE)

  const apiReadyMs: number[] = []
  for (let attempt = 1; attempt < startups; attempt++) {
    const trial = await started(startApi(copies.api))
    apiReadyMs.push(Math.round(trial.readyMs))
    await stopped(trial)
  }
  const api = await started(startApi(copies.api))
  apiReadyMs.push(Math.round(api.readyMs))
  const baseline = await started(startBaseline(baselineScript, copies.baseline))
  say(`API ready in ${apiReadyMs.join(', ')} ms (spawn to /readyz 200, ${dataset.counts.articles.toLocaleString('en-GB')} articles); baseline in ${Math.round(baseline.readyMs)} ms`)

  const deepRows = Math.max(100, Math.min(50_000, Math.floor(sample.publicArticles / 200) * 100))
  const deep = await findDeepCursors(api.origin, deepRows)
  const slugs = sample.reads.map((read) => read.slug)
  const etags = { api: await collectEtags(slugs, httpEtag(api.origin)), baseline: await collectEtags(slugs, httpEtag(baseline.origin)) }
  const fixtures: Fixtures = { reads: sample.reads, etags, writes: sample.writes, tags: sample.tags, commentable: sample.commentable, members: dataset.memberSessions.map((session) => session.token), token: dataset.token, deepRows: deep.rows, deepCursor: { api: deep.api, baseline: deep.baseline } }

  const warnings = await compareServers(selected, fixtures, api, baseline)
  if (warnings.length > 0) say(`WARNING: the baseline's answers differ from the API's, so ratios compare different work:\n  ${warnings.join('\n  ')}`)
  else say('sanity check: the baseline answers every scenario with the same status, ETag and JSON as the API')

  say(`${selected.length} scenarios × 2 servers × ${rounds} round(s), ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s each`)
  const allRuns: RunFigures[] = []
  for (let round = 1; round <= rounds; round++) {
    for (const [index, scenario] of selected.entries()) {
      // Alternate who goes first, so drift over the run does not always favour one side.
      const order = (index + round) % 2 === 1 ? [api, baseline] : [baseline, api]
      for (const server of order) {
        const figures = await measure(server, scenario, fixtures, settings)
        allRuns.push(figures)
        say(`  ${scenario.name.padEnd(10)} ${server.kind.padEnd(8)} ${Math.round(figures.requestsPerSecond).toString().padStart(6)} req/s  ` +
          `p50 ${figures.latencyMs.p50.toFixed(2)} ms  p99 ${figures.latencyMs.p99.toFixed(2)} ms  server CPU ${Math.round(figures.serverCpu * 100)}%  other ${Math.round(figures.otherCpu * 100)}%`)
      }
    }
  }
  let soaked: SoakFigures | undefined
  const soakScenario = scenarios.find((scenario) => scenario.name === 'mix-90-10')
  if (soakSeconds > 0 && soakScenario !== undefined) {
    await stopped(baseline)
    soaked = await soak(api, soakScenario, fixtures, settings.connections, soakSeconds)
    say(`  soak       api        ${soakScenario.name} for ${soakSeconds} s: ${soaked.requests.toLocaleString('en-GB')} requests, ${soaked.errors} errors, ${soaked.serverErrors} 5xx, p50 ${soaked.latencyMs.p50} ms, p99 ${soaked.latencyMs.p99} ms, RSS ${soaked.settledMb} MB in the first 10 s, ${soaked.finalMb} MB in the last 10 s (${soaked.growthPercent >= 0 ? '+' : ''}${soaked.growthPercent} %)`)
  }
  await cleanUp()
  report(bestRuns(allRuns), allRuns, { databasePath, dataset, apiReadyMs, baselineReadyMs: Math.round(baseline.readyMs), deepRows: deep.rows, warnings, tagCount: sample.tags.length, soaked })
}

interface ReportContext {
  databasePath: string
  dataset: DatasetInfo
  apiReadyMs: number[]
  baselineReadyMs: number
  deepRows: number
  warnings: string[]
  tagCount: number
  soaked: SoakFigures | undefined
}

function report (runs: RunFigures[], allRuns: RunFigures[], context: ReportContext): void {
  const machine = describeMachine()
  const date = new Date().toISOString()
  const table = formatTable(runs)
  const { counts } = context.dataset
  const count = (value: number): string => value.toLocaleString('en-GB')
  const summary = [
    `${date.slice(0, 16).replace('T', ' ')} UTC · ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB · Node ${process.version} · commit ${builtRevision}`,
    `${count(counts.articles)} articles (${count(counts.byStatus.published)} published), ${count(counts.articleTags)} tag rows, ${counts.users} users, ${(context.dataset.databaseBytes / 1e6).toFixed(0)} MB · ` +
      `${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per run${rounds > 1 ? `, best of ${rounds} rounds` : ''}` +
      `${prioritised ? `, nice ${highPriority}` : ''} · deep page ${count(context.deepRows)} rows in`,
    `API start-up to ready: ${context.apiReadyMs.join(', ')} ms`,
    ...(context.soaked === undefined
      ? []
      : [`Soak: the API alone under ${context.soaked.scenario} for ${context.soaked.seconds} s (${context.soaked.requests.toLocaleString('en-GB')} requests, ${context.soaked.errors + context.soaked.failedResponses} errors, ${context.soaked.serverErrors} 5xx, p99 ${context.soaked.latencyMs.p99} ms): RSS ${context.soaked.settledMb} MB in the first 10 s, ${context.soaked.finalMb} MB in the last 10 s (${context.soaked.growthPercent >= 0 ? '+' : ''}${context.soaked.growthPercent} %)`])
  ]
  say(`\n${summary.join('\n')}\n\n${table}\n`)
  const noisy = runs.filter((figures) => figures.otherCpu > 0.15)
  if (noisy.length > 0) {
    say(`WARNING: other processes used CPU during ${noisy.map((figures) => `${figures.scenario}/${figures.server} (${figures.otherCpu.toFixed(2)} cores)`).join(', ')}: on 2 cores those figures are noisy`)
  }
  const results = {
    date,
    machine,
    node: process.version,
    commit: builtRevision,
    smoke,
    settings: { ...settings, rounds, pipelining: 1, nice: prioritised ? highPriority : 0 },
    dataset: { file: relative(root, context.databasePath), seed: context.dataset.seed, anchor: context.dataset.anchor, ...counts, databaseBytes: context.dataset.databaseBytes, averageBodyBytes: context.dataset.averageBodyBytes, generatedInMs: context.dataset.generatedInMs, tagsSampled: context.tagCount },
    startup: { apiReadyMs: context.apiReadyMs, baselineReadyMs: context.baselineReadyMs },
    deepRows: context.deepRows,
    sanityWarnings: context.warnings,
    scenarios: selected.map(({ name, description }) => ({ name, description, ratio: ratioOf(runs, name) ?? null })),
    runs,
    ...(context.soaked === undefined ? {} : { soak: context.soaked }),
    ...(rounds > 1 ? { allRuns } : {})
  }
  // A smoke run leaves the real results alone unless told where to write.
  const out = args.out ?? (smoke ? undefined : resolvePath(root, 'bench/results/latest.json'))
  if (out !== undefined) {
    mkdirSync(resolvePath(out, '..'), { recursive: true })
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
    say(`wrote ${out}`)
  }
  if (args.readme === true) {
    updateReadme(resolvePath(root, 'bench/README.md'), 'results', `${summary.map((line) => `${line}  `).join('\n')}\n\n${table}`)
    say('updated the results in bench/README.md')
  }
  const expected = (figures: RunFigures): number | undefined => selected.find((scenario) => scenario.name === figures.scenario)?.expectedStatus
  const unexpected = (figures: RunFigures): boolean => {
    const status = expected(figures)
    return status !== undefined && (figures.statusCodes[String(status)] ?? 0) < 0.99 * figures.requests
  }
  if (context.soaked !== undefined && context.soaked.errors + context.soaked.failedResponses > 0) {
    say(`FAILED: the soak had ${context.soaked.errors} errors and ${context.soaked.failedResponses} non-2xx/3xx answers (${context.soaked.serverErrors} of them 5xx)`)
    process.exitCode = 1
  }
  if (context.soaked !== undefined && context.soaked.growthPercent >= soakRssGrowthLimitPercent) {
    say(`FAILED: RSS grew ${context.soaked.growthPercent} % during the soak (limit ${soakRssGrowthLimitPercent} %)`)
    process.exitCode = 1
  }
  const failed = allRuns.filter((figures) => figures.errors + figures.timeouts + figures.failedResponses > 0 || figures.requests === 0 || unexpected(figures))
  if (failed.length > 0) {
    say(`FAILED: ${failed.map((figures) => `${figures.scenario}/${figures.server} (${JSON.stringify(figures.statusCodes)}, ${figures.errors} errors)`).join(', ')}`)
    process.exitCode = 1
  }
}

if (!(prioritised && rerunInOwnSession())) {
  if (prioritised) raisePriority()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { cleanUp().finally(() => process.exit(130)).catch(() => process.exit(130)) })
  }
  main().catch(async (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
    await cleanUp()
    process.exitCode = 1
  })
}
