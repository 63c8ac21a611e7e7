import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from 'helmet'

export interface SecurityHeadersOptions {
  /** Strict-Transport-Security max-age; 0 leaves HSTS off (plain-HTTP deployments and local use). */
  hstsMaxAgeSeconds: number
}

/**
 * The API answers JSON that no browser should ever execute, frame or embed, so its policy
 * allows nothing at all; Swagger UI gets its own, in docsContentSecurityPolicy.
 */
export function helmetOptions (options: SecurityHeadersOptions) {
  return {
    contentSecurityPolicy: {
      useDefaults: false as const,
      directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] }
    },
    xFrameOptions: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    // CORP only governs no-cors loads (<img>, <script>); cross-origin fetch() is governed by CORS.
    crossOriginResourcePolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: options.hstsMaxAgeSeconds > 0 ? { maxAge: options.hstsMaxAgeSeconds, includeSubDomains: false } : false
  }
}

/**
 * The one inline <style> Swagger UI writes: the CSS inside its logo's SVG (".logo_small_svg__cls-2
 * {fill:#fff}…"), allowed by its hash rather than by 'unsafe-inline'. A new Swagger UI version that
 * changes it shows up as a CSP violation in the browser test (test/security/docs-browser.test.ts).
 */
const swaggerLogoStyleHash = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"

/**
 * Swagger UI (the page, its bundle, stylesheet and initializer script, and the document it
 * fetches) is served from our own origin: it needs no inline script, no eval and no third party.
 * Images include data: URIs (the stylesheet's icons); fetches stay on this origin ("Try it out").
 */
export function docsContentSecurityPolicy (options: SecurityHeadersOptions): string {
  return [
    "default-src 'none'",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "manifest-src 'self'",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    `style-src 'self' ${swaggerLogoStyleHash}`,
    ...(options.hstsMaxAgeSeconds > 0 ? ['upgrade-insecure-requests'] : [])
  ].join('; ')
}

/**
 * The same headers as a plain map, for the few responses written outside any route (a URL the
 * router cannot decode, a request the HTTP parser refuses), where no hook runs.
 */
export function staticSecurityHeaders (options: SecurityHeadersOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const collector = {
    setHeader: (name: string, value: string | number) => { headers[name.toLowerCase()] = String(value) },
    removeHeader: (name: string) => { delete headers[name.toLowerCase()] }
  }
  helmet(helmetOptions(options))({} as never, collector as unknown as ServerResponse, () => {})
  return headers
}

/*
 * The headers are the same on every response, so helmet runs once here and each request only
 * copies the result (@fastify/helmet would rebuild helmet, and re-parse the policy, per request).
 * /docs replaces the Content-Security-Policy with its own (swagger-ui's staticCSP).
 */
async function securityHeadersPlugin (app: FastifyInstance, options: SecurityHeadersOptions): Promise<void> {
  const headers = staticSecurityHeaders(options)
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers)
  })
}

export default fp(securityHeadersPlugin, { name: 'security-headers', fastify: '5.x' })
