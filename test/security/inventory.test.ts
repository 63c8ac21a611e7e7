import t from 'tap'
import { buildTestApp, json } from '../helpers/app.js'

/*
 * Improper inventory management: the server answers nothing the OpenAPI document does not
 * describe, apart from the documentation itself, an operator's metrics and CORS preflights. A route added without
 * being documented (hidden from the document) fails here.
 */

// The documentation itself, and the operator's Prometheus endpoint (not part of the public API).
const undocumented = [/^\/docs(\/|\*|$)/, /^\/openapi\.(json|yaml)$/, /^\/metrics$/]

/** Reads Fastify's route tree (printRoutes) into "METHOD /path" entries. */
function routesOf (tree: string): string[] {
  const routes: string[] = []
  const stack: string[] = []
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]+)\))?$/.exec(line)
    if (match === null) continue
    const depth = (match[1] ?? '').length / 4
    const path = `${depth === 0 ? '' : stack[depth - 1] ?? ''}${match[2] ?? ''}`
    stack[depth] = path
    stack.length = depth + 1
    for (const method of (match[3] ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0)) {
      routes.push(`${method} ${path}`)
    }
  }
  return routes
}

t.test('every route the server answers is in the OpenAPI document', async (t) => {
  const { app } = await buildTestApp(t)
  const document = json<{ paths: Record<string, Record<string, unknown>> }>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  const documented = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`)))
  const served = routesOf(app.printRoutes({ commonPrefix: false }))
  t.ok(served.length > documented.size, `${served.length} routes served, ${documented.size} operations documented`)
  const hidden = served.filter((route) => {
    const [method = '', path = ''] = route.split(' ')
    if (method === 'HEAD' || (method === 'OPTIONS' && path === '*')) return false
    if (undocumented.some((pattern) => pattern.test(path))) return false
    return !documented.has(route)
  })
  t.same(hidden, [], 'no undocumented route')
  const missing = [...documented].filter((operation) => !served.includes(operation))
  t.same(missing, [], 'and every documented operation is served')
})

t.test('the API lives under /v1; outside it only probes, the document and its UI (and metrics)', async (t) => {
  const { app } = await buildTestApp(t)
  const served = routesOf(app.printRoutes({ commonPrefix: false })).map((route) => route.split(' ')[1] ?? '')
  const outside = [...new Set(served.filter((path) => !path.startsWith('/v1/') && path !== '*' && !undocumented.some((pattern) => pattern.test(path))))]
  t.same(outside.sort(), ['/healthz', '/readyz'])
})
