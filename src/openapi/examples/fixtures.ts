import type { Article, RelatedArticle } from '../../modules/articles/articles.schemas.js'
import type { Comment, ThreadComment } from '../../modules/comments/comments.schemas.js'
import type { Citation, Source } from '../../modules/sources/sources.schemas.js'
import type { Token } from '../../modules/tokens/tokens.schemas.js'
import type { User } from '../../modules/users/users.schemas.js'

/*
 * One small, consistent newsroom that every example in the API reference is drawn from:
 * the Riverton Courier, a regional daily, covering a council vote on a flood barrier.
 * Typed against the API contract, so an example that drifts from the schemas does not compile.
 */

export const ids = {
  admin: '01a1e4e1-34dc-764a-9adb-bc25bad41b14',
  editor: '01a1e66d-a652-7649-88e0-ddf22573ea91',
  author: '01a1e7fb-8552-74c1-897e-ea3f51729652',
  reader: '01a1e981-db54-76bf-9214-d4333b28953d',
  importerToken: '01a1eb10-dcaf-7065-b447-1afea54f8e46',
  sessionToken: '01a1ec98-9102-724e-a8d1-25cb8060ae64',
  minutes: '01a1ee1f-b60b-77bc-b4f1-e551a7a43e2e',
  waterReport: '01a1efaa-dcd8-75fc-8661-cf9de41c4f10',
  wireStory: '01a1f136-9195-77b0-9eef-17326ab66c25',
  barrier: '01a1f2b8-54ea-7205-9a09-cd75f7a3db3c',
  nightBuses: '01a1f447-d028-7436-846f-9d69e687455b',
  coolingRooms: '01a1f5c8-c26f-7585-b7c2-14b5f027e3af',
  tideTables: '01a1f756-3310-74a6-99bc-0739b8443c5b',
  question: '01a1f8e2-43c9-7264-8ad6-f4dd9b674f19',
  answer: '01a1fa6e-790c-75d8-9ac0-0116bb7140eb',
  followUp: '01a1fbfa-a34d-7483-a69f-2b46cbf37e7a',
  spam: '01a1fd82-aca4-71c7-a9d4-9006ccaaa77e'
} as const

/** What genReqId makes: 16 hex characters. */
export const requestId = '7c2e91d04ab35f68'

/** Opaque cursors look like this (base64url payload and signature); clients never build them. */
export const nextCursor = 'WyIyMDI2LTExLTIwVDA4OjMwOjAwLjAwMFoiLCIwMWExZjJiOCJd.q5Tn0cI2bX8v1mKzYw4Rjg'

export const editor: User = {
  id: ids.editor,
  email: 'priya.raman@riverton-courier.example',
  displayName: 'Priya Raman',
  role: 'editor',
  disabled: false,
  createdAt: '2026-11-16T22:15:08.114Z',
  updatedAt: '2026-11-16T22:15:08.114Z',
  version: 1
}

export const author: User = {
  id: ids.author,
  email: 'tomasz.wojcik@riverton-courier.example',
  displayName: 'Tomasz Wójcik',
  role: 'author',
  disabled: false,
  createdAt: '2026-11-17T05:29:42.994Z',
  updatedAt: '2026-11-17T05:29:42.994Z',
  version: 1
}

export const reader: User = {
  id: ids.reader,
  email: 'dev.malhotra@mailbox.example',
  displayName: 'Dev Malhotra',
  role: 'member',
  disabled: false,
  createdAt: '2026-11-17T12:36:04.052Z',
  updatedAt: '2026-11-17T12:36:04.052Z',
  version: 1
}

export const councilMinutes: Source = {
  id: ids.minutes,
  url: 'https://council.riverton.example/meetings/2026-11-12/minutes',
  title: 'Minutes of the full council meeting, 12 November 2026',
  publisher: 'Riverton Borough Council',
  author: null,
  publishedAt: '2026-11-17T09:00:00.000Z',
  accessedAt: '2026-11-18T10:02:41.000Z',
  language: 'en',
  notes: 'Item 7: the vote on the Millbrook quay barrier, 31 for and 9 against.',
  contentHash: '148c6671cada2f13ceee8d4055459bc7c008371bed0c159cbd8bf8304e0aba62',
  archivedUrl: 'https://archive.riverton-courier.example/2026/council-minutes-2026-11-12',
  createdAt: '2026-11-18T10:06:58.059Z',
  updatedAt: '2026-11-18T10:06:58.059Z',
  version: 1
}

export const waterReport: Source = {
  id: ids.waterReport,
  url: 'https://www.regional-water.example/reports/millbrook-tidal-defence-business-case',
  title: 'Millbrook tidal defence: outline business case',
  publisher: 'Regional Water Authority',
  author: 'Dr. Ines Carvalho',
  publishedAt: '2026-10-02T00:00:00.000Z',
  accessedAt: '2026-11-18T17:10:12.000Z',
  language: 'en',
  notes: 'Cost split (60% authority, 40% council) and the 1-in-200-year surge standard.',
  contentHash: null,
  archivedUrl: null,
  createdAt: '2026-11-18T17:18:34.712Z',
  updatedAt: '2026-11-18T17:18:34.712Z',
  version: 1
}

export const barrierCitations: Citation[] = [
  { position: 1, note: 'The vote and the councillors quoted', source: councilMinutes },
  { position: 2, note: 'Costs and the flood standard', source: waterReport }
]

export const barrierArticle: Article = {
  id: ids.barrier,
  slug: 'council-approves-millbrook-flood-barrier',
  title: 'Council approves £48m flood barrier for Millbrook quay',
  dek: 'The 1.2 km barrier, shared with the regional water authority, should close the quay to tidal surges by the winter of 2028.',
  body: '## What was decided\n\nCouncillors voted 31 to 9 on Thursday night to build a movable barrier along Millbrook quay.\n\n## Who pays\n\nThe water authority meets 60% of the cost; the council borrows the rest over 30 years.\n\n## What happens next\n\nGround surveys start in January, and the quay car park closes in stages from spring.',
  status: 'published',
  publishedAt: '2026-11-19T07:30:00.000Z',
  tags: ['flooding', 'riverton-council', 'infrastructure'],
  byline: 'Priya Raman',
  provenance: { origin: 'human', model: null, reviewedBy: null, reviewedAt: null },
  disclosure: null,
  commentsEnabled: true,
  authorId: ids.editor,
  readingTimeMinutes: 1,
  outline: [
    { level: 2, text: 'What was decided', anchor: 'what-was-decided' },
    { level: 2, text: 'Who pays', anchor: 'who-pays' },
    { level: 2, text: 'What happens next', anchor: 'what-happens-next' }
  ],
  commentCount: 2,
  createdAt: '2026-11-19T07:32:09.066Z',
  updatedAt: '2026-11-19T08:05:44.310Z',
  version: 3
}

export const nightBusesArticle: Article = {
  id: ids.nightBuses,
  slug: 'night-buses-return-to-three-suburban-routes-from-march',
  title: 'Night buses return to three suburban routes from March',
  dek: 'Routes N4, N7 and N12 come back after two years, paid for by the new late-evening parking charge.',
  body: '## The routes\n\nThe N4 runs to Eastfield, the N7 to Hollins Park and the N12 to the airport business park.\n\n## Timetable\n\nBuses leave the central station every 30 minutes between midnight and 5am.',
  status: 'draft',
  publishedAt: null,
  tags: ['transport', 'buses'],
  byline: 'Tomasz Wójcik',
  provenance: { origin: 'human', model: null, reviewedBy: null, reviewedAt: null },
  disclosure: null,
  commentsEnabled: true,
  authorId: ids.author,
  readingTimeMinutes: 1,
  outline: [
    { level: 2, text: 'The routes', anchor: 'the-routes' },
    { level: 2, text: 'Timetable', anchor: 'timetable' }
  ],
  commentCount: 0,
  createdAt: '2026-11-19T14:48:29.480Z',
  updatedAt: '2026-11-19T14:48:29.480Z',
  version: 1
}

export const coolingRoomsArticle: Article = {
  id: ids.coolingRooms,
  slug: 'what-the-hospital-cooling-rooms-mean-for-patients',
  title: 'Heatwave: what St Aldhelm\'s new cooling rooms mean for patients',
  dek: 'Four wards get rooms kept below 24°C; the hospital trust says they will be ready before next summer.',
  body: '## Which wards\n\nThe elderly care, maternity, renal and children\'s wards each get one room.\n\n## Why now\n\nWard temperatures passed 30°C on eleven days this summer.',
  status: 'published',
  publishedAt: '2026-11-20T06:00:00.000Z',
  tags: ['health', 'heatwave'],
  byline: 'Riverton Courier data desk',
  provenance: { origin: 'ai-generated', model: 'courier-summariser-3', reviewedBy: ids.editor, reviewedAt: '2026-11-20T05:41:17.000Z' },
  disclosure: 'This article was drafted by a language model from the hospital trust\'s board papers and checked by an editor.',
  commentsEnabled: false,
  authorId: ids.editor,
  readingTimeMinutes: 1,
  outline: [
    { level: 2, text: 'Which wards', anchor: 'which-wards' },
    { level: 2, text: 'Why now', anchor: 'why-now' }
  ],
  commentCount: 0,
  createdAt: '2026-11-19T21:48:57.327Z',
  updatedAt: '2026-11-20T05:41:17.000Z',
  version: 4
}

/** An article as list items carry it: the default summary fields, no body or outline. */
export function summaryOf (article: Article): Partial<Article> & { id: string } {
  const { body: _body, outline: _outline, sources: _sources, related: _related, search: _search, bodyHtml: _bodyHtml, ...summary } = article
  return summary
}

export function relatedOf (article: Article): RelatedArticle {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    dek: article.dek,
    status: article.status,
    publishedAt: article.publishedAt,
    tags: article.tags,
    byline: article.byline,
    readingTimeMinutes: article.readingTimeMinutes
  }
}

export const tideTablesRelated: RelatedArticle = {
  id: ids.tideTables,
  slug: 'spring-tides-flood-warnings-for-the-quay',
  title: 'Spring tides bring two flood warnings for the quay this week',
  dek: 'Forecasters expect water over the quay road at high tide on Tuesday and Wednesday.',
  status: 'published',
  publishedAt: '2026-11-20T05:10:00.000Z',
  tags: ['flooding', 'weather'],
  byline: 'Tomasz Wójcik',
  readingTimeMinutes: 2
}

export const readerQuestion: Comment = {
  id: ids.question,
  articleId: ids.barrier,
  parentId: null,
  depth: 0,
  author: { id: ids.reader, displayName: 'Dev Malhotra' },
  body: 'Will the quay car park close completely while they build it? I run a stall at the Saturday market.',
  status: 'approved',
  deleted: false,
  editedAt: null,
  createdAt: '2026-11-20T12:15:40.489Z',
  updatedAt: '2026-11-20T12:31:02.000Z',
  version: 2
}

export const editorAnswer: Comment = {
  id: ids.answer,
  articleId: ids.barrier,
  parentId: ids.question,
  depth: 1,
  author: { id: ids.editor, displayName: 'Priya Raman' },
  body: 'The council says it closes in stages, one third at a time; the market keeps its end until the summer.',
  status: 'approved',
  deleted: false,
  editedAt: null,
  createdAt: '2026-11-20T19:28:26.380Z',
  updatedAt: '2026-11-20T19:28:26.380Z',
  version: 1
}

export const pendingFollowUp: Comment = {
  id: ids.followUp,
  articleId: ids.barrier,
  parentId: ids.answer,
  depth: 2,
  author: { id: ids.reader, displayName: 'Dev Malhotra' },
  body: 'Thanks. Is there a map of the stages anywhere?',
  status: 'pending',
  deleted: false,
  editedAt: null,
  createdAt: '2026-11-21T02:41:09.453Z',
  updatedAt: '2026-11-21T02:41:09.453Z',
  version: 1
}

export const pendingSpam: Comment = {
  id: ids.spam,
  articleId: ids.barrier,
  parentId: null,
  depth: 0,
  author: { id: ids.reader, displayName: 'Dev Malhotra' },
  body: 'Cheap flood insurance quotes at quick-cover.example, click now!!!',
  status: 'pending',
  deleted: false,
  editedAt: null,
  createdAt: '2026-11-21T09:49:21.956Z',
  updatedAt: '2026-11-21T09:49:21.956Z',
  version: 1
}

export const barrierThread: ThreadComment = {
  ...readerQuestion,
  replyCount: 1,
  replies: [{ ...editorAnswer, replyCount: 0, replies: [] }]
}

export const importerToken: Token = {
  id: ids.importerToken,
  userId: ids.editor,
  kind: 'api',
  name: 'wire importer',
  prefix: 'ndk_Qz4rT8wP',
  scopes: ['content:read', 'content:write'],
  createdAt: '2026-11-17T19:51:53.263Z',
  lastUsedAt: '2026-11-21T06:00:04.118Z',
  expiresAt: '2027-05-31T23:59:59.000Z',
  revokedAt: null
}

export const sessionToken: Token = {
  id: ids.sessionToken,
  userId: ids.editor,
  kind: 'session',
  name: 'session',
  prefix: 'nds_hR2mX7cK',
  scopes: ['content:read', 'content:write', 'comments:write', 'comments:moderate'],
  createdAt: '2026-11-18T02:59:44.002Z',
  lastUsedAt: '2026-11-21T08:14:30.552Z',
  expiresAt: '2026-12-21T08:14:30.552Z',
  revokedAt: null
}
