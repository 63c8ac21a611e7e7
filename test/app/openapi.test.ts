import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import SwaggerParser from '@apidevtools/swagger-parser'
import t from 'tap'
import { parse as parseYaml } from 'yaml'
import { generateArtifacts } from '../../src/openapi-document.js'
import { buildTestApp, json } from '../helpers/app.js'

const run = promisify(execFile)
const root = new URL('../../', import.meta.url)
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const

interface Operation {
  operationId?: string
  summary?: string
  tags?: string[]
  security?: unknown[]
  responses?: Record<string, { content?: Record<string, unknown> }>
}

t.test('the committed document and client types are what the code generates', async (t) => {
  for (const artifact of await generateArtifacts()) {
    t.equal(readFileSync(new URL(artifact.path, root), 'utf8'), artifact.content, `${artifact.path} is current (run npm run openapi)`)
  }
})

t.test('the served document equals the committed one', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/openapi.json' })
  t.equal(response.statusCode, 200)
  t.same(json(response), JSON.parse(readFileSync(new URL('openapi/openapi.json', root), 'utf8')))
})

t.test('the document is served as YAML too, the same as the committed openapi/openapi.yaml', async (t) => {
  const { app } = await buildTestApp(t)
  const response = await app.inject({ method: 'GET', url: '/openapi.yaml' })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/yaml/)
  t.equal(response.body, readFileSync(new URL('openapi/openapi.yaml', root), 'utf8'))
  t.same(parseYaml(response.body), JSON.parse(readFileSync(new URL('openapi/openapi.json', root), 'utf8')), 'the YAML says what the JSON says')
  t.notMatch(response.body, /^\s*[&*][\w-]+/m, 'no YAML anchors or aliases')
})

t.test('the document names its servers, contact, licence, security scheme and tags in reading order', async (t) => {
  const document = JSON.parse(readFileSync(new URL('openapi/openapi.json', root), 'utf8')) as {
    info: { contact?: { email?: string }, license?: { name?: string } }
    servers?: Array<{ url: string }>
    components: { securitySchemes?: Record<string, { type: string, scheme?: string, description?: string }> }
    tags: Array<{ name: string, description?: string }>
  }
  t.ok(document.info.contact?.email)
  t.equal(document.info.license?.name, 'MIT')
  t.same(document.servers?.map((server) => server.url), ['/'])
  t.same(document.components.securitySchemes?.bearerAuth, { type: 'http', scheme: 'bearer', description: document.components.securitySchemes?.bearerAuth?.description })
  t.same(document.tags.map((tag) => tag.name), ['Articles', 'Sources', 'Related', 'Comments', 'Auth', 'Users', 'Tokens', 'Webhooks', 'Transfer', 'Operations'])
  for (const tag of document.tags) t.ok((tag.description ?? '').length > 20, `${tag.name} is described`)
})

t.test('the document validates as OpenAPI 3.1', async (t) => {
  const document = JSON.parse(readFileSync(new URL('openapi/openapi.json', root), 'utf8')) as Record<string, unknown>
  await t.resolves(SwaggerParser.validate(structuredClone(document) as unknown as Parameters<typeof SwaggerParser.validate>[0]))
  t.equal(document.openapi, '3.1.0')
})

t.test('every operation has an id, tag, summary, security and its problem responses', async (t) => {
  const document = JSON.parse(readFileSync(new URL('openapi/openapi.json', root), 'utf8')) as { paths: Record<string, Partial<Record<typeof methods[number], Operation>>> }
  const ids = new Set<string>()
  let operations = 0
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method]
      if (operation === undefined) continue
      operations++
      const name = `${method.toUpperCase()} ${path}`
      t.ok(operation.operationId, `${name} has an operationId`)
      t.notOk(ids.has(operation.operationId ?? ''), `${name} operationId is unique`)
      ids.add(operation.operationId ?? '')
      t.ok(operation.summary, `${name} has a summary`)
      t.ok((operation.tags ?? []).length > 0, `${name} has a tag`)
      t.ok(Array.isArray(operation.security), `${name} declares security`)
      const responses = operation.responses ?? {}
      for (const status of ['401', '500']) {
        t.ok(responses[status]?.content?.['application/problem+json'], `${name} documents its ${status} problem`)
      }
      if (path.includes('{') || method !== 'get') t.ok(responses['400'], `${name} documents 400`)
    }
  }
  t.ok(operations >= 12, `found ${operations} operations`)
})

t.test('a 503 is documented where one can be sent: not on liveness, which is exempt from load shedding and reads nothing', async (t) => {
  const document = JSON.parse(readFileSync(new URL('openapi/openapi.json', root), 'utf8')) as { paths: Record<string, Partial<Record<typeof methods[number], Operation>>> }
  t.notOk(document.paths['/healthz']?.get?.responses?.['503'], 'GET /healthz has no 503')
  t.ok(document.paths['/metrics']?.get?.responses?.['503'], 'GET /metrics reads storage, so it can give a 503')
  t.ok(document.paths['/v1/articles']?.get?.responses?.['503'], 'an ordinary operation can be shed under load')
})

t.test('redocly lint (recommended rules) reports no errors and no warnings', async (t) => {
  const { stdout, stderr } = await run('npx', ['redocly', 'lint', 'openapi/openapi.json', '--format=stylish'], { cwd: root, timeout: 120_000 })
  const output = `${stdout}\n${stderr}`
  t.match(output, /Your API description is valid/)
  t.notMatch(output, /You have \d+ warnings?/)
  t.notMatch(output, /\d+ errors?/)
})
