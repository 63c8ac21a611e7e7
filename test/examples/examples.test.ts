import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import t from 'tap'
import { bearer, json } from '../helpers/app.js'
import { startServer, type RunningServer } from '../helpers/server.js'

/* The two integration scripts in examples/, run as a person would run them, against the API on loopback. */

const root = new URL('../../', import.meta.url)
t.setTimeout(240_000)

interface Run { code: number | null, stdout: string, stderr: string }

function example (script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `examples/${script}`, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

interface ArticleFromFile { slug: string, title: string, status: string, sources: Array<{ source: { url: string } }> }
const fromFile = JSON.parse(readFileSync(new URL('examples/articles.json', root), 'utf8')) as ArticleFromFile[]

async function articleBySlug (server: RunningServer, slug: string): Promise<{ statusCode: number, body: Record<string, unknown> }> {
  const response = await server.app.inject({ method: 'GET', url: `/v1/articles/slug/${slug}?include=sources`, headers: bearer(server.adminToken) })
  return { statusCode: response.statusCode, body: json(response) }
}

t.test('import-articles creates each article with its sources, and a second run changes nothing', async (t) => {
  const server = await startServer(t)
  const env = { NEWSDESK_URL: server.url, NEWSDESK_TOKEN: server.adminToken }

  const first = await example('import-articles.ts', ['examples/articles.json'], env)
  t.equal(first.code, 0, first.stderr)
  t.equal(first.stderr, '')
  t.match(first.stdout, /^created {2}millbrook-quay-market-moves-during-barrier-works \(2 sources, published\)$/m)
  t.match(first.stdout, /^created {2}riverton-half-marathon-route-avoids-the-quay \(2 sources, draft\)$/m)
  t.match(first.stdout, /^3 articles: 3 created, 0 updated, 0 skipped, 0 failed$/m)

  for (const item of fromFile) {
    const { statusCode, body } = await articleBySlug(server, item.slug)
    t.equal(statusCode, 200, `${item.slug} exists`)
    t.match(body, { title: item.title, status: item.status, version: 1 })
    t.equal((body.sources as unknown[]).length, item.sources.length, `${item.slug} cites its sources`)
  }
  const market = (await articleBySlug(server, fromFile[0]!.slug)).body as { sources: Array<{ source: { url: string } }> }
  t.equal(market.sources[0]?.source.url, 'https://council.riverton.example/news/2026/millbrook-market-relocation', 'tracking parameters dropped')
  const sources = await server.app.inject({ method: 'GET', url: '/v1/sources?limit=100' })
  t.equal((json(sources).data as unknown[]).length, 4, 'a source cited twice is stored once')

  const second = await example('import-articles.ts', [], env)
  t.equal(second.code, 0, second.stderr)
  t.match(second.stdout, /^skipped {2}millbrook-quay-market-moves-during-barrier-works \(exists, version 1; --update to apply the file\)$/m)
  t.match(second.stdout, /^3 articles: 0 created, 0 updated, 3 skipped, 0 failed$/m)
  const all = await server.app.inject({ method: 'GET', url: '/v1/articles?limit=100&fields=slug', headers: bearer(server.adminToken) })
  t.equal((json(all).data as unknown[]).length, 3, 'nothing was created twice')

  const update = await example('import-articles.ts', ['--update'], env)
  t.equal(update.code, 0, update.stderr)
  t.match(update.stdout, /^3 articles: 0 created, 3 updated, 0 skipped, 0 failed$/m)
  t.match((await articleBySlug(server, fromFile[1]!.slug)).body, { version: 2 })
})

t.test('import-articles reports an article the API refuses, imports the rest, and exits 1', async (t) => {
  const server = await startServer(t)
  const reader = await server.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'dev.malhotra@mailbox.example', password: 'tidal-market-stall-42', displayName: 'Dev Malhotra' } })
  t.equal(reader.statusCode, 201)
  const readerSession = await server.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'dev.malhotra@mailbox.example', password: 'tidal-market-stall-42' } })
  const refused = await example('import-articles.ts', [], { NEWSDESK_URL: server.url, NEWSDESK_TOKEN: json(readerSession).token as string })
  t.equal(refused.code, 1, 'a member cannot write articles')
  t.match(refused.stderr, /^failed {3}millbrook-quay-market-moves-during-barrier-works: 403 forbidden: /m)
  t.match(refused.stdout, /3 failed/)

  const missingToken = await example('import-articles.ts', [], { NEWSDESK_URL: server.url })
  t.equal(missingToken.code, 2)
  t.match(missingToken.stderr, /Set NEWSDESK_TOKEN/)
})

t.test('follow-moderation-queue prints pending comments once, and approves them with --approve', async (t) => {
  const server = await startServer(t)
  const article = await server.app.inject({
    method: 'POST',
    url: '/v1/articles',
    headers: bearer(server.adminToken),
    payload: { title: 'Council approves flood barrier for Millbrook quay', body: 'Councillors voted 31 to 9.', status: 'published' }
  })
  const articleId = json(article).id as string
  await server.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'dev.malhotra@mailbox.example', password: 'tidal-market-stall-42', displayName: 'Dev Malhotra' } })
  const session = json(await server.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'dev.malhotra@mailbox.example', password: 'tidal-market-stall-42' } })).token as string
  const bodies = ['Will the quay car park close completely while they build it?', 'Good news for the market stalls,\nif the dates hold.']
  const ids: string[] = []
  for (const body of bodies) {
    const posted = await server.app.inject({ method: 'POST', url: `/v1/articles/${articleId}/comments`, headers: bearer(session), payload: { body } })
    t.equal(posted.statusCode, 201)
    ids.push(json(posted).id as string)
  }
  const env = { NEWSDESK_URL: server.url, NEWSDESK_TOKEN: server.adminToken }

  const look = await example('follow-moderation-queue.ts', ['--once'], env)
  t.equal(look.code, 0, look.stderr)
  const lines = look.stdout.trim().split('\n')
  t.equal(lines.length, 2, 'one line per pending comment')
  t.match(lines[0], new RegExp(`^pending {2}\\S+ {2}Dev Malhotra on article ${articleId}: "Will the quay car park close completely while they build it\\?" {2}\\[${ids[0]}\\]$`))
  t.match(lines[1], /"Good news for the market stalls, if the dates hold\."/, 'line breaks are folded')
  for (const id of ids) {
    t.match(json(await server.app.inject({ method: 'GET', url: `/v1/comments/${id}`, headers: bearer(server.adminToken) })), { status: 'pending' }, 'looking changes nothing')
  }

  const approve = await example('follow-moderation-queue.ts', ['--once', '--approve'], env)
  t.equal(approve.code, 0, approve.stderr)
  t.match(approve.stdout, /^approved 2$/m)
  for (const id of ids) {
    t.match(json(await server.app.inject({ method: 'GET', url: `/v1/comments/${id}` })), { status: 'approved' }, 'approved comments are public')
  }

  const empty = await example('follow-moderation-queue.ts', ['--once'], env)
  t.equal(empty.code, 0)
  t.equal(empty.stdout, 'no comments waiting\n')

  const member = await example('follow-moderation-queue.ts', ['--once'], { ...env, NEWSDESK_TOKEN: session })
  t.equal(member.code, 1, 'a token without comments:moderate is refused')
  t.match(member.stderr, /answered 403/)
})

t.test('follow-moderation-queue keeps polling until SIGTERM and prints new comments as they arrive', async (t) => {
  const server = await startServer(t)
  const article = json(await server.app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(server.adminToken), payload: { title: 'Night buses return', status: 'published' } }))
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/follow-moderation-queue.ts', '--interval', '0.2'], {
    cwd: root,
    env: { PATH: process.env.PATH, NEWSDESK_URL: server.url, NEWSDESK_TOKEN: server.adminToken },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  await server.app.inject({ method: 'POST', url: '/v1/auth/register', payload: { email: 'ines@mailbox.example', password: 'n7-at-midnight-please', displayName: 'Ines' } })
  const session = json(await server.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email: 'ines@mailbox.example', password: 'n7-at-midnight-please' } })).token as string
  await server.app.inject({ method: 'POST', url: `/v1/articles/${article.id as string}/comments`, headers: bearer(session), payload: { body: 'Finally, the N7 again.' } })
  const started = Date.now()
  while (!stdout.includes('Finally, the N7 again.') && Date.now() - started < 60_000) await new Promise((resolve) => setTimeout(resolve, 50))
  t.match(stdout, /Ines on article .*"Finally, the N7 again\."/, 'a comment posted while it runs is printed')
  await new Promise((resolve) => setTimeout(resolve, 600))
  t.equal(stdout.split('Finally, the N7 again.').length - 1, 1, 'and printed once, however many polls see it')
  child.kill('SIGTERM')
  t.equal(await exited, 0, 'SIGTERM ends it cleanly')
})
