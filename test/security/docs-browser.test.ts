import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { buildTestApp, json } from '../helpers/app.js'
import { listen } from './helpers.js'

/*
 * Swagger UI in a real browser, under the Content-Security-Policy the server sends: the page
 * must render every operation (its scripts ran, it fetched the document) and the browser must
 * report no CSP violation. Needs Chromium (CHROMIUM_PATH, or /usr/bin/chromium); skipped without.
 */

const run = promisify(execFile)
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(candidate))

t.test('Swagger UI renders every operation with no CSP violation', { skip: chromium === undefined ? 'no Chromium on this machine' : false }, async (t) => {
  const { app } = await buildTestApp(t)
  const port = await listen(app)
  const document = json<{ paths: Record<string, Record<string, unknown>> }>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  const operations = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0)
  const profile = await mkdtemp(join(tmpdir(), 'newsdesk-chromium-'))
  t.teardown(async () => rm(profile, { recursive: true, force: true }))

  const { stdout, stderr } = await run(chromium as string, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--virtual-time-budget=20000',
    '--dump-dom', `http://127.0.0.1:${port}/docs/`
  ], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 })

  const rendered = stdout.match(/class="opblock-summary-operation-id"/g)?.length ?? 0
  t.equal(rendered, operations, `all ${operations} operations are rendered`)
  t.match(stdout, 'newsdesk API', 'the document was fetched and shown')
  const violations = stderr.split('\n').filter((line) => /Content Security Policy|Refused to/i.test(line))
  t.same(violations, [], 'no CSP violation reported')
})
