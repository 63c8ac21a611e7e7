import { z } from 'zod'
import { maxSlugLength, slugPattern } from '../../lib/slug.js'
import { IdSchema, TimestampSchema } from '../../schemas/common.js'
import { PageSchema, pageQueryShape } from '../../schemas/pagination.js'
import { CitationListInputSchema, CitationSchema } from '../sources/sources.schemas.js'

export const articleStatuses = ['draft', 'scheduled', 'published', 'archived'] as const
export const articleOrigins = ['human', 'ai-assisted', 'ai-generated'] as const
export const articleSorts = ['-publishedAt', 'publishedAt', '-updatedAt', 'title', 'relevance'] as const
export const maxTags = 20

export const ArticleStatusSchema = z.enum(articleStatuses).meta({
  id: 'ArticleStatus',
  description: 'draft: being written. scheduled: goes public by itself at publishedAt. published: public. archived: withdrawn from the public.'
})

export const ArticleOriginSchema = z.enum(articleOrigins).meta({
  id: 'ArticleOrigin',
  description: 'Who wrote the text: a person, a person helped by a model, or a model.'
})

const SlugSchema = z.string().min(1).max(maxSlugLength).regex(slugPattern, 'must be lowercase letters, digits and single hyphens, like "city-council-votes"')
  .meta({ description: 'URL name of the article, unique across all articles.', example: 'harbour-bridge-reopens-after-repairs' })

const TagInputSchema = z.string().trim().min(1).max(50)

export const OutlineEntrySchema = z.object({
  level: z.number().int().min(1).max(6),
  text: z.string(),
  anchor: z.string().meta({ description: 'The id of the heading in bodyHtml, usable as a #fragment.' })
}).meta({ id: 'OutlineEntry', description: 'A section heading of the body, in document order.' })

export const SearchHitSchema = z.object({
  score: z.number().meta({ description: 'Relevance (higher is better): bm25 with the title weighted 10, dek 4, tags 3, body 1. While the last word of q is a prefix, hits where it is a whole word come first, then those only the prefix finds; scores compare hits within each of those tiers.', example: 7.42 }),
  snippet: z.string().meta({ description: 'An HTML-safe excerpt: text is escaped and matched terms are wrapped in <mark>.', example: 'the <mark>harbour</mark> bridge reopened…' })
}).meta({ id: 'SearchHit', description: 'Why a search result matched.' })

export const ProvenanceSchema = z.object({
  origin: ArticleOriginSchema,
  model: z.string().nullable().meta({ description: 'The model that wrote or assisted, when one did.', example: 'newsroom-writer-2' }),
  reviewedBy: IdSchema.nullable().meta({ description: 'The editor who reviewed a machine-written text.' }),
  reviewedAt: TimestampSchema.nullable()
}).meta({ id: 'Provenance', description: 'Where the text came from. Structured, so readers and filters can rely on it.' })

export const ProvenanceInputSchema = z.strictObject({
  origin: ArticleOriginSchema,
  model: z.string().trim().min(1).max(200).nullable().optional()
}).meta({ id: 'ProvenanceWrite', description: 'Who wrote the text. Review fields are set by the review workflow, never by clients.' })

const articleExample = {
  id: '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d',
  slug: 'harbour-bridge-reopens-after-repairs',
  title: 'Harbour bridge reopens after eight months of repairs',
  dek: 'The crossing carries 40,000 vehicles a day; engineers say the new deck should last fifty years.',
  body: '## What changed\n\nThe deck was replaced in sections...\n\n## What it cost\n\nThe final bill came in under budget...',
  status: 'published',
  publishedAt: '2026-11-20T08:30:00.000Z',
  tags: ['transport', 'infrastructure'],
  byline: 'Maria Okafor',
  provenance: { origin: 'human', model: null, reviewedBy: null, reviewedAt: null },
  disclosure: null,
  commentsEnabled: true,
  authorId: '019a6f1e-0000-7000-8000-000000000001',
  readingTimeMinutes: 4,
  outline: [{ level: 2, text: 'What changed', anchor: 'what-changed' }, { level: 2, text: 'What it cost', anchor: 'what-it-cost' }],
  commentCount: 12,
  createdAt: '2026-11-19T16:02:11.000Z',
  updatedAt: '2026-11-20T08:30:00.000Z',
  version: 3
}

export const relatedArticleFields = ['id', 'slug', 'title', 'dek', 'status', 'publishedAt', 'tags', 'byline', 'readingTimeMinutes'] as const

export const RelatedArticleSchema = z.object({
  id: IdSchema,
  slug: SlugSchema,
  title: z.string(),
  dek: z.string(),
  status: ArticleStatusSchema,
  publishedAt: TimestampSchema.nullable(),
  tags: z.array(z.string()),
  byline: z.string().nullable(),
  readingTimeMinutes: z.number().int().min(0)
}).meta({ id: 'RelatedArticle', description: 'A related article, summarised for an article page\'s "Related articles".' })

export const ArticleSchema = z.object({
  id: IdSchema,
  slug: SlugSchema,
  title: z.string().meta({ example: articleExample.title }),
  dek: z.string().meta({ description: 'One-paragraph summary shown under the title.' }),
  body: z.string().meta({ description: 'Markdown. Headings become the outline.' }),
  status: ArticleStatusSchema,
  publishedAt: TimestampSchema.nullable().meta({ description: 'When the article went (or goes) public.' }),
  tags: z.array(z.string()).meta({ description: 'Lowercase kebab-case tags.', example: articleExample.tags }),
  byline: z.string().nullable(),
  provenance: ProvenanceSchema,
  disclosure: z.string().nullable().meta({ description: 'Reader-facing note on how the article was produced.' }),
  commentsEnabled: z.boolean(),
  authorId: IdSchema.nullable().meta({ description: 'The user who created the article.' }),
  readingTimeMinutes: z.number().int().min(0),
  outline: z.array(OutlineEntrySchema),
  commentCount: z.number().int().min(0).meta({ description: 'Approved, undeleted reader comments.' }),
  sources: z.array(CitationSchema).optional().meta({ description: 'The cited sources in order; present with include=sources.' }),
  related: z.array(RelatedArticleSchema).optional().meta({ description: 'Related articles in order; present with include=related.' }),
  search: SearchHitSchema.optional().meta({ description: 'How the article matched; present in lists searched with q.' }),
  bodyHtml: z.string().optional().meta({ description: 'The body rendered to HTML; present only with format=html. Raw HTML in the Markdown is escaped and unsafe links are dropped.' }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().min(1).meta({ description: 'Increments on every change; the ETag carries it.' })
}).meta({ id: 'Article', description: 'An article with its body and derived fields.', examples: [articleExample] })

export type Article = z.output<typeof ArticleSchema>
export type RelatedArticle = z.output<typeof RelatedArticleSchema>

/** What list items carry by default; `fields` can narrow them or add body and outline. */
export const summaryFields = ['id', 'slug', 'title', 'dek', 'status', 'publishedAt', 'tags', 'byline', 'provenance', 'disclosure', 'commentsEnabled', 'authorId', 'readingTimeMinutes', 'commentCount', 'createdAt', 'updatedAt', 'version'] as const
export const listableFields = [...summaryFields, 'body', 'outline'] as const
/** Fields that are not columns: embedded by include, or rendered. */
export type ComputedField = 'sources' | 'bodyHtml'
export type ListableField = typeof listableFields[number]

const { bodyHtml: _bodyHtml, ...listableShape } = ArticleSchema.shape
export const ArticleSummarySchema = z.object(listableShape).partial().required({ id: true }).meta({
  id: 'ArticleSummary',
  description: `An article in a list. Carries ${summaryFields.join(', ')} unless the fields parameter names others; body and outline only when asked for.`,
  examples: [Object.fromEntries(summaryFields.map((field) => [field, articleExample[field]]))]
})

export const ArticlePageSchema = z.object({
  data: z.array(ArticleSummarySchema),
  page: PageSchema
}).meta({ id: 'ArticlePage', description: 'One page of articles, newest first unless sort says otherwise.' })

const articleWritableShape = {
  slug: SlugSchema,
  title: z.string().trim().min(1).max(300).meta({ example: 'Harbour bridge reopens after eight months of repairs' }),
  dek: z.string().trim().max(1000),
  body: z.string().max(200_000).meta({ description: 'Markdown, at most 200,000 characters. Raw HTML is not rendered.' }),
  status: ArticleStatusSchema,
  publishedAt: TimestampSchema.nullable().meta({ description: 'Required in the future for scheduled; set to now on publishing when absent.' }),
  tags: z.array(TagInputSchema).max(maxTags).meta({ description: `Up to ${maxTags} tags; normalised to lowercase kebab-case and de-duplicated.`, example: ['Transport', 'city council'] }),
  byline: z.string().trim().min(1).max(200).nullable(),
  provenance: ProvenanceInputSchema,
  disclosure: z.string().trim().min(1).max(1000).nullable(),
  commentsEnabled: z.boolean(),
  sources: CitationListInputSchema
}

export const ArticleCreateSchema = z.strictObject({
  ...articleWritableShape,
  sources: articleWritableShape.sources.optional().meta({ description: 'The sources the article is written from, in order; each by id or described inline (found by URL or created).' }),
  slug: articleWritableShape.slug.optional().meta({ description: 'Derived from the title when absent (made unique with -2, -3…). An explicit slug already in use is a 409.' }),
  dek: articleWritableShape.dek.default(''),
  body: articleWritableShape.body.default(''),
  status: articleWritableShape.status.default('draft'),
  publishedAt: articleWritableShape.publishedAt.optional(),
  tags: articleWritableShape.tags.default([]),
  byline: articleWritableShape.byline.optional(),
  provenance: articleWritableShape.provenance.default({ origin: 'human' }),
  disclosure: articleWritableShape.disclosure.optional(),
  commentsEnabled: articleWritableShape.commentsEnabled.default(true)
}).meta({
  id: 'ArticleCreate',
  description: 'A new article. Unknown fields and server-owned fields (id, version, createdAt, updatedAt) are refused.',
  examples: [{
    title: 'Harbour bridge reopens after eight months of repairs',
    dek: 'The crossing carries 40,000 vehicles a day.',
    body: '## What changed\n\nThe deck was replaced in sections.',
    tags: ['transport'],
    byline: 'Maria Okafor'
  }]
})

export type ArticleCreate = z.output<typeof ArticleCreateSchema>

export const ArticlePatchSchema = z.strictObject({
  slug: articleWritableShape.slug.optional(),
  title: articleWritableShape.title.optional(),
  dek: articleWritableShape.dek.optional(),
  body: articleWritableShape.body.optional(),
  status: articleWritableShape.status.optional(),
  publishedAt: articleWritableShape.publishedAt.optional(),
  tags: articleWritableShape.tags.optional(),
  byline: articleWritableShape.byline.optional(),
  provenance: articleWritableShape.provenance.optional(),
  disclosure: articleWritableShape.disclosure.optional(),
  commentsEnabled: articleWritableShape.commentsEnabled.optional(),
  sources: articleWritableShape.sources.optional().meta({ description: 'Replaces the whole ordered list of cited sources.' })
}).refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' }).meta({
  id: 'ArticlePatch',
  description: 'A partial update: only the fields sent change. Send If-Match with the ETag you read to avoid overwriting someone else\'s edit.',
  examples: [{ status: 'published' }, { title: 'Harbour bridge reopens early', tags: ['transport', 'city'] }]
})

export type ArticlePatch = z.output<typeof ArticlePatchSchema>

// Bounded before the transform too, so the document shows the limits a client must respect.
const tagList = z.union([z.string().max(50), z.array(z.string().max(50)).max(maxTags)])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(z.array(TagInputSchema).max(maxTags))

const fieldList = z.string().max(500)
  .transform((value) => value.split(',').map((field) => field.trim()).filter((field) => field.length > 0))
  .pipe(z.array(z.enum(listableFields, { error: `must be a comma-separated list of: ${listableFields.join(', ')}` })).min(1))

export const includables = ['sources', 'related'] as const
export type Includable = typeof includables[number]

const includeList = z.string().max(200)
  .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item.length > 0))
  .pipe(z.array(z.enum(includables, { error: `must be a comma-separated list of: ${includables.join(', ')}` })).min(1))
  .meta({ description: `Related resources to embed: ${includables.join(', ')}. Read in one query for the whole page, not one per article.`, example: 'sources' })

export const ArticleListQuerySchema = z.strictObject({
  ...pageQueryShape,
  // Not trimmed: a trailing space is meaningful (the last word is finished, so no prefix match).
  q: z.string().max(200).refine((value) => value.trim() !== '', { message: 'must contain a word' }).optional().meta({ description: 'Full-text search over title, dek, body and tags. Words are matched as typed (the last one as a prefix unless the query ends with a space; by relevance, the hits where it is a whole word come first, then those only the prefix finds); "double quotes" make a phrase; FTS syntax is never interpreted.', example: 'harbour bri' }),
  sort: z.enum(articleSorts).optional().meta({ description: 'Order of the list; ties are broken by id. Default: relevance when q is given, otherwise -publishedAt. relevance needs q.' }),
  status: ArticleStatusSchema.optional().meta({ description: 'Only articles in this status. Anything but published needs the content:read scope.' }),
  tag: tagList.optional().meta({ description: 'Only articles carrying every one of these tags (repeat the parameter for more).' }),
  publishedAfter: TimestampSchema.optional().meta({ description: 'Only articles published at or after this time.' }),
  publishedBefore: TimestampSchema.optional().meta({ description: 'Only articles published before this time.' }),
  origin: ArticleOriginSchema.optional().meta({ description: 'Only articles with this provenance origin.' }),
  include: includeList.optional(),
  fields: fieldList.optional().meta({ description: `Comma-separated fields to return (id is always included): ${listableFields.join(', ')}.`, example: 'title,slug,publishedAt' })
})

export type ArticleListQuery = z.output<typeof ArticleListQuerySchema>

export const ArticleReadQuerySchema = z.strictObject({
  include: includeList.optional(),
  format: z.enum(['json', 'html']).default('json').meta({ description: 'html adds bodyHtml, the body rendered with heading ids matching the outline anchors.' })
})

export const SlugParamsSchema = z.strictObject({ slug: SlugSchema })

export const RevisionContentSchema = z.object({
  slug: z.string(),
  title: z.string(),
  dek: z.string(),
  body: z.string(),
  status: ArticleStatusSchema,
  publishedAt: TimestampSchema.nullable(),
  tags: z.array(z.string()),
  byline: z.string().nullable(),
  provenance: ProvenanceSchema,
  disclosure: z.string().nullable(),
  commentsEnabled: z.boolean(),
  sources: z.array(z.object({ sourceId: IdSchema, note: z.string().nullable() })).meta({ description: 'The cited sources at that version, in order.' })
}).meta({ id: 'RevisionContent', description: 'The editable content of an article as it was at one version.' })

export type RevisionContent = z.output<typeof RevisionContentSchema>

export const RevisionSummarySchema = z.object({
  version: z.number().int().min(1),
  title: z.string(),
  status: ArticleStatusSchema,
  createdAt: TimestampSchema.meta({ description: 'When this version was written.' }),
  createdBy: IdSchema.nullable().meta({ description: 'Who wrote this version.' })
}).meta({ id: 'RevisionSummary', description: 'One version of an article in its history.' })

export const RevisionSchema = RevisionSummarySchema.extend({
  content: RevisionContentSchema
}).meta({ id: 'Revision', description: 'One version of an article, with its full content.' })

export type Revision = z.output<typeof RevisionSchema>

export const RevisionPageSchema = z.object({
  data: z.array(RevisionSummarySchema),
  page: PageSchema
}).meta({ id: 'RevisionPage', description: 'An article\'s versions, newest first.' })

export const RevisionParamsSchema = z.strictObject({
  id: IdSchema,
  version: z.coerce.number().int().min(1).max(1_000_000_000)
})

export const RevisionListQuerySchema = z.strictObject({ ...pageQueryShape })

export const TagCountSchema = z.object({
  tag: z.string().meta({ example: 'transport' }),
  count: z.number().int().min(1).meta({ description: 'Published articles carrying the tag.', example: 42 })
}).meta({ id: 'TagCount' })

export const TagPageSchema = z.object({
  data: z.array(TagCountSchema),
  page: PageSchema
}).meta({ id: 'TagPage', description: 'Tags of published articles, most used first, then by name.' })

export const TagListQuerySchema = z.strictObject({ ...pageQueryShape })
