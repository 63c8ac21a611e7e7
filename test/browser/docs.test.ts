import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Locator, type Page } from 'playwright-core'
import t from 'tap'
import { bearer } from '../helpers/app.js'
import { startServer } from '../helpers/server.js'

/*
 * What an editor does in Swagger UI, done in a real browser: sign in with Try it out, copy the
 * token into Authorize, reload (the authorization persists), create an article, read it back,
 * update it with If-Match (and see a stale one refused), delete it. Debian's Chromium, driven
 * by playwright-core; skipped, not failed, on a machine without it.
 */

const chromiumPath = '/usr/bin/chromium'
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url))
const skip = existsSync(chromiumPath) ? false : `no Chromium at ${chromiumPath}: install it with "apt-get install chromium" to run the Swagger UI browser test (.ci/run does)`

// Starting Chromium is slow on a loaded two-core machine.
t.setTimeout(240_000)

interface Shown {
  status: number
  body: unknown
  headers: Record<string, string>
}

/** Presses Execute and reads what the page shows for the answer: status, body and headers. */
async function execute (page: Page, operation: Locator, method: string): Promise<Shown> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === method && new URL(candidate.url()).pathname.startsWith('/v1/')),
    operation.locator('button.execute').click()
  ])
  const live = operation.locator('.live-responses-table .response')
  await live.locator('.response-col_status', { hasText: new RegExp(`^${response.status()}$`) }).waitFor()
  const status = Number(await live.locator('.response-col_status').innerText())
  const bodies = live.locator('.highlight-code pre')
  const body = await bodies.count() > 0 ? JSON.parse(await bodies.first().innerText()) as unknown : undefined
  const headers: Record<string, string> = {}
  for (const line of await live.locator('.headerline').allInnerTexts()) {
    const [name, ...value] = line.trim().split(':')
    if (name !== undefined) headers[name.trim().toLowerCase()] = value.join(':').trim()
  }
  return { status, body, headers }
}

/** The operation from its header down to the live response (not the long list of documented responses below). */
async function screenshotOfResult (page: Page, operation: Locator, path: string): Promise<void> {
  const scrollY = Number(await page.evaluate('window.scrollY'))
  const box = async (element: Locator): Promise<{ y: number, height: number }> => {
    const found = await element.boundingBox()
    if (found === null) throw new Error('the element to photograph is not visible')
    return found
  }
  const operationBox = await box(operation)
  const responseBox = await box(operation.locator('.live-responses-table'))
  const top = operationBox.y + scrollY
  const bottom = responseBox.y + responseBox.height + scrollY
  const width = page.viewportSize()?.width ?? 1280
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: Math.max(0, top - 8), width, height: bottom - top + 16 } })
}

/** Expands an operation and presses Try it out. */
async function tryItOut (page: Page, tag: string, operationId: string): Promise<Locator> {
  const operation = page.locator(`#operations-${tag}-${operationId}`)
  await operation.locator('.opblock-summary-control').click()
  await operation.locator('button.try-out__btn').click()
  return operation
}

t.test('Swagger UI: sign in, authorize, create, read, update with If-Match and delete with Try it out', { skip }, async (t) => {
  const server = await startServer(t)
  // A fresh profile: nothing remembered from another run (persistAuthorization uses localStorage).
  const userDataDir = mkdtempSync(join(tmpdir(), 'newsdesk-chromium-'))
  const removeProfile = (): void => rmSync(userDataDir, { recursive: true, force: true })
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, args: launchArgs, viewport: { width: 1280, height: 900 } })
    .catch((error: unknown) => { removeProfile(); throw error })
  t.teardown(async () => {
    await context.close()
    removeProfile()
  })
  const page = context.pages()[0] ?? await context.newPage()
  mkdirSync(artifacts, { recursive: true })

  let step = 'open /docs'
  try {
    await page.goto(`${server.url}/docs`)
    await page.locator('#operations-Auth-login').waitFor()
    t.same(await page.locator('.opblock-tag-section h3 .nostyle span').allInnerTexts(),
      ['Articles', 'Sources', 'Related', 'Comments', 'Auth', 'Users', 'Tokens', 'Webhooks', 'Transfer', 'Operations'], 'tags in reading order')

    step = 'sign in with POST /v1/auth/login'
    const login = await tryItOut(page, 'Auth', 'login')
    await login.locator('textarea.body-param__text').fill(JSON.stringify({ email: server.admin.email, password: server.admin.password }))
    const session = await execute(page, login, 'POST')
    t.equal(session.status, 200, 'signed in')
    const token = (session.body as { token?: string }).token ?? ''
    t.match(token, /^nds_/, 'the page shows a session token')

    step = 'authorize with the token'
    await page.locator('.auth-wrapper button.authorize').click()
    await page.locator('#auth-bearer-value').fill(token)
    await page.locator('.modal-ux button[aria-label="Apply credentials"]').click()
    await page.locator('.modal-ux button.btn-done').click()
    t.match(await page.locator('.auth-wrapper button.authorize').getAttribute('class'), /\blocked\b/, 'the Authorize button shows the lock closed')

    step = 'reload: the authorization persists'
    await page.reload()
    await page.locator('#operations-Articles-createArticle').waitFor()
    t.notMatch(await page.locator('.auth-wrapper button.authorize').getAttribute('class'), /\bunlocked\b/, 'still authorized after a reload')

    step = 'create an article with POST /v1/articles'
    const title = 'Millbrook quay surveys start as barrier work is scheduled'
    const create = await tryItOut(page, 'Articles', 'createArticle')
    await create.locator('textarea.body-param__text').fill(JSON.stringify({
      title,
      dek: 'Ground teams begin drilling along the quay on 12 January.',
      body: '## Where\n\nThe first boreholes are beside the market end of the quay.',
      tags: ['flooding', 'Millbrook']
    }))
    const created = await execute(page, create, 'POST')
    t.equal(created.status, 201, 'the page shows 201')
    const article = created.body as { id: string, title: string, slug: string, status: string }
    t.equal(article.title, title)
    t.equal(article.status, 'draft')
    t.equal(created.headers.location, `/v1/articles/${article.id}`, 'the page shows the Location header')

    step = 'read it back with GET /v1/articles/{id}'
    const read = await tryItOut(page, 'Articles', 'getArticle')
    await read.locator('tr[data-param-name="id"] input').fill(article.id)
    const got = await execute(page, read, 'GET')
    t.equal(got.status, 200, 'the page shows 200')
    t.equal((got.body as { title: string }).title, title, 'the page shows the title')
    t.ok(await read.locator('.live-responses-table').getByText(title).first().isVisible(), 'the title is visible')
    const etag = got.headers.etag ?? ''
    t.match(etag, /^"v1-draft(-sources)?"$/, 'the ETag is readable on the page')
    await screenshotOfResult(page, read, join(artifacts, 'docs-try-it-out.png'))

    step = 'update with If-Match'
    const update = await tryItOut(page, 'Articles', 'updateArticle')
    await update.locator('tr[data-param-name="id"] input').fill(article.id)
    await update.locator('tr[data-param-name="if-match"] input').fill(etag)
    await update.locator('textarea.body-param__text').fill(JSON.stringify({ status: 'published' }))
    const updated = await execute(page, update, 'PATCH')
    t.equal(updated.status, 200, 'a current If-Match updates')
    t.match(updated.body, { status: 'published', version: 2 })
    const newEtag = updated.headers.etag ?? ''
    t.match(newEtag, /^"v2-published"$/)

    step = 'a stale If-Match is refused'
    const stale = await execute(page, update, 'PATCH')
    t.equal(stale.status, 412, 'the old ETag is a 412')
    t.match(stale.body, { code: 'precondition_failed' })

    step = 'delete with If-Match'
    const remove = await tryItOut(page, 'Articles', 'deleteArticle')
    await remove.locator('tr[data-param-name="id"] input').fill(article.id)
    await remove.locator('tr[data-param-name="if-match"] input').fill(newEtag)
    const deleted = await execute(page, remove, 'DELETE')
    t.equal(deleted.status, 204, 'deleted')
    const after = await server.app.inject({ method: 'GET', url: `/v1/articles/${article.id}`, headers: bearer(server.adminToken) })
    t.equal(after.statusCode, 404, 'the article is gone')
  } catch (error) {
    const file = join(artifacts, `docs-failure-${step.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
    const shot = await page.screenshot({ path: file, fullPage: true }).then(() => `screenshot: ${file}`, (shotError: unknown) => `no screenshot: ${String(shotError)}`)
    t.fail(`failed at "${step}" (${shot}): ${error instanceof Error ? error.message : String(error)}`)
  }
})
