import type { z } from 'zod'
import type { TokenCreateSchema } from '../../modules/tokens/tokens.schemas.js'
import type { LoginSchema, RegisterSchema, UserCreateSchema, UserPatchSchema } from '../../modules/users/users.schemas.js'
import type { OperationDocs } from '../operation-docs.js'
import { author, editor, ids, importerToken, nextCursor, reader, requestId, sessionToken } from './fixtures.js'
import { invalid, missingScope, missingToken, notFound, problem, stale } from './problem.js'

const register = { email: 'dev.malhotra@mailbox.example', password: 'tidal-market-stall-42', displayName: 'Dev Malhotra' } satisfies z.input<typeof RegisterSchema>
const login = { email: 'priya.raman@riverton-courier.example', password: 'quay-barrier-vote-31-9' } satisfies z.input<typeof LoginSchema>
const newEditor = { email: 'tomasz.wojcik@riverton-courier.example', password: 'night-bus-n7-hollins', displayName: 'Tomasz Wójcik', role: 'author' } satisfies z.input<typeof UserCreateSchema>
const promote = { role: 'editor' } satisfies z.input<typeof UserPatchSchema>
const disable = { disabled: true } satisfies z.input<typeof UserPatchSchema>
const importer = { name: 'wire importer', scopes: ['content:read', 'content:write'], expiresAt: '2027-05-31T23:59:59Z' } satisfies z.input<typeof TokenCreateSchema>
const forAuthor = { name: 'author\'s draft uploader', scopes: ['content:read', 'content:write'], userId: ids.author } satisfies z.input<typeof TokenCreateSchema>

const usersPath = '/v1/users'
/** An id no account has. */
const unknownUser = '01a1e981-db54-76bf-9214-d4334b28953d'
const authorPath = `${usersPath}/${ids.author}`

export const accountDocs: OperationDocs = {
  register: {
    request: [{ summary: 'A reader signs up', value: register }],
    responses: { 201: [{ summary: 'A member account', value: reader }] },
    errors: [
      problem('The email is taken', 'email_taken', '/v1/auth/register', 'An account with this email already exists.', { errors: [{ path: 'body/email', message: 'already registered' }] }),
      problem('Registration is closed', 'registration_closed', '/v1/auth/register', 'New accounts are created by an administrator on this server.'),
      invalid('A short password', '/v1/auth/register', [{ path: 'body/password', message: 'must be at least 10 characters' }]),
      problem('Too many sign-ups from one address', 'rate_limited', '/v1/auth/register', 'Too many registrations from this address; try again in 1800 seconds.')
    ]
  },
  login: {
    request: [{ summary: 'An editor signs in', value: login }],
    responses: {
      200: [{
        summary: 'A session token for Authorize',
        value: { token: 'nds_hR2mX7cKq9Lw3Vt0Zb8Nj5Pf1Ys6Ga4Ue2Io7Dx0Mk', expiresAt: '2026-12-21T08:14:30.552Z', user: editor }
      }]
    },
    errors: [
      problem('Wrong email or password', 'invalid_credentials', '/v1/auth/login', 'The email or password is wrong.'),
      problem('Too many attempts', 'rate_limited', '/v1/auth/login', 'Too many sign-in attempts for this account; try again in 600 seconds.')
    ]
  },
  logout: {
    errors: [
      problem('An API token', 'bad_request', '/v1/auth/logout', 'Sign-out ends sessions; revoke API tokens with DELETE /v1/tokens/{id}.'),
      missingToken('/v1/auth/logout')
    ]
  },
  getMe: {
    responses: { 200: [{ summary: 'An editor signed in', value: { user: editor, token: sessionToken } }] },
    errors: [problem('A revoked token', 'unauthorized', '/v1/auth/me', 'The token is invalid, expired or revoked.')]
  },
  listUsers: {
    description: 'Every account, newest first, optionally only one role. Passwords are never returned.',
    responses: { 200: [{ summary: 'The newsroom', value: { data: [reader, author, editor], page: { limit: 3, nextCursor } } }] },
    errors: [missingScope(usersPath, 'admin')]
  },
  createUser: {
    request: [{ summary: 'A new author', value: newEditor }],
    responses: { 201: [{ summary: 'The account', value: author }] },
    errors: [
      problem('The email is taken', 'email_taken', usersPath, 'An account with this email already exists.', { errors: [{ path: 'body/email', message: 'already registered' }] }),
      invalid('Not an email address', usersPath, [{ path: 'body/email', message: 'must be an email address' }])
    ]
  },
  getUser: {
    description: 'One account with its role and whether it is disabled, with an ETag to send back as If-Match when changing it.',
    responses: { 200: [{ summary: 'An author', value: author }] },
    errors: [notFound(`${usersPath}/${unknownUser}`, `No user has id ${unknownUser}.`)]
  },
  updateUser: {
    request: [{ summary: 'Promote to editor', value: promote }, { summary: 'Lock the account out', value: disable }],
    responses: { 200: [{ summary: 'Promoted', value: { ...author, role: 'editor', updatedAt: '2026-11-21T10:00:00.000Z', version: 2 } }] },
    errors: [
      problem('The last admin', 'last_admin', `${usersPath}/${ids.admin}`, 'This is the last active admin; make someone else an admin first.'),
      stale(authorPath, 'user', 2),
      notFound(`${usersPath}/${unknownUser}`, `No user has id ${unknownUser}.`)
    ]
  },
  deleteUser: {
    errors: [
      problem('The last admin', 'last_admin', `${usersPath}/${ids.admin}`, 'This is the last active admin; make someone else an admin first.'),
      notFound(`${usersPath}/${unknownUser}`, `No user has id ${unknownUser}.`),
      stale(authorPath, 'user', 3)
    ]
  },
  listTokens: {
    responses: { 200: [{ summary: 'An editor\'s tokens', value: { data: [sessionToken, importerToken], page: { limit: 20, nextCursor: null } } }] },
    errors: [problem('Someone else\'s tokens', 'forbidden', '/v1/tokens', 'Only admins list other users\' tokens.')]
  },
  createToken: {
    request: [{ summary: 'For an import script', value: importer }, { summary: 'An admin, for another user', value: forAuthor }],
    responses: { 201: [{ summary: 'The secret, shown this once', value: { ...importerToken, lastUsedAt: null, token: 'ndk_Qz4rT8wPe3Nc6Hy1Lm9Vb2Xs5Jd0Fk7Ga4Ru8Wt3Ep' } }] },
    errors: [
      problem('More than the role allows', 'scope_not_allowed', '/v1/tokens', 'A token for this author cannot carry: comments:moderate.', { errors: [{ path: 'body/scopes/1', message: 'comments:moderate is not allowed here' }] }),
      invalid('An expiry in the past', '/v1/tokens', [{ path: 'body/expiresAt', message: 'must be in the future' }]),
      problem('For a user who does not exist', 'not_found', '/v1/tokens', `No user has id ${unknownUser}.`, { errors: [{ path: 'body/userId', message: 'unknown user' }] })
    ]
  },
  revokeToken: {
    errors: [notFound(`/v1/tokens/${ids.sessionToken}`, `No token with id ${ids.sessionToken} is yours to revoke.`)]
  }
}

/** A few lines of each family a scrape returns (the full output has a line per route and status class). */
const metricsScrape = [
  '# HELP http_requests_total HTTP requests answered, by method, route pattern and status class.',
  '# TYPE http_requests_total counter',
  'http_requests_total{method="GET",route="/v1/articles/:id",status_class="2xx"} 48213',
  'http_requests_total{method="GET",route="/v1/articles/:id",status_class="4xx"} 312',
  'http_requests_total{method="POST",route="/v1/articles/:id/comments",status_class="2xx"} 1907',
  '# HELP newsdesk_sqlite_size_bytes Size of the SQLite database (pages in use and free).',
  '# TYPE newsdesk_sqlite_size_bytes gauge',
  'newsdesk_sqlite_size_bytes 73400320',
  '# HELP newsdesk_webhook_deliveries_pending Webhook deliveries waiting to be sent or retried (the dispatcher queue depth).',
  '# TYPE newsdesk_webhook_deliveries_pending gauge',
  'newsdesk_webhook_deliveries_pending 3',
  ''
].join('\n')

export const operationsDocs: OperationDocs = {
  getLiveness: {
    responses: { 200: [{ summary: 'Up', value: { status: 'ok' } }] },
    errors: [problem('Something broke', 'internal_error', '/healthz', `An unexpected error occurred. Quote request id ${requestId} when reporting it.`)]
  },
  getReadiness: {
    responses: { 200: [{ summary: 'Ready', value: { status: 'ready', migrations: 3 } }] },
    errors: [problem('A migration is missing', 'service_unavailable', '/readyz', 'The database has 2 of 3 migrations applied.')]
  },
  getMetrics: {
    responses: { 200: [{ summary: 'A scrape, cut short', value: metricsScrape }] },
    errors: [
      problem('A token without metrics:read', 'forbidden', '/metrics', 'This operation needs the "metrics:read" scope, which your token does not carry.'),
      problem('The database cannot read its storage', 'storage_unavailable', '/metrics', 'The database could not access its storage; if this persists, an operator must check the disk.')
    ]
  }
}
