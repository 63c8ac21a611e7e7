import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import t from 'tap'
import { errorCatalogue, problemTypeUri, type ErrorCode } from '../../src/errors.js'
import { operationDocs } from '../../src/openapi/operation-docs.js'
import { generateOpenApiObject } from '../../src/openapi-document.js'
import { bearer, buildTestApp, json } from '../helpers/app.js'

/*
 * Every operation in the document is documented for a person in Swagger UI: a one-line
 * summary, its rules, examples of its request body, its success body and at least one
 * problem, and every example matches the schema it illustrates. An operation added without
 * an entry in src/openapi/operation-docs.ts fails here.
 */

interface Media { schema?: unknown, examples?: Record<string, { summary?: string, value: unknown }> }
interface Operation {
  operationId: string
  summary?: string
  description?: string
  requestBody?: { content?: Record<string, Media> }
  responses: Record<string, { description?: string, content?: Record<string, Media> }>
}
interface Document { paths: Record<string, Record<string, Operation>>, components: unknown }

const methods = ['get', 'put', 'post', 'patch', 'delete']
const base = 'https://newsdesk.test/openapi.json'
const document = await generateOpenApiObject() as unknown as Document

function operations (): Array<{ name: string, pointer: string, operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) => methods.filter((method) => item[method] !== undefined).map((method) => ({
    name: `${method.toUpperCase()} ${path} (${item[method]!.operationId})`,
    pointer: `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`,
    operation: item[method]!
  })))
}

const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(structuredClone(document), base)

function validate (pointer: string, value: unknown): string | undefined {
  const check = ajv.compile({ $ref: `${base}${pointer}` })
  return check(value) ? undefined : ajv.errorsText(check.errors)
}

function examplesOf (media: Media | undefined): Array<[string, unknown]> {
  return Object.entries(media?.examples ?? {}).map(([name, example]) => [name, example.value])
}

t.test('every operation has a one-line summary and a description of its rules', async (t) => {
  for (const { name, operation } of operations()) {
    t.ok(operation.summary !== undefined && /^[A-Z][^\n]{3,70}[^.]$/.test(operation.summary), `${name}: summary is one short line without a full stop`)
    const rules = (operation.description ?? '').split('\n\n').filter((paragraph) => !paragraph.startsWith('Requires ')).join(' ')
    t.ok(rules.length >= 30, `${name}: describes its rules (add a description to the route or to src/openapi/operation-docs.ts)`)
  }
})

t.test('every operation shows examples of its request, its success and its problems', async (t) => {
  for (const { name, operation } of operations()) {
    t.ok(operationDocs[operation.operationId], `${name} has an entry in src/openapi/operation-docs.ts`)
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
      t.ok(examplesOf(media).length > 0, `${name}: request ${type} has examples`)
    }
    const success = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status)).sort()[0]
    t.ok(success, `${name}: has a success response`)
    for (const [type, media] of Object.entries(operation.responses[success ?? '']?.content ?? {})) {
      t.ok(examplesOf(media).length > 0, `${name}: ${success} ${type} has examples`)
    }
    const problems = Object.entries(operation.responses).filter(([status]) => /^[45]\d\d$/.test(status))
      .flatMap(([, response]) => examplesOf(response.content?.['application/problem+json']))
    t.ok(problems.length > 0, `${name}: shows at least one problem`)
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response.content?.['application/problem+json'] === undefined) continue
      // Without one, Swagger UI invents a body from the Problem schema: a validation error under 401.
      t.ok(examplesOf(response.content['application/problem+json']).length > 0, `${name}: ${status} shows an example problem`)
    }
  }
})

t.test('every example matches the schema it illustrates', async (t) => {
  let checked = 0
  for (const { name, pointer, operation } of operations()) {
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
      for (const [example, value] of examplesOf(media)) {
        checked++
        t.equal(validate(`${pointer}/requestBody/content/${type.replaceAll('/', '~1')}/schema`, value), undefined, `${name}: request example ${example}`)
      }
    }
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const [type, media] of Object.entries(response.content ?? {})) {
        for (const [example, value] of examplesOf(media)) {
          checked++
          t.equal(validate(`${pointer}/responses/${status}/content/${type.replaceAll('/', '~1')}/schema`, value), undefined, `${name}: ${status} example ${example}`)
        }
      }
    }
  }
  t.ok(checked > 120, `${checked} examples checked`)
})

t.test('the schema check refuses an example that drifted', async (t) => {
  const { pointer, operation } = operations().find(({ operation }) => operation.operationId === 'getArticle')!
  const [, article] = examplesOf(operation.responses['200']?.content?.['application/json'])[0]!
  const schema = `${pointer}/responses/200/content/application~1json/schema`
  t.equal(validate(schema, article), undefined)
  t.match(validate(schema, { ...(article as object), status: 'live' }), /status/)
  t.match(validate(schema, { ...(article as object), headline: 'x' }), /additional properties/)
  t.match(validate(schema, { ...(article as object), publishedAt: 'last Tuesday' }), /publishedAt/)
})

t.test('problem examples are the catalogued problems under their own status', async (t) => {
  for (const { name, operation } of operations()) {
    for (const [status, response] of Object.entries(operation.responses)) {
      for (const [example, value] of examplesOf(response.content?.['application/problem+json'])) {
        const problem = value as { code: ErrorCode, status: number, title: string, type: string, instance?: string }
        const entry = errorCatalogue[problem.code]
        t.ok(entry, `${name}: ${example} uses a catalogued code (${problem.code})`)
        t.equal(problem.status, Number(status), `${name}: ${example} sits under its status`)
        t.equal(entry?.status, problem.status, `${name}: ${example} has the catalogue's status`)
        t.equal(problem.title, entry?.title, `${name}: ${example} has the catalogue's title`)
        t.equal(problem.type, problemTypeUri(problem.code), `${name}: ${example} has the code's type URI`)
        t.match(problem.instance ?? '', /^\/(v1\/|healthz|readyz|metrics)/, `${name}: ${example} names a request path`)
      }
    }
  }
})

t.test('every documented example lands on an operation and status the document has', async (t) => {
  const byId = new Map(operations().map(({ operation }) => [operation.operationId, operation]))
  for (const [operationId, doc] of Object.entries(operationDocs)) {
    const operation = byId.get(operationId)
    t.ok(operation, `${operationId} is an operation in the document`)
    if (operation === undefined) continue
    if (doc.request !== undefined) t.ok(operation.requestBody, `${operationId} takes a request body for its request examples`)
    for (const status of Object.keys(doc.responses ?? {})) t.ok(operation.responses[status]?.content, `${operationId} documents a ${status} body`)
    for (const error of doc.errors) t.ok(operation.responses[String(error.value.status)], `${operationId} documents ${error.value.status} (${error.summary})`)
  }
})

t.test('success responses carry a real description', async (t) => {
  for (const { name, operation } of operations()) {
    for (const [status, response] of Object.entries(operation.responses)) {
      t.not(response.description, 'Default Response', `${name}: ${status} is described`)
    }
  }
})

t.test('the request examples are what the API accepts and answers', async (t) => {
  const { app, adminToken } = await buildTestApp(t)
  const pick = (operationId: string, kind: 'request' | 201, index = 0): unknown => {
    const doc = operationDocs[operationId]!
    const list = kind === 'request' ? doc.request : doc.responses?.[201]
    return list?.[index]?.value
  }

  const draft = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: pick('createArticle', 'request') as object })
  t.equal(draft.statusCode, 201)
  const shown = pick('createArticle', 201) as { slug: string, tags: string[], outline: unknown, readingTimeMinutes: number }
  t.match(json(draft), { slug: shown.slug, tags: shown.tags, outline: shown.outline, readingTimeMinutes: shown.readingTimeMinutes })

  const source = await app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(adminToken), payload: pick('createSource', 'request') as object })
  t.equal(source.statusCode, 201)
  t.equal(json(source).url, (pick('createSource', 201) as { url: string }).url, 'the shown URL is the normalised one')

  const member = await app.inject({ method: 'POST', url: '/v1/auth/register', payload: pick('register', 'request') as object })
  t.equal(member.statusCode, 201)
  t.match(json(member), { role: 'member' })
})
