import { z } from 'zod'
import { roles } from '../../lib/access.js'
import { IdSchema, TimestampSchema } from '../../schemas/common.js'
import { PageSchema, pageQueryShape } from '../../schemas/pagination.js'

export const RoleSchema = z.enum(roles).meta({
  id: 'Role',
  description: 'member: comments. author: writes and edits own drafts. editor: edits and publishes anything, moderates. admin: also manages users, tokens and webhooks.'
})

// Trimmed before it is checked: normalising an address must not reject the spaces it removes.
const EmailSchema = z.string().max(254).trim().pipe(z.email({ error: 'must be an email address' }).max(254)).meta({ format: 'email', example: 'maria.okafor@example.com' })
const PasswordSchema = z.string().max(1024).meta({ description: 'At least 10 characters, and not the email address.', example: 'correct-horse-battery-staple' })
const DisplayNameSchema = z.string().trim().min(1).max(100).meta({ example: 'Maria Okafor' })

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string().meta({ example: 'maria.okafor@example.com' }),
  displayName: z.string().meta({ example: 'Maria Okafor' }),
  role: RoleSchema,
  disabled: z.boolean().meta({ description: 'A disabled user\'s sessions and tokens stop working at once.' }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().min(1)
}).meta({ id: 'User', description: 'An account. Passwords and token secrets are never returned.' })

export type User = z.output<typeof UserSchema>

export const UserPageSchema = z.object({ data: z.array(UserSchema), page: PageSchema }).meta({ id: 'UserPage', description: 'Users, newest first.' })

export const UserCreateSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema
}).meta({ id: 'UserCreate', description: 'A new account created by an admin.', examples: [{ email: 'sam.editor@example.com', password: 'a-long-enough-passphrase', displayName: 'Sam Reyes', role: 'editor' }] })

export const UserPatchSchema = z.strictObject({
  displayName: DisplayNameSchema.optional(),
  role: RoleSchema.optional(),
  disabled: z.boolean().optional().meta({ description: 'true locks the user out immediately; false lets them back in.' }),
  password: PasswordSchema.optional()
}).refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'UserPatch', description: 'Changes to an account.', examples: [{ role: 'editor' }, { disabled: true }] })

export const UserListQuerySchema = z.strictObject({
  ...pageQueryShape,
  role: RoleSchema.optional().meta({ description: 'Only users with this role.' })
})

export const RegisterSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema
}).meta({ id: 'Register', description: 'A reader signing up; the account is a member.', examples: [{ email: 'reader@example.com', password: 'a-long-enough-passphrase', displayName: 'A. Reader' }] })

export const LoginSchema = z.strictObject({
  email: z.string().max(254).meta({ example: 'maria.okafor@example.com' }),
  password: z.string().max(1024).meta({ example: 'a-long-enough-passphrase' })
}).meta({ id: 'Login', description: 'Credentials to exchange for a session token.', examples: [{ email: 'maria.okafor@example.com', password: 'a-long-enough-passphrase' }] })
