import { slugFromText } from '../lib/slug.js'
import { accountDocs, operationsDocs } from './examples/accounts.js'
import { articleDocs } from './examples/articles.js'
import { commonProblems } from './examples/common-problems.js'
import type { Example, ProblemExample } from './examples/problem.js'
import { commentDocs, relatedDocs } from './examples/related-and-comments.js'
import { sourceDocs } from './examples/sources.js'
import { transferDocs } from './examples/transfer.js'
import { webhookDocs } from './examples/webhooks.js'

export type { Example, ProblemExample } from './examples/problem.js'

/**
 * What the reference shows for one operation beyond what its route declares. Kept apart from
 * the routes so documentation can grow without touching them; test/app/operation-docs.test.ts
 * fails when an operation in the document has no entry here, or an example stops matching
 * its schema.
 */
export interface OperationDoc {
  /** The rules, when the route states none itself; otherwise added after the route's own description. */
  description?: string
  /** Request bodies, the first one pre-filled by "Try it out". */
  request?: Example[]
  /** Success bodies by status. */
  responses?: Partial<Record<200 | 201 | 202, Example[]>>
  /** Problems the operation can answer with; each goes under its own status. */
  errors: [ProblemExample, ...ProblemExample[]]
}

export type OperationDocs = Record<string, OperationDoc>

export const operationDocs: OperationDocs = {
  ...articleDocs,
  ...sourceDocs,
  ...relatedDocs,
  ...commentDocs,
  ...accountDocs,
  ...webhookDocs,
  ...transferDocs,
  ...operationsDocs
}

type JsonObject = Record<string, unknown>
type MediaTypes = Record<string, JsonObject>
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const

function examplesMap (examples: readonly Example[], existing: unknown): JsonObject {
  const map: JsonObject = { ...(existing as JsonObject | undefined) }
  for (const example of examples) {
    let name = slugFromText(example.summary, 'example')
    for (let n = 2; name in map; n++) name = `${slugFromText(example.summary, 'example')}-${n}`
    map[name] = { summary: example.summary, ...(example.description === undefined ? {} : { description: example.description }), value: example.value }
  }
  return map
}

/** Puts examples on every media type of a request body or response (new objects: the document's may be shared). */
function withExamples (holder: unknown, examples: readonly Example[]): unknown {
  if (holder === null || typeof holder !== 'object') return holder
  const content = (holder as { content?: MediaTypes }).content
  if (content === undefined) return holder
  const next: MediaTypes = {}
  for (const [type, media] of Object.entries(content)) next[type] = { ...media, examples: examplesMap(examples, media.examples) }
  return { ...holder, content: next }
}

function hasExamples (response: unknown): boolean {
  const content = (response as { content?: MediaTypes } | undefined)?.content ?? {}
  return Object.values(content).some((media) => media.examples !== undefined)
}

/**
 * The document's paths with each operation's examples in place: its own, then the common
 * problems for any problem status still without one.
 */
export function applyOperationDocs (paths: Record<string, unknown>, docs: OperationDocs = operationDocs): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(paths)) {
    const item = { ...(value as JsonObject) }
    for (const method of methods) {
      const operation = item[method] as (JsonObject & { operationId?: string, responses?: JsonObject }) | undefined
      if (operation === undefined) continue
      const doc = operation.operationId === undefined ? undefined : docs[operation.operationId]
      const next = { ...operation }
      if (doc?.request !== undefined) next.requestBody = withExamples(operation.requestBody, doc.request)
      const responses = { ...operation.responses }
      for (const [status, examples] of Object.entries(doc?.responses ?? {})) responses[status] = withExamples(responses[status], examples)
      const byStatus = new Map<string, ProblemExample[]>()
      for (const error of doc?.errors ?? []) byStatus.set(String(error.value.status), [...(byStatus.get(String(error.value.status)) ?? []), error])
      for (const [status, examples] of byStatus) responses[status] = withExamples(responses[status], examples)
      for (const [status, examples] of Object.entries(commonProblems(path, method, operation as Parameters<typeof commonProblems>[2]))) {
        if (responses[status] !== undefined && !hasExamples(responses[status])) responses[status] = withExamples(responses[status], examples)
      }
      next.responses = responses
      item[method] = next
    }
    result[path] = item
  }
  return result
}
