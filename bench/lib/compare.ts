import type { Fixtures, RequestSpec, Scenario } from './scenarios.js'
import { createRandom } from './prng.js'
import type { RunningServer } from './servers.js'

/*
 * Start-up sanity check: the baseline must answer what the API answers, or the ratio
 * compares different work. Sends each scenario's first request to both servers and lists
 * what differs. Values that legitimately differ (cursor encodings, write times) are skipped.
 */

const ignoredPaths = [/^page\.nextCursor$/, /^updatedAt$/]

function describe (value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Paths where two JSON values differ: missing or extra fields, other types or values. */
export function jsonDifferences (api: unknown, baseline: unknown, path = '', ignored: readonly RegExp[] = ignoredPaths): string[] {
  if (ignored.some((pattern) => pattern.test(path))) {
    return (api === null) !== (baseline === null) ? [`${path}: null in only one (${describe(api)} vs ${describe(baseline)})`] : []
  }
  if (Array.isArray(api) && Array.isArray(baseline)) {
    if (api.length !== baseline.length) return [`${path}: ${api.length} items in the API, ${baseline.length} in the baseline`]
    return api.flatMap((item, index) => jsonDifferences(item, baseline[index], `${path}[${index}]`, ignored))
  }
  if (typeof api === 'object' && api !== null && typeof baseline === 'object' && baseline !== null && !Array.isArray(api) && !Array.isArray(baseline)) {
    const apiObject = api as Record<string, unknown>
    const baselineObject = baseline as Record<string, unknown>
    const keys = new Set([...Object.keys(apiObject), ...Object.keys(baselineObject)])
    return [...keys].flatMap((key) => {
      const child = path === '' ? key : `${path}.${key}`
      if (!(key in baselineObject)) return [`${child}: missing in the baseline`]
      if (!(key in apiObject)) return [`${child}: only in the baseline`]
      return jsonDifferences(apiObject[key], baselineObject[key], child, ignored)
    })
  }
  return api === baseline ? [] : [`${path === '' ? '(body)' : path}: ${describe(api)} vs ${describe(baseline)}`]
}

async function send (server: RunningServer, spec: RequestSpec): Promise<{ status: number, etag: string | null, body: unknown }> {
  const init: RequestInit = { method: spec.method ?? 'GET', headers: spec.headers ?? {} }
  if (spec.body !== undefined) init.body = spec.body
  const response = await fetch(`${server.origin}${spec.path}`, init)
  const text = await response.text()
  return { status: response.status, etag: response.headers.get('etag'), body: text === '' ? undefined : JSON.parse(text) as unknown }
}

/** Returns one warning line per difference, per scenario; empty when the servers agree. */
export async function compareServers (scenarios: readonly Scenario[], fixtures: Fixtures, api: RunningServer, baseline: RunningServer): Promise<string[]> {
  const warnings: string[] = []
  for (const scenario of scenarios) {
    const specFor = (server: 'api' | 'baseline'): RequestSpec => scenario.request({ fixtures, server, random: createRandom(7), sequence: 0 })
    const [fromApi, fromBaseline] = [await send(api, specFor('api')), await send(baseline, specFor('baseline'))]
    const differences: string[] = []
    if (fromApi.status !== fromBaseline.status) differences.push(`status ${fromApi.status} vs ${fromBaseline.status}`)
    if (fromApi.etag !== fromBaseline.etag) differences.push(`ETag ${String(fromApi.etag)} vs ${String(fromBaseline.etag)}`)
    differences.push(...jsonDifferences(fromApi.body, fromBaseline.body, '', [...ignoredPaths, ...(scenario.ignore ?? [])]))
    for (const difference of differences) warnings.push(`${scenario.name}: ${difference}`)
  }
  return warnings
}
