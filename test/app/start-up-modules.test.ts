import { createRequire } from 'node:module'
import t from 'tap'
import { bearer, buildTestApp, json } from '../helpers/app.js'

const loadedModules = (): string[] => Object.keys(createRequire(import.meta.url).cache)
const loaded = (fragment: string): boolean => loadedModules().some((path) => path.includes(fragment))

/*
 * Start-up time is mostly module loading (bench/README.md, Start-up). Fastify loads its own
 * Ajv validator and fast-json-stringify compilers unless the schema controller is handed
 * ours from the start; the Markdown parser and the serializer compiler load on first use.
 * This file runs in its own process, so the module cache shows what the app loaded. That is
 * the CommonJS cache: markdown-it also ships an ES module build, and a static import of it
 * would not show here, which is why ESLint refuses static imports of both libraries in src/.
 */
t.test('building the app loads neither Fastify\'s default compilers nor the first-use libraries, which then load when needed', async (t) => {
  const { app, adminToken } = await buildTestApp(t, { env: { NODE_ENV: 'production' } })
  t.ok(loadedModules().some((path) => path.includes('/fastify/')), 'the module cache is the one the app loaded into')
  for (const library of ['/@fastify/ajv-compiler/', '/@fastify/fast-json-stringify-compiler/', '/markdown-it/', '/fast-json-stringify/index.js']) {
    t.notOk(loaded(library), `${library} is not loaded at start-up`)
  }

  const created = await app.inject({ method: 'POST', url: '/v1/articles', headers: bearer(adminToken), payload: { title: 'First use', dek: 'Loads the parser.', body: '## A heading\n\nSome words.' } })
  t.equal(created.statusCode, 201)
  t.match(json(created), { outline: [{ level: 2, text: 'A heading', anchor: 'a-heading' }] })
  t.ok(loaded('/markdown-it/'), 'the first write with a body loads the Markdown parser')
  t.ok(loaded('/fast-json-stringify/index.js'), 'the first response in production compiles a serializer')
  t.notOk(loaded('/@fastify/ajv-compiler/'), 'Fastify\'s Ajv compiler is never loaded')
})
