import t from 'tap'
import { v7 as uuidv7 } from 'uuid'
import { roleScopes, roles, scopes, type AccessRule, type Role, type Scope } from '../../src/lib/access.js'
import { bearer, buildTestApp, json } from '../helpers/app.js'

/*
 * The permissions matrix, generated from the route definitions: every operation in the
 * served OpenAPI document × every kind of caller. The expected outcome follows from the
 * operation's declared access rule alone, so a new route is covered the day it is added.
 */

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const

interface Operation {
  operationId: string
  'x-access'?: AccessRule
}

interface Caller {
  name: string
  headers: Record<string, string>
  /** undefined: anonymous. */
  scopes: readonly Scope[] | undefined
  role: Role | undefined
}

function expectedDenial (rule: AccessRule, caller: Caller): 401 | 403 | undefined {
  if ('public' in rule) return undefined
  if (caller.scopes === undefined) return 401
  if ('authenticated' in rule) return undefined
  if (!caller.scopes.includes(rule.scope)) return 403
  return rule.roles === undefined || (caller.role !== undefined && rule.roles.includes(caller.role)) ? undefined : 403
}

function concretePath (template: string): string {
  return template
    .replaceAll('{id}', uuidv7())
    .replaceAll('{slug}', 'no-such-article')
    .replaceAll('{version}', '1')
    .replace(/\{[^}]+\}/g, 'x')
}

t.test('every operation × every caller gets the status its access rule implies', async (t) => {
  const { app, tokenFor } = await buildTestApp(t)
  const callers: Caller[] = [{ name: 'anonymous', headers: {}, scopes: undefined, role: undefined }]
  for (const role of roles) {
    callers.push({ name: `${role} (all its role allows)`, headers: bearer(await tokenFor(role)), scopes: roleScopes[role], role })
  }
  for (const scope of scopes) {
    // An admin's token narrowed to one scope: the token, not the role, is what limits it.
    callers.push({ name: `token with only ${scope}`, headers: bearer(await tokenFor('admin', [scope])), scopes: [scope], role: 'admin' })
  }

  const document = json<{ paths: Record<string, Partial<Record<typeof methods[number], Operation>>> }>(await app.inject({ method: 'GET', url: '/openapi.json' }))
  let checked = 0
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method]
      if (operation === undefined) continue
      const rule = operation['x-access']
      t.ok(rule, `${operation.operationId} declares an access rule`)
      if (rule === undefined) continue
      for (const caller of callers) {
        const response = await app.inject({
          method: method.toUpperCase() as 'GET',
          url: concretePath(template),
          headers: { ...caller.headers, ...(method === 'get' || method === 'delete' ? {} : { 'content-type': 'application/json' }) },
          ...(method === 'get' || method === 'delete' ? {} : { payload: '{}' })
        })
        const denial = expectedDenial(rule, caller)
        const label = `${operation.operationId} as ${caller.name}`
        if (denial === undefined) {
          t.notOk([401, 403].includes(response.statusCode), `${label}: allowed (got ${response.statusCode})`)
        } else {
          t.equal(response.statusCode, denial, `${label}: ${denial}`)
          t.equal(response.headers['content-type'], 'application/problem+json', `${label}: problem+json`)
          if (denial === 401) t.equal(response.headers['www-authenticate'], 'Bearer realm="newsdesk"', `${label}: WWW-Authenticate`)
        }
        t.ok(response.statusCode < 500, `${label}: no server error (got ${response.statusCode})`)
        checked++
      }
    }
  }
  t.ok(checked >= 20 * callers.length, `checked ${checked} operation × caller pairs`)
})
