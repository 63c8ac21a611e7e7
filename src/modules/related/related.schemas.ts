import { z } from 'zod'
import { IdSchema } from '../../schemas/common.js'
import { ArticleSummarySchema, RelatedArticleSchema } from '../articles/articles.schemas.js'

export const maxRelated = 50

export const RelatedListSchema = z.object({ data: z.array(RelatedArticleSchema) })
  .meta({ id: 'RelatedList', description: 'An article\'s related articles, in order (the whole list).' })

export const RelatedReplaceSchema = z.strictObject({
  articleIds: z.array(IdSchema).max(maxRelated).meta({ description: `The related articles in order, at most ${maxRelated}; no duplicates, not the article itself.` }),
  reciprocal: z.boolean().default(false).meta({ description: 'Also link each of them back to this article (added at the end of their lists when missing).' })
}).meta({ id: 'RelatedReplace', description: 'The whole ordered list of related articles.', examples: [{ articleIds: ['019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d'], reciprocal: true }] })

export const RelatedAttachSchema = z.strictObject({
  articleId: IdSchema,
  position: z.number().int().min(1).optional().meta({ description: '1-based; the end when absent or beyond it.' }),
  reciprocal: z.boolean().default(false).meta({ description: 'Also link the target back to this article.' })
}).meta({ id: 'RelatedAttach', description: 'One related article to add.', examples: [{ articleId: '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d', position: 1, reciprocal: true }] })

export const RelatedParamsSchema = z.strictObject({ id: IdSchema, relatedId: IdSchema })

export const RelatedDeleteQuerySchema = z.strictObject({
  reciprocal: z.enum(['true', 'false']).default('false').transform((value) => value === 'true')
    .meta({ description: 'true also removes the link from the other article back to this one.' })
})

export const SuggestionSchema = z.object({
  article: ArticleSummarySchema,
  score: z.number().meta({ description: '3 per shared source + 1 per shared tag + text similarity (0 to 2). See the README.', example: 5.4 }),
  reasons: z.object({
    sharedTags: z.array(z.string()),
    sharedSources: z.array(IdSchema),
    textSimilarity: z.number().meta({ description: '0 to 2: how strongly this article\'s title and dek match the candidate in the full-text index.' })
  })
}).meta({ id: 'RelatedSuggestion', description: 'A candidate related article and why it was suggested.' })

export const SuggestionListSchema = z.object({ data: z.array(SuggestionSchema) })
  .meta({ id: 'RelatedSuggestionList', description: 'Candidates not yet linked, best first.' })

export const SuggestionQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10)
})
