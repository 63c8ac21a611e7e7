import type { z } from 'zod'
import type { CitationAttachSchema, CitationListInputSchema, SourceCreateSchema, SourcePatchSchema } from '../../modules/sources/sources.schemas.js'
import type { OperationDocs } from '../operation-docs.js'
import { barrierArticle, barrierCitations, councilMinutes, ids, nextCursor, summaryOf, waterReport } from './fixtures.js'
import { invalid, missingScope, notFound, problem, stale } from './problem.js'

const sources = '/v1/sources'
const minutesPath = `${sources}/${ids.minutes}`
const barrierSources = `/v1/articles/${ids.barrier}/sources`

const wireStory = {
  url: 'https://www.northern-wire.example/news/2026/11/19/millbrook-barrier-vote/?utm_source=partner&utm_medium=feed',
  title: 'Riverton backs tidal barrier after two-hour debate',
  publisher: 'Northern Wire',
  author: 'Callum Reid',
  publishedAt: '2026-11-19T06:45:00Z',
  accessedAt: '2026-11-19T07:10:00Z',
  language: 'en-GB',
  notes: 'Quotes from the opposition leader.'
} satisfies z.input<typeof SourceCreateSchema>

const createdWireStory = {
  ...councilMinutes,
  id: ids.wireStory,
  url: 'https://www.northern-wire.example/news/2026/11/19/millbrook-barrier-vote',
  title: wireStory.title,
  publisher: wireStory.publisher,
  author: wireStory.author,
  publishedAt: '2026-11-19T06:45:00.000Z',
  accessedAt: '2026-11-19T07:10:00.000Z',
  language: 'en-GB',
  notes: wireStory.notes,
  contentHash: null,
  archivedUrl: null,
  createdAt: '2026-11-19T00:30:47.701Z',
  updatedAt: '2026-11-19T00:30:47.701Z'
}

const archivePatch = { archivedUrl: 'https://archive.riverton-courier.example/2026/millbrook-business-case', contentHash: '4a4bdc0cfcecd55280bf795a8caf16883a066cef3fb78d5272f9bcf621af5f40' } satisfies z.input<typeof SourcePatchSchema>

const replaceList = [
  { sourceId: ids.minutes, note: 'The vote and the councillors quoted' },
  { sourceId: ids.waterReport, note: 'Costs and the flood standard' },
  { source: { url: wireStory.url, title: wireStory.title, publisher: wireStory.publisher }, note: 'Opposition reaction' }
] satisfies z.input<typeof CitationListInputSchema>

const attachOne = { sourceId: ids.wireStory, note: 'Opposition reaction', position: 2 } satisfies z.input<typeof CitationAttachSchema>

export const sourceDocs: OperationDocs = {
  listSources: {
    responses: { 200: [{ summary: 'Sources from one publisher', value: { data: [councilMinutes], page: { limit: 20, nextCursor: null } } }] },
    errors: [invalid('An unknown filter', sources, [{ path: 'querystring/site', message: '"site" is not a known field' }])]
  },
  createSource: {
    request: [
      { summary: 'A wire story (tracking parameters are dropped)', value: wireStory },
      { summary: 'Only what is required', value: { url: 'https://council.riverton.example/planning/millbrook-quay/consultation', title: 'Millbrook quay barrier: public consultation' } }
    ],
    responses: { 201: [{ summary: 'Stored with its normalised URL', value: createdWireStory }] },
    errors: [
      problem('The URL is already a source', 'source_exists', sources, `${councilMinutes.url} is already source ${ids.minutes}.`, {
        extensions: { existingId: ids.minutes },
        errors: [{ path: 'body/url', message: 'already a source' }]
      }),
      invalid('Not an http(s) URL', sources, [{ path: 'body/url', message: 'must be an http or https URL' }])
    ]
  },
  getSource: {
    description: 'A source with an ETag. Sources are public: knowing what a newsroom cites is part of trusting it.',
    responses: { 200: [{ summary: 'The council minutes', value: councilMinutes }] },
    errors: [notFound(`${sources}/${ids.wireStory}`, `No source has id ${ids.wireStory}.`)]
  },
  updateSource: {
    request: [{ summary: 'Record the archived copy and its hash', value: archivePatch }],
    responses: { 200: [{ summary: 'Version 2', value: { ...waterReport, ...archivePatch, updatedAt: '2026-11-21T11:00:00.000Z', version: 2 } }] },
    errors: [
      stale(`${sources}/${ids.waterReport}`, 'source', 2),
      notFound(`${sources}/${ids.wireStory}`, `No source has id ${ids.wireStory}.`),
      problem('The new URL belongs to another source', 'source_exists', `${sources}/${ids.waterReport}`, `${councilMinutes.url} is already source ${ids.minutes}.`, {
        extensions: { existingId: ids.minutes },
        errors: [{ path: 'body/url', message: 'already a source' }]
      })
    ]
  },
  deleteSource: {
    errors: [
      problem('Still cited', 'source_in_use', minutesPath, 'The source is cited by 1 article(s); detach it first or delete with ?detach=true.', {
        extensions: { citedBy: [{ id: ids.barrier, title: barrierArticle.title }] }
      }),
      missingScope(minutesPath, 'content:write'),
      notFound(`${sources}/${ids.wireStory}`, `No source has id ${ids.wireStory}.`),
      problem('If-Match names an older version', 'precondition_failed', minutesPath, 'The source is at version 2.', { extensions: { currentVersion: 2 } })
    ]
  },
  listSourceArticles: {
    responses: { 200: [{ summary: 'The barrier story cites the minutes', value: { data: [summaryOf(barrierArticle)], page: { limit: 20, nextCursor } } }] },
    errors: [notFound(`${sources}/${ids.wireStory}/articles`, `No source has id ${ids.wireStory}.`)]
  },
  listArticleSources: {
    responses: { 200: [{ summary: 'Two citations in order', value: { data: barrierCitations } }] },
    errors: [notFound(barrierSources, 'No article with this id or slug is visible to you.')]
  },
  replaceArticleSources: {
    request: [
      { summary: 'Two by id, one described inline', value: replaceList },
      { summary: 'Remove every citation', value: [] }
    ],
    responses: { 200: [{ summary: 'The new list', value: { data: [...barrierCitations, { position: 3, note: 'Opposition reaction', source: createdWireStory }] } }] },
    errors: [
      invalid('One bad item fails the whole list', barrierSources, [{ path: 'body/2/source/url', message: 'must be an http or https URL' }]),
      stale(barrierSources, 'article', 4),
      notFound(barrierSources, 'No article with this id or slug is visible to you.'),
      problem('A live machine-written article loses its review', 'review_required', `/v1/articles/${ids.coolingRooms}/sources`, 'An ai-generated article must be reviewed by an editor (POST /v1/articles/{id}/review) before it is published or scheduled; any change to its body or sources clears the review.')
    ]
  },
  attachArticleSource: {
    request: [{ summary: 'Cite the wire story second', value: attachOne }],
    responses: { 201: [{ summary: 'The new citation', value: { position: 2, note: 'Opposition reaction', source: createdWireStory } }] },
    errors: [
      problem('Already cited', 'already_cited', barrierSources, 'The article already cites this source; PUT the list to change its note or position.', { extensions: { sourceId: ids.minutes } }),
      notFound(barrierSources, 'No article with this id or slug is visible to you.'),
      stale(barrierSources, 'article', 4)
    ]
  },
  detachArticleSource: {
    errors: [
      notFound(`${barrierSources}/${ids.wireStory}`, `Article ${ids.barrier} does not cite source ${ids.wireStory}.`),
      stale(`${barrierSources}/${ids.wireStory}`, 'article', 5)
    ]
  }
}
