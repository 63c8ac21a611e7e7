import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { paths } from './schema.js'

export type { components, operations, paths } from './schema.js'
export type NewsdeskClient = Client<paths>

/** A typed client for the newsdesk API: every path, parameter and body is checked by TypeScript. */
export function createNewsdeskClient (options: ClientOptions & { token?: string }): NewsdeskClient {
  const { token, headers, ...rest } = options
  return createClient<paths>({
    ...rest,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(headers as Record<string, string> | undefined) }
  })
}
