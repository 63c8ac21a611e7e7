import type { z } from 'zod'
import type { ArticleCreateSchema, ArticlePatchSchema, Revision } from '../../modules/articles/articles.schemas.js'
import type { OperationDocs } from '../operation-docs.js'
import { badCursor, invalid, missingScope, notFound, problem, stale } from './problem.js'
import { barrierArticle, barrierCitations, coolingRoomsArticle, ids, nextCursor, nightBusesArticle, summaryOf } from './fixtures.js'

const articles = '/v1/articles'
const barrierPath = `${articles}/${ids.barrier}`
const busesPath = `${articles}/${ids.nightBuses}`

const draftRequest = {
  title: 'Night buses return to three suburban routes from March',
  dek: 'Routes N4, N7 and N12 come back after two years, paid for by the new late-evening parking charge.',
  body: nightBusesArticle.body,
  tags: ['Transport', 'buses'],
  byline: 'Tomasz Wójcik'
} satisfies z.input<typeof ArticleCreateSchema>

const publishWithSources = {
  title: barrierArticle.title,
  dek: barrierArticle.dek,
  body: barrierArticle.body,
  status: 'published',
  tags: ['flooding', 'Riverton council', 'infrastructure'],
  byline: 'Priya Raman',
  sources: [
    { sourceId: ids.minutes, note: 'The vote and the councillors quoted' },
    {
      source: {
        url: 'https://www.regional-water.example/reports/millbrook-tidal-defence-business-case?utm_source=newsletter',
        title: 'Millbrook tidal defence: outline business case',
        publisher: 'Regional Water Authority'
      },
      note: 'Costs and the flood standard'
    }
  ]
} satisfies z.input<typeof ArticleCreateSchema>

const publishPatch = { status: 'published' } satisfies z.input<typeof ArticlePatchSchema>
const retitlePatch = { title: 'Council backs £48m Millbrook flood barrier by 31 votes to 9', tags: ['flooding', 'riverton-council'] } satisfies z.input<typeof ArticlePatchSchema>

const revision: Revision = {
  version: 2,
  title: 'Council approves flood barrier for Millbrook quay',
  status: 'draft',
  createdAt: '2026-11-19T07:58:12.904Z',
  createdBy: ids.editor,
  content: {
    slug: barrierArticle.slug,
    title: 'Council approves flood barrier for Millbrook quay',
    dek: barrierArticle.dek,
    body: barrierArticle.body,
    status: 'draft',
    publishedAt: null,
    tags: ['flooding', 'riverton-council'],
    byline: 'Priya Raman',
    provenance: barrierArticle.provenance,
    disclosure: null,
    commentsEnabled: true,
    sources: [{ sourceId: ids.minutes, note: 'The vote and the councillors quoted' }]
  }
}

export const articleDocs: OperationDocs = {
  listArticles: {
    responses: {
      200: [{
        summary: 'Newest published articles',
        value: { data: [summaryOf(coolingRoomsArticle), summaryOf(barrierArticle)], page: { limit: 2, nextCursor } }
      }, {
        summary: 'A search for "flood barrier" with q',
        value: {
          data: [{ ...summaryOf(barrierArticle), search: { score: 11.87, snippet: 'Council approves £48m <mark>flood</mark> <mark>barrier</mark> for Millbrook quay' } }],
          page: { limit: 20, nextCursor: null }
        }
      }]
    },
    errors: [
      invalid('An unknown sort', articles, [{ path: 'querystring/sort', message: 'Invalid option: expected one of "-publishedAt"|"publishedAt"|"-updatedAt"|"title"|"relevance"' }]),
      badCursor(articles),
      problem('Drafts asked for without content:read', 'forbidden', articles, 'Listing draft articles needs the content:read scope.')
    ]
  },
  createArticle: {
    request: [
      { summary: 'A draft (slug from the title, tags normalised)', value: draftRequest },
      { summary: 'Published at once, citing two sources', description: 'The first source is cited by id; the second is described inline and found by its normalised URL, or created.', value: publishWithSources }
    ],
    responses: { 201: [{ summary: 'The created draft', value: nightBusesArticle }] },
    errors: [
      invalid('Server-owned and unknown fields', articles, [
        { path: 'body/id', message: '"id" is read-only and cannot be sent' },
        { path: 'body/headline', message: '"headline" is not a known field' }
      ]),
      problem('An explicit slug that is taken', 'slug_taken', articles, 'The slug "council-approves-millbrook-flood-barrier" is already used by another article.', {
        extensions: { existingId: ids.barrier },
        errors: [{ path: 'body/slug', message: 'already in use' }]
      }),
      missingScope(articles, 'content:write')
    ]
  },
  getArticle: {
    responses: {
      200: [
        { summary: 'A published article', value: barrierArticle },
        { summary: 'With include=sources', value: { ...barrierArticle, sources: barrierCitations } }
      ]
    },
    errors: [notFound(busesPath, 'No article with this id or slug is visible to you.')]
  },
  getArticleBySlug: {
    responses: { 200: [{ summary: 'A published article', value: barrierArticle }] },
    errors: [
      notFound(`${articles}/slug/night-buses-return-to-three-suburban-routes-from-march`, 'No article with this id or slug is visible to you.'),
      invalid('Not a slug', `${articles}/slug/Night_Buses`, [{ path: 'params/slug', message: 'must be lowercase letters, digits and single hyphens, like "city-council-votes"' }])
    ]
  },
  updateArticle: {
    request: [
      { summary: 'Publish a draft', value: publishPatch },
      { summary: 'Change the headline and tags', value: retitlePatch }
    ],
    responses: { 200: [{ summary: 'The published article, one version on', value: { ...nightBusesArticle, status: 'published', publishedAt: '2026-11-21T09:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z', version: 2 } }] },
    errors: [
      stale(busesPath, 'article', 2),
      problem('A machine-written article without review', 'review_required', `${articles}/${ids.coolingRooms}`, 'An ai-generated article must be reviewed by an editor (POST /v1/articles/{id}/review) before it is published or scheduled; any change to its body or sources clears the review.'),
      problem('An author publishing', 'forbidden', busesPath, 'Only editors set an article to published; authors write drafts.', { errors: [{ path: 'body/status', message: 'needs an editor' }] }),
      notFound(busesPath, `No article has id ${ids.nightBuses}.`)
    ]
  },
  deleteArticle: {
    errors: [stale(busesPath, 'article', 3), notFound(busesPath, `No article has id ${ids.nightBuses}.`)]
  },
  listArticleRevisions: {
    description: 'Each item names the version, its title and status, when it was written and by whom; get one version for its full content.',
    responses: {
      200: [{
        summary: 'Three versions of the barrier story',
        value: {
          data: [
            { version: 3, title: barrierArticle.title, status: 'published', createdAt: barrierArticle.updatedAt, createdBy: ids.editor },
            { version: 2, title: revision.title, status: 'draft', createdAt: revision.createdAt, createdBy: ids.editor },
            { version: 1, title: 'Flood barrier vote', status: 'draft', createdAt: barrierArticle.createdAt, createdBy: ids.editor }
          ],
          page: { limit: 20, nextCursor: null }
        }
      }]
    },
    errors: [notFound(`${barrierPath}/revisions`, `No article has id ${ids.barrier}.`), missingScope(`${barrierPath}/revisions`, 'content:write')]
  },
  getArticleRevision: {
    description: 'The full content of one earlier version: the fields an editor can restore, with the sources cited then. Versions are numbered from 1 and never change once written.',
    responses: { 200: [{ summary: 'Version 2, before publishing', value: revision }] },
    errors: [notFound(`${barrierPath}/revisions/9`, `Article ${ids.barrier} has no version 9.`)]
  },
  restoreArticleRevision: {
    responses: { 200: [{ summary: 'Version 2\'s wording, still published, as version 4', value: { ...barrierArticle, title: revision.title, tags: revision.content.tags, updatedAt: '2026-11-21T10:12:00.000Z', version: 4 } }] },
    errors: [
      stale(`${barrierPath}/revisions/2/restore`, 'article', 4),
      notFound(`${barrierPath}/revisions/9/restore`, `Article ${ids.barrier} has no version 9.`),
      problem('The old slug now belongs to another article', 'slug_taken', `${barrierPath}/revisions/1/restore`, 'The slug "flood-barrier-vote" is already used by another article.', {
        extensions: { existingId: ids.tideTables },
        errors: [{ path: 'body/slug', message: 'already in use' }]
      })
    ]
  },
  reviewArticle: {
    responses: { 200: [{ summary: 'Reviewed by the editor who called', value: coolingRoomsArticle }] },
    errors: [
      problem('An author asking', 'forbidden', `${articles}/${ids.coolingRooms}/review`, 'This operation is for editor and admin accounts.'),
      stale(`${articles}/${ids.coolingRooms}/review`, 'article', 4),
      notFound(`${articles}/${ids.coolingRooms}/review`, `No article has id ${ids.coolingRooms}.`),
      problem('A scheduled machine-written article without sources', 'sources_required', `${articles}/${ids.coolingRooms}/review`, 'An ai-generated article must cite at least one source before it is published or scheduled.', {
        errors: [{ path: 'body/sources', message: 'cite at least one source' }]
      })
    ]
  },
  listTags: {
    responses: {
      200: [{
        summary: 'The most used tags',
        value: { data: [{ tag: 'flooding', count: 14 }, { tag: 'riverton-council', count: 9 }, { tag: 'transport', count: 6 }], page: { limit: 3, nextCursor } }
      }]
    },
    errors: [problem('A cursor from another list', 'invalid_cursor', '/v1/tags', 'This cursor does not belong to the tag list.', { errors: [{ path: 'querystring/cursor', message: 'not a tag cursor' }] })]
  }
}
