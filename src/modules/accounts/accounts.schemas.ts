import { z } from 'zod'
import { TimestampSchema } from '../../schemas/common.js'
import { TokenSchema } from '../tokens/tokens.schemas.js'
import { UserSchema } from '../users/users.schemas.js'

export const SessionSchema = z.object({
  token: z.string().meta({ description: 'Send as "Authorization: Bearer <token>". Shown once.', example: 'nds_4fQm2Zr8Tb0LwXc6Vn1Ks9Hd3Pj7Ye5Ga2Ru8Io0Mx' }),
  expiresAt: TimestampSchema.meta({ description: 'Sessions expire after 30 days without use; each use extends them.' }),
  user: UserSchema
}).meta({ id: 'Session', description: 'A new session: the token and who it belongs to.' })

export const MeSchema = z.object({
  user: UserSchema,
  token: TokenSchema
}).meta({ id: 'Me', description: 'The caller: their account and the token they used, with its scopes.' })
