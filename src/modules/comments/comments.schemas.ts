import { z } from 'zod'
import { IdSchema, TimestampSchema } from '../../schemas/common.js'
import { PageSchema, pageQueryShape } from '../../schemas/pagination.js'

export const commentStatuses = ['pending', 'approved', 'rejected', 'spam'] as const
export const maxDepth = 3

export const CommentStatusSchema = z.enum(commentStatuses).meta({
  id: 'CommentStatus',
  description: 'pending: waiting for a moderator. approved: public. rejected and spam: hidden.'
})

export const CommentAuthorSchema = z.object({
  id: IdSchema,
  displayName: z.string()
}).nullable().meta({ id: 'CommentAuthor', description: 'Who wrote it; null when the account was deleted.' })

const commentShape = {
  id: IdSchema,
  articleId: IdSchema,
  parentId: IdSchema.nullable().meta({ description: 'The comment this replies to; null for a top-level comment.' }),
  depth: z.number().int().min(0).max(maxDepth).meta({ description: `0 for top-level; replies nest at most ${maxDepth} deep.` }),
  author: CommentAuthorSchema,
  body: z.string().meta({ description: 'Plain text, never HTML: escape it when rendering. Empty once deleted.' }),
  status: CommentStatusSchema,
  deleted: z.boolean().meta({ description: 'Deleted comments keep their place in the thread, without a body.' }),
  editedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().min(1)
}

export const CommentSchema = z.object(commentShape).meta({
  id: 'Comment',
  description: 'A reader comment.',
  examples: [{
    id: '019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d',
    articleId: '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d',
    parentId: null,
    depth: 0,
    author: { id: '019a6f1e-0000-7000-8000-000000000009', displayName: 'A. Reader' },
    body: 'The cycle lanes are the best part of this.',
    status: 'approved',
    deleted: false,
    editedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    version: 1
  }]
})

export type Comment = z.output<typeof CommentSchema>

export interface ThreadComment extends Comment {
  replyCount: number
  replies: ThreadComment[]
}

export const ThreadCommentSchema: z.ZodType<ThreadComment> = z.object({
  ...commentShape,
  replyCount: z.number().int().min(0).meta({ description: 'Direct replies shown in replies.' }),
  get replies (): z.ZodArray<z.ZodType<ThreadComment>> {
    return z.array(ThreadCommentSchema)
  }
}).meta({ id: 'ThreadComment', description: 'A comment with its replies nested in order.' })

export const ThreadPageSchema = z.object({ data: z.array(ThreadCommentSchema), page: PageSchema })
  .meta({ id: 'ThreadPage', description: 'One page of top-level comments, each with its whole visible reply tree.' })

export const CommentPageSchema = z.object({ data: z.array(CommentSchema), page: PageSchema })
  .meta({ id: 'CommentPage', description: 'Comments in the moderation queue, oldest first.' })

export const ThreadQuerySchema = z.strictObject({
  ...pageQueryShape,
  sort: z.enum(['oldest', 'newest']).default('oldest').meta({ description: 'Order of top-level comments; replies are always oldest first.' }),
  status: CommentStatusSchema.optional().meta({ description: 'Moderators only: comments in this status (default for them: every status). Others always see approved ones.' })
})

export const CommentCreateSchema = z.strictObject({
  body: z.string().trim().min(1, 'must not be empty').max(5000),
  parentId: IdSchema.optional().meta({ description: 'Reply to this comment of the same article.' })
}).meta({ id: 'CommentCreate', description: 'A new comment or reply, plain text.', examples: [{ body: 'The cycle lanes are the best part of this.' }] })

export const CommentPatchSchema = z.strictObject({
  body: z.string().trim().min(1, 'must not be empty').max(5000).optional().meta({ description: 'The author, within 15 minutes of posting.' }),
  status: CommentStatusSchema.optional().meta({ description: 'Moderators only.' })
}).refine((patch) => Object.keys(patch).length > 0, { message: 'send body or status' })
  .meta({ id: 'CommentPatch', description: 'An author\'s edit or a moderator\'s decision.', examples: [{ status: 'approved' }] })

export const QueueQuerySchema = z.strictObject({
  ...pageQueryShape,
  status: CommentStatusSchema.default('pending'),
  articleId: IdSchema.optional()
})

export const ModerateSchema = z.strictObject({
  ids: z.array(IdSchema).min(1).max(500),
  status: CommentStatusSchema
}).meta({ id: 'Moderate', description: 'Set many comments to one status in one transaction.', examples: [{ ids: ['019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d'], status: 'approved' }] })

export const ModerationResultSchema = z.object({
  updated: z.array(IdSchema),
  unknown: z.array(IdSchema).meta({ description: 'Ids that match no comment; nothing was done for them.' })
}).meta({ id: 'ModerationResult' })
