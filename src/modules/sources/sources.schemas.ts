import { z } from 'zod'
import { IdSchema, TimestampSchema } from '../../schemas/common.js'
import { PageSchema, pageQueryShape } from '../../schemas/pagination.js'

export const sourceSorts = ['-createdAt', 'publisher', '-publishedAt'] as const
export const maxCitations = 100

const sourceExample = {
  id: '019a6f1e-5555-7a8b-9c0d-1e2f3a4b5c6d',
  url: 'https://www.example-daily.com/2026/11/19/harbour-bridge-repairs',
  title: 'Harbour bridge repairs finish two weeks early',
  publisher: 'Example Daily',
  author: 'Lena Park',
  publishedAt: '2026-11-19T07:00:00.000Z',
  accessedAt: '2026-11-19T09:12:00.000Z',
  language: 'en',
  notes: 'Figures on cost and traffic.',
  contentHash: '9f2c1c7f0d6a4f7b8f0e3f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e',
  archivedUrl: 'https://archive.example.org/2026/harbour-bridge-repairs',
  createdAt: '2026-11-19T09:12:05.000Z',
  updatedAt: '2026-11-19T09:12:05.000Z',
  version: 1
}

export const SourceSchema = z.object({
  id: IdSchema,
  url: z.string().meta({ description: 'The normalised URL (see the README): unique across sources.' }),
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: TimestampSchema.nullable().meta({ description: 'When the source itself was published.' }),
  accessedAt: TimestampSchema.nullable().meta({ description: 'When the writer read it.' }),
  language: z.string().nullable().meta({ description: 'BCP 47 language tag.' }),
  notes: z.string().nullable(),
  contentHash: z.string().nullable().meta({ description: 'SHA-256 (hex) of the text the writer used, to detect later changes to the page.' }),
  archivedUrl: z.string().nullable().meta({ description: 'A snapshot of the page as it was read.' }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().min(1)
}).meta({ id: 'Source', description: 'A source article that newsdesk articles cite.', examples: [sourceExample] })

export type Source = z.output<typeof SourceSchema>

const UrlInputSchema = z.string().trim().min(1).max(2048).meta({ description: 'Absolute http(s) URL; normalised before it is stored or compared.', example: 'https://www.example-daily.com/2026/11/19/harbour-bridge-repairs/?utm_source=feed' })
const writableShape = {
  url: UrlInputSchema,
  title: z.string().trim().min(1).max(500),
  publisher: z.string().trim().min(1).max(200).nullable(),
  author: z.string().trim().min(1).max(200).nullable(),
  publishedAt: TimestampSchema.nullable(),
  accessedAt: TimestampSchema.nullable(),
  language: z.string().max(35).regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "pt-BR"').nullable(),
  notes: z.string().trim().max(5000).nullable(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256').nullable(),
  archivedUrl: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2048).nullable()
}

export const SourceCreateSchema = z.strictObject({
  url: writableShape.url,
  title: writableShape.title,
  publisher: writableShape.publisher.optional(),
  author: writableShape.author.optional(),
  publishedAt: writableShape.publishedAt.optional(),
  accessedAt: writableShape.accessedAt.optional(),
  language: writableShape.language.optional(),
  notes: writableShape.notes.optional(),
  contentHash: writableShape.contentHash.optional(),
  archivedUrl: writableShape.archivedUrl.optional()
}).meta({
  id: 'SourceCreate',
  description: 'A new source. A URL that normalises to an existing source is a 409 carrying existingId.',
  examples: [{ url: sourceExample.url, title: sourceExample.title, publisher: sourceExample.publisher, publishedAt: sourceExample.publishedAt }]
})

export type SourceCreate = z.output<typeof SourceCreateSchema>

export const SourcePatchSchema = z.strictObject({
  url: writableShape.url.optional(),
  title: writableShape.title.optional(),
  publisher: writableShape.publisher.optional(),
  author: writableShape.author.optional(),
  publishedAt: writableShape.publishedAt.optional(),
  accessedAt: writableShape.accessedAt.optional(),
  language: writableShape.language.optional(),
  notes: writableShape.notes.optional(),
  contentHash: writableShape.contentHash.optional(),
  archivedUrl: writableShape.archivedUrl.optional()
}).refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' })
  .meta({ id: 'SourcePatch', description: 'Changes to a source; null clears an optional field.', examples: [{ archivedUrl: sourceExample.archivedUrl }] })

export type SourcePatch = z.output<typeof SourcePatchSchema>

export const SourcePageSchema = z.object({ data: z.array(SourceSchema), page: PageSchema })
  .meta({ id: 'SourcePage', description: 'One page of sources.' })

export const SourceListQuerySchema = z.strictObject({
  ...pageQueryShape,
  sort: z.enum(sourceSorts).default('-createdAt').meta({ description: 'Newest first (default), by publisher, or by the source\'s own publication date.' }),
  publisher: z.string().trim().min(1).max(200).optional().meta({ description: 'Exact publisher name.' }),
  url: z.string().trim().min(1).max(2048).optional().meta({ description: 'Exact URL, compared after normalisation.' }),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Text contained in the title or publisher (case-insensitive).' })
})

export type SourceListQuery = z.output<typeof SourceListQuerySchema>

export const SourceDeleteQuerySchema = z.strictObject({
  detach: z.enum(['true', 'false']).default('false').transform((value) => value === 'true')
    .meta({ description: 'true removes the source from every article citing it; otherwise deleting a cited source is a 409.' })
})

const noteSchema = z.string().trim().min(1).max(1000).nullable().optional().meta({ description: 'What the article takes from this source.' })

export const CitationInputSchema = z.union([
  z.strictObject({ sourceId: IdSchema, note: noteSchema }).meta({ id: 'CitationBySourceId', description: 'Cite an existing source.' }),
  z.strictObject({ source: SourceCreateSchema, note: noteSchema }).meta({ id: 'CitationBySource', description: 'Cite a source by its details: found by normalised URL, or created.' })
]).meta({ id: 'CitationItem', description: 'One cited source: an existing one by id, or one described inline.' })

export type CitationInput = z.output<typeof CitationInputSchema>

export const CitationListInputSchema = z.array(CitationInputSchema).max(maxCitations)
  .meta({ id: 'CitationItems', description: `The whole ordered list of sources (at most ${maxCitations}); the first item is position 1.`, examples: [[{ source: { url: sourceExample.url, title: sourceExample.title }, note: 'Cost figures' }]] })

export const CitationAttachSchema = z.union([
  z.strictObject({ sourceId: IdSchema, note: noteSchema, position: z.number().int().min(1).optional() }),
  z.strictObject({ source: SourceCreateSchema, note: noteSchema, position: z.number().int().min(1).optional() })
]).meta({ id: 'CitationAttach', description: 'Attach one source at position (1-based; the end when absent or beyond it).', examples: [{ sourceId: sourceExample.id, note: 'Traffic numbers', position: 1 }] })

export const CitationSchema = z.object({
  position: z.number().int().min(1),
  note: z.string().nullable(),
  source: SourceSchema
}).meta({ id: 'Citation', description: 'A source cited by an article, in order.' })

export type Citation = z.output<typeof CitationSchema>

export const CitationListSchema = z.object({ data: z.array(CitationSchema) })
  .meta({ id: 'CitationList', description: 'An article\'s citations in order (the whole list).' })

export const CitationParamsSchema = z.strictObject({ id: IdSchema, sourceId: IdSchema })
