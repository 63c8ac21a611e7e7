import type { z } from 'zod'
import type { ImportArticleSchema, ImportCommentSchema, ImportReport, ImportSourceSchema } from '../../modules/transfer/transfer.schemas.js'
import { sourceLine } from '../../modules/transfer/transfer.export.service.js'
import type { OperationDocs } from '../operation-docs.js'
import { barrierArticle, barrierCitations, councilMinutes, editorAnswer, ids, readerQuestion, tideTablesRelated, waterReport } from './fixtures.js'
import { invalid, problem } from './problem.js'

/*
 * Moving the Riverton Courier's flood coverage between installations: what GET /v1/export
 * writes for it, and a smaller file a wire desk's script imports.
 */

const barrierLine = {
  type: 'article',
  id: barrierArticle.id,
  slug: barrierArticle.slug,
  title: barrierArticle.title,
  dek: barrierArticle.dek,
  body: barrierArticle.body,
  status: 'published',
  publishedAt: barrierArticle.publishedAt,
  tags: barrierArticle.tags,
  byline: barrierArticle.byline,
  provenance: { origin: 'human', model: null },
  disclosure: null,
  commentsEnabled: true,
  reviewed: false,
  sources: barrierCitations.map((citation) => ({ source: { url: citation.source.url, title: citation.source.title }, note: citation.note })),
  related: [tideTablesRelated.slug]
} satisfies z.input<typeof ImportArticleSchema>

const commentLine = (comment: typeof readerQuestion): z.input<typeof ImportCommentSchema> => ({
  type: 'comment',
  id: comment.id,
  article: barrierArticle.slug,
  parentId: comment.parentId,
  author: comment.author,
  body: comment.body,
  deleted: comment.deleted,
  createdAt: comment.createdAt,
  editedAt: comment.editedAt
})

/** A wire desk's morning file: a new source, a draft citing it, and an update to the tide story. */
const wireSource = {
  type: 'source',
  url: 'https://www.met-coastal.example/warnings/2026-11-24/riverton-estuary',
  title: 'Coastal flood alert: Riverton estuary, 24 November',
  publisher: 'Coastal Forecasting Service',
  language: 'en'
} satisfies z.input<typeof ImportSourceSchema>

const wireDraft = {
  slug: 'quay-road-closed-at-high-tide-on-monday',
  title: 'Quay road to close at high tide on Monday',
  dek: 'The council shuts the road for three hours either side of the 14:20 high tide.',
  body: '## Closure times\n\nThe quay road closes from 11:20 to 17:20. Buses divert along Station Street.',
  tags: ['flooding', 'transport'],
  byline: 'Tomasz Wójcik',
  sources: [{ source: { url: wireSource.url, title: wireSource.title }, note: 'Tide height and timing' }]
} satisfies z.input<typeof ImportArticleSchema>

const tideUpdate = {
  type: 'article',
  slug: tideTablesRelated.slug,
  title: tideTablesRelated.title,
  dek: 'Water reached the quay road at high tide on Tuesday; one more warning stands for Wednesday.'
} satisfies z.input<typeof ImportArticleSchema>

const wireFile = [wireSource, wireDraft, tideUpdate]

const importPath = '/v1/import'

const report: ImportReport = {
  data: [
    { index: 0, type: 'source', status: 'created', id: '01a30c52-7be0-7d19-a3f4-58c2e90d1b76', url: wireSource.url },
    { index: 1, type: 'article', status: 'created', id: '01a30c52-7c1a-7e4b-8f60-d391a5c27e08', slug: wireDraft.slug },
    { index: 2, type: 'article', status: 'updated', id: ids.tideTables, slug: tideTablesRelated.slug }
  ],
  summary: { created: 2, updated: 1, unchanged: 0, error: 0 }
}

const again: ImportReport = {
  data: report.data.map((result) => ({ ...result, status: 'unchanged' })),
  summary: { created: 0, updated: 0, unchanged: 3, error: 0 }
}

const withErrors: ImportReport = {
  data: [
    { index: 0, type: 'source', status: 'unchanged', id: ids.minutes, url: councilMinutes.url },
    {
      index: 1,
      status: 'error',
      problem: { type: 'urn:newsdesk:problem:invalid-json', title: 'The request body is not valid JSON', status: 400, detail: 'Line 2 is not valid JSON: Unexpected end of JSON input', code: 'invalid_json' }
    },
    {
      index: 2,
      type: 'comment',
      status: 'error',
      problem: { type: 'urn:newsdesk:problem:forbidden', title: 'You are not allowed to do this', status: 403, detail: 'Importing comments needs the admin scope: they skip moderation and may create placeholder authors.', code: 'forbidden' }
    }
  ],
  summary: { created: 0, updated: 0, unchanged: 1, error: 2 }
}

export const transferDocs: OperationDocs = {
  importContent: {
    request: [
      { summary: 'A wire desk\'s morning file', description: 'As application/x-ndjson, send one item per line instead of an array.', value: wireFile },
      { summary: 'Lines from an export', value: [sourceLine(councilMinutes), barrierLine, commentLine(readerQuestion)] }
    ],
    responses: {
      200: [
        { summary: 'Two created, one updated', value: report },
        { summary: 'The same file again: nothing changes', value: again },
        { summary: 'Some items refused, the rest kept', description: 'An NDJSON file with a truncated second line and a comment, sent with a token without the admin scope.', value: withErrors }
      ]
    },
    errors: [
      invalid('More items than IMPORT_MAX_ITEMS', importPath, [{ path: 'body', message: 'at most 20000 items per import (IMPORT_MAX_ITEMS); split larger files, importing is idempotent' }]),
      problem('A file over IMPORT_BODY_LIMIT', 'payload_too_large', importPath, 'Request body is too large')
    ]
  },
  exportContent: {
    description: 'Sends the file as an attachment named newsdesk-export-<date>.ndjson. Comments awaiting moderation, rejected or marked as spam stay out of it.',
    responses: {
      200: [
        { summary: 'A source line (sources come first)', value: sourceLine(waterReport) },
        { summary: 'An article line, citing its sources by URL', value: barrierLine },
        { summary: 'A comment line (approved only, parents first)', value: commentLine(editorAnswer) }
      ]
    },
    errors: [problem('A token without admin', 'forbidden', '/v1/export', 'This operation needs the "admin" scope, which your token does not carry.')]
  }
}
