import type { z } from 'zod'
import type { CommentCreateSchema, CommentPatchSchema, ModerateSchema } from '../../modules/comments/comments.schemas.js'
import type { RelatedAttachSchema, RelatedReplaceSchema } from '../../modules/related/related.schemas.js'
import type { OperationDocs } from '../operation-docs.js'
import {
  barrierArticle, barrierThread, coolingRoomsArticle, editorAnswer, ids, nextCursor, pendingFollowUp, pendingSpam,
  relatedOf, summaryOf, tideTablesRelated
} from './fixtures.js'
import { invalid, missingScope, notFound, problem, stale, type ProblemExample } from './problem.js'

const barrierPath = `/v1/articles/${ids.barrier}`
const related = `${barrierPath}/related`
const comments = `${barrierPath}/comments`

const replaceRelated = { articleIds: [ids.tideTables, ids.coolingRooms], reciprocal: true } satisfies z.input<typeof RelatedReplaceSchema>
// The related list has an ETag of its own (links do not change the article's version): If-Match names it.
const staleList = (instance: string): ProblemExample => problem('If-Match names an older related list', 'precondition_failed', instance,
  'The related list has changed since you read it; re-read it and apply your change again.', { extensions: { currentEtag: '"l-Zk3Qm8vR2tYw6pLc0NxJ4a"' } })

const addRelated = { articleId: ids.tideTables, position: 1, reciprocal: true } satisfies z.input<typeof RelatedAttachSchema>

const newComment = { body: 'Will the quay car park close completely while they build it? I run a stall at the Saturday market.' } satisfies z.input<typeof CommentCreateSchema>
const reply = { body: 'Thanks. Is there a map of the stages anywhere?', parentId: ids.answer } satisfies z.input<typeof CommentCreateSchema>
const approve = { status: 'approved' } satisfies z.input<typeof CommentPatchSchema>
const edit = { body: 'Will the quay car park close completely during the works? I run a stall at the Saturday market.' } satisfies z.input<typeof CommentPatchSchema>
const moderate = { ids: [ids.followUp, ids.spam], status: 'approved' } satisfies z.input<typeof ModerateSchema>
const markSpam = { ids: [ids.spam], status: 'spam' } satisfies z.input<typeof ModerateSchema>

export const relatedDocs: OperationDocs = {
  listRelatedArticles: {
    responses: { 200: [{ summary: 'Two related stories', value: { data: [tideTablesRelated, relatedOf(coolingRoomsArticle)] } }] },
    errors: [notFound(related, 'No article with this id or slug is visible to you.')]
  },
  replaceRelatedArticles: {
    request: [{ summary: 'Two links, each linking back', value: replaceRelated }, { summary: 'Remove every link', value: { articleIds: [] } }],
    responses: { 200: [{ summary: 'The new list', value: { data: [tideTablesRelated, relatedOf(coolingRoomsArticle)] } }] },
    errors: [
      invalid('The article itself', related, [{ path: 'body/articleIds/0', message: 'is the article itself' }]),
      problem('Unknown targets', 'not_found', related, `No article has id ${ids.wireStory}.`, { extensions: { missingIds: [ids.wireStory] } }),
      staleList(related)
    ]
  },
  addRelatedArticle: {
    request: [{ summary: 'First in the list, linked back', value: addRelated }],
    responses: { 201: [{ summary: 'The whole list after adding', value: { data: [tideTablesRelated, relatedOf(coolingRoomsArticle)] } }] },
    errors: [
      problem('Already linked', 'already_related', related, 'The article already links to that article.', { extensions: { relatedId: ids.tideTables } }),
      problem('An unknown target', 'not_found', related, `No article has id ${ids.wireStory}.`, { extensions: { missingIds: [ids.wireStory] } }),
      staleList(related)
    ]
  },
  removeRelatedArticle: {
    errors: [
      notFound(`${related}/${ids.coolingRooms}`, `Article ${ids.barrier} does not link to ${ids.coolingRooms}.`),
      staleList(`${related}/${ids.tideTables}`)
    ]
  },
  suggestRelatedArticles: {
    responses: {
      200: [{
        summary: 'The tide-warning story shares a tag and many words',
        value: {
          data: [{
            article: summaryOf({ ...barrierArticle, ...tideTablesRelated, provenance: barrierArticle.provenance, authorId: ids.author, commentCount: 0, createdAt: '2026-11-20T05:03:03.952Z', updatedAt: '2026-11-20T05:10:00.000Z', version: 2 }),
            score: 2.64,
            reasons: { sharedTags: ['flooding'], sharedSources: [], textSimilarity: 1.64 }
          }]
        }
      }]
    },
    errors: [notFound(`${related}/suggestions`, `No article has id ${ids.barrier}.`), missingScope(`${related}/suggestions`, 'content:read')]
  }
}

export const commentDocs: OperationDocs = {
  listArticleComments: {
    responses: { 200: [{ summary: 'A question and the newsroom\'s answer', value: { data: [barrierThread], page: { limit: 20, nextCursor: null } } }] },
    errors: [
      problem('A reader filtering by status', 'forbidden', comments, 'Only moderators filter comments by status; others see approved comments.'),
      notFound(comments, 'No article with this id or slug is visible to you.')
    ]
  },
  createComment: {
    request: [{ summary: 'A top-level comment', value: newComment }, { summary: 'A reply', value: reply }],
    responses: { 201: [{ summary: 'Waiting for moderation', value: { ...pendingFollowUp } }] },
    errors: [
      problem('Comments are off', 'comments_closed', `/v1/articles/${ids.coolingRooms}/comments`, 'Comments are turned off for this article.'),
      problem('Too many comments', 'rate_limited', comments, 'Too many comments; try again in 41 seconds.'),
      invalid('An empty comment', comments, [{ path: 'body/body', message: 'must not be empty' }]),
      notFound(`/v1/articles/${ids.nightBuses}/comments`, 'No article with this id or slug is visible to you.')
    ]
  },
  getComment: {
    responses: { 200: [{ summary: 'An approved reply', value: editorAnswer }] },
    errors: [notFound(`/v1/comments/${ids.spam}`, `No comment with id ${ids.spam} is visible to you.`)]
  },
  updateComment: {
    request: [{ summary: 'A moderator approves', value: approve }, { summary: 'The author fixes a word', value: edit }],
    responses: { 200: [{ summary: 'Approved', value: { ...pendingFollowUp, status: 'approved', updatedAt: '2026-11-21T08:20:00.000Z', version: 2 } }] },
    errors: [
      problem('Too late to edit', 'edit_window_closed', `/v1/comments/${ids.question}`, 'Comments can be edited only in the 15 minutes after posting.'),
      stale(`/v1/comments/${ids.question}`, 'comment', 2),
      notFound(`/v1/comments/${ids.spam}`, `No comment with id ${ids.spam} is visible to you.`),
      problem('Editing a deleted comment', 'conflict', `/v1/comments/${ids.followUp}`, 'A deleted comment cannot be edited.')
    ]
  },
  deleteComment: {
    errors: [
      problem('Someone else\'s comment', 'forbidden', `/v1/comments/${ids.question}`, 'Only the author or a moderator deletes a comment.'),
      notFound(`/v1/comments/${ids.spam}`, `No comment with id ${ids.spam} is visible to you.`),
      stale(`/v1/comments/${ids.question}`, 'comment', 2)
    ]
  },
  listModerationQueue: {
    responses: { 200: [{ summary: 'Two comments waiting', value: { data: [pendingFollowUp, pendingSpam], page: { limit: 20, nextCursor } } }] },
    errors: [missingScope('/v1/comments', 'comments:moderate')]
  },
  moderateComments: {
    request: [{ summary: 'Approve two', value: moderate }, { summary: 'Mark one as spam', value: markSpam }],
    responses: { 200: [{ summary: 'One approved, one already gone', value: { updated: [ids.followUp], unknown: [ids.spam] } }] },
    errors: [
      invalid('No ids', '/v1/comments/moderate', [{ path: 'body/ids', message: 'Too small: expected array to have >=1 items' }]),
      missingScope('/v1/comments/moderate', 'comments:moderate')
    ]
  }
}
