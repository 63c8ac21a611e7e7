/*
 * Follows the comment moderation queue through the typed client: prints each comment waiting
 * for a moderator once, as it arrives.
 *
 *   NEWSDESK_URL=http://127.0.0.1:3000 NEWSDESK_TOKEN=ndk_… npx tsx examples/follow-moderation-queue.ts [--approve] [--once] [--interval 10]
 *
 * --approve   approve what it prints (POST /v1/comments/moderate, one request per batch)
 * --once      read the queue once and exit instead of polling
 * --interval  seconds between polls (default 10)
 * The token needs the comments:moderate scope (an editor's or an admin's).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { createNewsdeskClient, type components } from '../clients/typescript/index.js'

type Comment = components['schemas']['Comment']

const { values } = parseArgs({ options: { approve: { type: 'boolean' }, once: { type: 'boolean' }, interval: { type: 'string', default: '10' } } })
const intervalSeconds = Number(values.interval)
const token = process.env.NEWSDESK_TOKEN
if (token === undefined || token === '' || !Number.isFinite(intervalSeconds) || intervalSeconds <= 0) {
  process.stderr.write('Set NEWSDESK_TOKEN to a token with the comments:moderate scope; --interval takes a number of seconds.\n')
  process.exit(2)
}
const client = createNewsdeskClient({ baseUrl: process.env.NEWSDESK_URL ?? 'http://127.0.0.1:3000', token })
const seen = new Set<string>()

/** Every pending comment, oldest first, following the cursor to the end of the queue. */
async function pendingComments (): Promise<Comment[]> {
  const comments: Comment[] = []
  let cursor: string | undefined
  do {
    const { data, error, response } = await client.GET('/v1/comments', { params: { query: { status: 'pending', limit: 100, ...(cursor === undefined ? {} : { cursor }) } } })
    if (data === undefined) throw new Error(`GET /v1/comments answered ${response.status}: ${error?.detail ?? response.statusText}`)
    comments.push(...data.data)
    cursor = data.page.nextCursor ?? undefined
  } while (cursor !== undefined)
  return comments
}

function show (comment: Comment): string {
  const text = comment.body.replace(/\s+/g, ' ')
  return `pending  ${comment.createdAt}  ${comment.author?.displayName ?? '(deleted account)'} on article ${comment.articleId}${comment.parentId === null ? '' : ' (reply)'}: "${text.length > 100 ? `${text.slice(0, 99)}…` : text}"  [${comment.id}]`
}

async function poll (): Promise<void> {
  const fresh = (await pendingComments()).filter((comment) => !seen.has(comment.id))
  for (const comment of fresh) {
    seen.add(comment.id)
    process.stdout.write(`${show(comment)}\n`)
  }
  if (values.approve === true && fresh.length > 0) {
    for (let start = 0; start < fresh.length; start += 500) {
      const ids = fresh.slice(start, start + 500).map((comment) => comment.id)
      const { data, error, response } = await client.POST('/v1/comments/moderate', { body: { ids, status: 'approved' } })
      if (data === undefined) throw new Error(`POST /v1/comments/moderate answered ${response.status}: ${error?.detail ?? response.statusText}`)
      process.stdout.write(`approved ${data.updated.length}${data.unknown.length > 0 ? ` (${data.unknown.length} gone meanwhile)` : ''}\n`)
    }
  }
  if (values.once === true && fresh.length === 0) process.stdout.write('no comments waiting\n')
}

// Polls one after another (never overlapping); Ctrl-C or SIGTERM ends the wait and the script.
const stop = new AbortController()
process.once('SIGINT', () => stop.abort())
process.once('SIGTERM', () => stop.abort())
try {
  await poll()
  while (values.once !== true && !stop.signal.aborted) {
    const stopped = await sleep(intervalSeconds * 1000, false, { signal: stop.signal }).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') return true
      throw error
    })
    if (stopped) break
    await poll()
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
