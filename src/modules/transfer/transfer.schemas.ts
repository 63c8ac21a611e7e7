import { z } from 'zod'
import { IdSchema, TimestampSchema } from '../../schemas/common.js'
import { ProblemSchema } from '../../schemas/problem.js'
import { ArticleCreateSchema } from '../articles/articles.schemas.js'
import { maxRelated } from '../related/related.schemas.js'
import { SourceCreateSchema } from '../sources/sources.schemas.js'

/** Items written per transaction; each item is its own savepoint inside it. */
export const importBatchSize = 500

const ArticleSlugSchema = ArticleCreateSchema.shape.slug.unwrap()

/**
 * An article line is exactly a POST /v1/articles body, plus its identity and links. It is
 * reused, never copied, so the import accepts precisely what the API does.
 */
export const ImportArticleSchema = ArticleCreateSchema.extend({
  type: z.literal('article').optional().meta({ description: 'article (the default when absent).' }),
  id: IdSchema.optional().meta({ description: 'Kept when this line creates the article, so an export imported into an empty database keeps its ids. Ignored when the slug matches an existing article.' }),
  slug: ArticleSlugSchema.meta({ description: 'The article\'s identity in an import: an article with this slug is updated, otherwise one is created.' }),
  reviewed: z.boolean().default(false).meta({ description: 'true: the importer vouches for the text and sources as an editor\'s review does (editors and admins only; recorded as their review, now). Needed to publish an ai-generated article. false claims nothing: an existing review stays unless the body or sources change.' }),
  related: z.array(ArticleSlugSchema).max(maxRelated).optional().meta({ description: 'Slugs of the related articles, in order. They may be articles later in the same import. Absent: the links stay as they are.' })
}).meta({
  id: 'ImportArticle',
  description: 'An article to create or update, matched by slug. On an existing article, the fields the line leaves out are kept; on a new one they take the defaults of POST /v1/articles. The same line imported twice changes nothing the second time.',
  examples: [{
    type: 'article',
    slug: 'harbour-bridge-reopens',
    title: 'Harbour bridge reopens after eight months of repairs',
    dek: 'The crossing carries 40,000 vehicles a day.',
    body: '## What changed\n\nThe deck was replaced in sections.',
    status: 'published',
    publishedAt: '2026-11-20T08:30:00.000Z',
    tags: ['transport'],
    byline: 'Maria Okafor',
    provenance: { origin: 'human', model: null },
    disclosure: null,
    commentsEnabled: true,
    reviewed: false,
    sources: [{ source: { url: 'https://www.example-daily.com/2026/11/19/harbour-bridge-repairs', title: 'Harbour bridge repairs finish early' }, note: 'Cost figures' }],
    related: ['bridge-repairs-begin']
  }]
})

export type ImportArticle = z.output<typeof ImportArticleSchema>

export const ImportSourceSchema = SourceCreateSchema.extend({
  type: z.literal('source'),
  id: IdSchema.optional().meta({ description: 'Kept when this line creates the source. Ignored when the URL matches an existing source.' })
}).meta({
  id: 'ImportSource',
  description: 'A source to create or update, matched by its normalised URL. On an existing source, the fields the line leaves out are kept.',
  examples: [{ type: 'source', url: 'https://www.example-daily.com/2026/11/19/harbour-bridge-repairs', title: 'Harbour bridge repairs finish early', publisher: 'Example Daily' }]
})

export type ImportSource = z.output<typeof ImportSourceSchema>

export const ImportCommentAuthorSchema = z.strictObject({
  id: IdSchema.optional().meta({ description: 'The author\'s account, when it exists where the comment is imported.' }),
  displayName: z.string().trim().min(1).max(100)
}).meta({ id: 'ImportCommentAuthor', description: 'Who wrote the comment. Without an account here (by id), the comment is attributed to a placeholder account with this display name, disabled and without a password, created once per name.' })

export const ImportCommentSchema = z.strictObject({
  type: z.literal('comment'),
  id: IdSchema.meta({ description: 'The comment\'s identity: an existing comment with this id is updated, otherwise it is created with it.' }),
  article: ArticleSlugSchema.meta({ description: 'Slug of the article the comment is on.' }),
  parentId: IdSchema.nullable().default(null).meta({ description: 'The comment this replies to: one on the same article, already there or earlier in the import.' }),
  author: ImportCommentAuthorSchema.nullable().default(null).meta({ description: 'null: an author whose account was deleted.' }),
  body: z.string().trim().max(5000).meta({ description: 'Plain text; empty only for a deleted comment.' }),
  deleted: z.boolean().default(false).meta({ description: 'A deleted comment keeps its place in the thread without its text.' }),
  createdAt: TimestampSchema,
  editedAt: TimestampSchema.nullable().default(null)
}).refine((comment) => comment.deleted || comment.body.length > 0, { message: 'must not be empty unless the comment is deleted', path: ['body'] }).meta({
  id: 'ImportComment',
  description: 'An approved reader comment (imports and exports carry approved comments only). Needs the admin scope: it bypasses moderation and may create placeholder authors.',
  examples: [{ type: 'comment', id: '019a6f1e-7777-7a8b-9c0d-1e2f3a4b5c6d', article: 'harbour-bridge-reopens', parentId: null, author: { displayName: 'A. Reader' }, body: 'The cycle lanes are the best part.', deleted: false, createdAt: '2026-11-20T10:00:00.000Z', editedAt: null }]
})

export type ImportComment = z.output<typeof ImportCommentSchema>

export const importItemTypes = ['article', 'source', 'comment'] as const
export type ImportItemType = typeof importItemTypes[number]

export const ImportItemSchema = z.union([ImportArticleSchema, ImportSourceSchema, ImportCommentSchema]).meta({
  id: 'ImportItem',
  description: 'One line of an import or export, told apart by type (absent: article).'
})

// 200,000 is the ceiling IMPORT_MAX_ITEMS may be set to; the configured limit (20,000 by
// default) is checked by the service, with a 400 that names it.
export const ImportItemsSchema = z.array(ImportItemSchema).max(200_000).meta({
  id: 'ImportItems',
  description: 'A JSON array of items, or (as application/x-ndjson) one item per line. Each item is validated on its own: a bad one is reported in the results and the others still land.'
})

export const importStatuses = ['created', 'updated', 'unchanged', 'error'] as const

export const ImportResultSchema = z.object({
  index: z.number().int().min(0).meta({ description: 'Position of the item: its array index, or its 0-based line among the non-blank lines of an NDJSON body.' }),
  type: z.enum(importItemTypes).optional().meta({ description: 'Absent when the item was not a recognisable item at all.' }),
  status: z.enum(importStatuses),
  id: IdSchema.optional().meta({ description: 'The resource the item created, updated or matched. Also present on an error that came after the resource was written (a related link that could not be set).' }),
  slug: z.string().optional().meta({ description: 'Articles: the slug the item named.' }),
  url: z.string().optional().meta({ description: 'Sources: the normalised URL.' }),
  problem: ProblemSchema.optional().meta({ description: 'Why the item failed; paths point into the body (body/<index>/<field>).' })
}).meta({ id: 'ImportResult', description: 'What became of one item.' })

export type ImportResult = z.output<typeof ImportResultSchema>

export const ImportReportSchema = z.object({
  data: z.array(ImportResultSchema).meta({ description: 'One result per item, in the order of the body.' }),
  summary: z.object({
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    error: z.number().int().min(0)
  })
}).meta({
  id: 'ImportReport',
  description: 'Per-item outcome of an import.',
  examples: [{
    data: [
      { index: 0, type: 'source', status: 'unchanged', id: '019a6f1e-5555-7a8b-9c0d-1e2f3a4b5c6d', url: 'https://www.example-daily.com/2026/11/19/harbour-bridge-repairs' },
      { index: 1, type: 'article', status: 'created', id: '019a6f1e-3c4d-7a8b-9c0d-1e2f3a4b5c6d', slug: 'harbour-bridge-reopens' },
      { index: 2, type: 'article', status: 'error', slug: 'draft-two', problem: { type: 'urn:newsdesk:problem:validation-failed', title: 'The request is not valid', status: 400, detail: 'body/2/title: Too small: expected string to have >=1 characters', code: 'validation_failed', errors: [{ path: 'body/2/title', message: 'Too small: expected string to have >=1 characters' }] } }
    ],
    summary: { created: 1, updated: 0, unchanged: 1, error: 1 }
  }]
})

export type ImportReport = z.output<typeof ImportReportSchema>
