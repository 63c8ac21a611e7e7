import { z } from 'zod'
import { scopes } from '../../lib/access.js'
import { IdSchema, TimestampSchema } from '../../schemas/common.js'
import { PageSchema, pageQueryShape } from '../../schemas/pagination.js'

export const ScopeSchema = z.enum(scopes).meta({
  id: 'Scope',
  description: 'content:read sees unpublished content; content:write creates and edits; comments:write posts comments; comments:moderate moderates; admin manages users, tokens and webhooks; metrics:read reads GET /metrics (admins only; give a monitoring scraper a token with this scope alone).'
})

export const TokenSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  kind: z.enum(['api', 'session']).meta({ description: 'api: created for a script; session: from signing in.' }),
  name: z.string().meta({ example: 'nightly importer' }),
  prefix: z.string().meta({ description: 'The first characters of the secret, to recognise it.', example: 'ndk_Xk3v9QeL' }),
  scopes: z.array(ScopeSchema).meta({ description: 'What the token may do; for sessions, everything the role allows.' }),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  expiresAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable()
}).meta({ id: 'Token', description: 'An API or session token. The secret itself is shown once, when created, and never again.' })

export type Token = z.output<typeof TokenSchema>

export const CreatedTokenSchema = TokenSchema.extend({
  token: z.string().meta({ description: 'The secret. Store it now: only its hash is kept.', example: 'ndk_Xk3v9QeL2mJrT0bYw8cVn4sPq6dFh1aZ5uGiEoKx7lM' })
}).meta({ id: 'CreatedToken', description: 'A new token with its secret, shown this once.' })

export const TokenPageSchema = z.object({ data: z.array(TokenSchema), page: PageSchema }).meta({ id: 'TokenPage', description: 'Tokens, newest first.' })

export const TokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).meta({ example: 'nightly importer' }),
  scopes: z.array(ScopeSchema).min(1).max(scopes.length).meta({ description: 'Never more than the owner\'s role, or the creating token, allows.' }),
  expiresAt: TimestampSchema.optional().meta({ description: 'When the token stops working; never when absent.' }),
  userId: IdSchema.optional().meta({ description: 'Admins only: create the token for another user.' })
}).meta({ id: 'TokenCreate', description: 'A new API token.', examples: [{ name: 'nightly importer', scopes: ['content:read', 'content:write'], expiresAt: '2027-06-01T00:00:00Z' }] })

export const TokenListQuerySchema = z.strictObject({
  ...pageQueryShape,
  userId: IdSchema.optional().meta({ description: 'Admins: only this user\'s tokens (default: every token). Others always see their own.' })
})
