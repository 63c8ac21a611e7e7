import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { countMigrations } from '../../src/db/client.js'
import { bundleServer, freePort, startServer } from '../helpers/server-process.js'

/*
 * npm start runs dist/server.js, one bundle of the server and most of its libraries (it
 * starts in ~0.55 s on the bench database against ~0.75 s for the same modules loaded file by
 * file: bench/README.md, Start-up). The suite runs the sources; this test runs that bundle,
 * built the way package.json builds it, through a first start on an empty database.
 */
t.test('the bundled server starts, migrates, seeds the demo content and serves the API and its docs', async (t) => {
  const build = bundleServer()
  const data = mkdtempSync(join(tmpdir(), 'newsdesk-bundle-data-'))
  t.teardown(() => { build.dispose(); rmSync(data, { recursive: true, force: true }) })
  const server = await startServer(build, { NODE_ENV: 'production', NEWSDESK_DEMO: '1', DATABASE_PATH: join(data, 'newsdesk.db') }, await freePort())
  t.teardown(() => { server.child.kill('SIGKILL') })

  const ready = await fetch(`${server.origin}/readyz`)
  t.same(await ready.json(), { status: 'ready', migrations: countMigrations() })

  const list = await fetch(`${server.origin}/v1/articles?limit=1`)
  t.equal(list.status, 200)
  const page = await list.json() as { data: Array<{ slug: string, readingTimeMinutes: number }> }
  t.equal(page.data.length, 1, 'the demo articles were written (Markdown analysed on the way)')

  const article = await fetch(`${server.origin}/v1/articles/slug/${page.data[0]?.slug ?? ''}`)
  t.equal(article.status, 200)
  t.match(await article.json(), { slug: page.data[0]?.slug, body: String, outline: Array })

  const missing = await fetch(`${server.origin}/v1/articles/slug/no-such-article`)
  t.equal(missing.status, 404)
  t.equal(missing.headers.get('content-type'), 'application/problem+json')

  const docs = await fetch(`${server.origin}/docs/`)
  t.equal(docs.status, 200)
  t.match(docs.headers.get('content-type'), /^text\/html/)
  const yaml = await fetch(`${server.origin}/openapi.yaml`)
  t.equal(yaml.status, 200)
  t.match(await yaml.text(), /^openapi: 3\.1/)

  server.child.kill('SIGTERM')
  t.same(await server.exited, { code: 0, signal: null }, 'SIGTERM: drained and exited cleanly')
})
