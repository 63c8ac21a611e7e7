import type { z } from 'zod'
import { AppError, type FieldError } from '../../errors.js'
import { MalformedLine } from '../../lib/ndjson.js'
import { normaliseTags } from '../articles/articles.model.js'
import type { Article, ArticlePatch } from '../articles/articles.schemas.js'
import type { CitationRef } from '../sources/sources.repository.js'
import type { Source, SourcePatch } from '../sources/sources.schemas.js'
import {
  ImportArticleSchema,
  ImportCommentSchema,
  ImportSourceSchema,
  type ImportArticle,
  type ImportComment,
  type ImportItemType,
  type ImportSource
} from './transfer.schemas.js'

/*
 * The import's pure rules: reading one item, and comparing it with what is stored so an
 * item that would change nothing is reported unchanged and writes nothing.
 */

export type ParsedItem =
  | { type: 'article', item: ImportArticle, present: ReadonlySet<string> }
  | { type: 'source', item: ImportSource, present: ReadonlySet<string> }
  | { type: 'comment', item: ImportComment, present: ReadonlySet<string> }

const serverOwnedFields = new Set(['version', 'createdAt', 'updatedAt'])

function fieldErrors (issues: readonly z.core.$ZodIssue[], base: string): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = [base, ...issue.path.map(String)].join('/')
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: `${path}/${key}`,
        message: serverOwnedFields.has(key) ? `"${key}" is set by the server and cannot be imported` : `"${key}" is not a known field`
      }))
    }
    return [{ path, message: issue.message }]
  })
}

function invalid (errors: FieldError[]): AppError {
  return new AppError('validation_failed', errors.map((error) => `${error.path}: ${error.message}`).join('; '), { errors })
}

/** Validates one item of the body on its own, so that one bad item cannot refuse the others. */
export function parseItem (entry: unknown): ParsedItem {
  // Paths name fields of the item as if it were the whole body; atIndex places them in the import.
  const base = 'body'
  if (entry instanceof MalformedLine) throw new AppError('invalid_json', `Line ${entry.line} is not valid JSON: ${entry.message}`)
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw invalid([{ path: base, message: 'must be a JSON object' }])
  const present = new Set(Object.keys(entry))
  const type = (entry as { type?: unknown }).type ?? 'article'
  const parse = <T>(schema: z.ZodType<T>): T => {
    const result = schema.safeParse(entry)
    if (!result.success) throw invalid(fieldErrors(result.error.issues, base))
    return result.data
  }
  switch (type) {
    case 'article': return { type: 'article', item: parse(ImportArticleSchema), present }
    case 'source': return { type: 'source', item: parse(ImportSourceSchema), present }
    case 'comment': return { type: 'comment', item: parse(ImportCommentSchema), present }
    default: throw invalid([{ path: `${base}/type`, message: 'must be article, source or comment' }])
  }
}

/** What kind of item an entry claims to be, for reporting an item that failed validation. */
export function claimedType (entry: unknown): ImportItemType | undefined {
  if (entry === null || typeof entry !== 'object' || entry instanceof MalformedLine) return undefined
  const type = (entry as { type?: unknown }).type ?? 'article'
  return type === 'article' || type === 'source' || type === 'comment' ? type : undefined
}

/** Errors of the write path name fields of one article body; in an import they belong to an item. */
export function atIndex (error: AppError, index: number): AppError {
  if (error.errors === undefined) return error
  const errors = error.errors.map((entry) => ({ ...entry, path: entry.path.startsWith('body/') ? `body/${index}/${entry.path.slice(5)}` : entry.path === 'body' ? `body/${index}` : entry.path }))
  return new AppError(error.code, error.message.replaceAll(/\bbody\//g, `body/${index}/`), { errors, extensions: error.extensions, headers: error.headers, cause: error })
}

const iso = (value: string | null | undefined): string | null => value === undefined || value === null ? null : new Date(value).toISOString()

function sameCitations (a: readonly CitationRef[], b: readonly CitationRef[]): boolean {
  return a.length === b.length && a.every((ref, position) => ref.sourceId === b[position]?.sourceId && ref.note === b[position]?.note)
}

/**
 * The changes an article line asks of an existing article: only fields the line carries,
 * only where they differ. publishedAt null on a published line means "whenever it was
 * published" (as on create, where it means now), so importing it again changes nothing.
 */
export function articleChanges (current: Article, currentCitations: readonly CitationRef[], item: ImportArticle, present: ReadonlySet<string>, citations: readonly CitationRef[] | undefined): ArticlePatch {
  const patch: ArticlePatch = {}
  if (present.has('title') && item.title !== current.title) patch.title = item.title
  if (present.has('dek') && item.dek !== current.dek) patch.dek = item.dek
  if (present.has('body') && item.body !== current.body) patch.body = item.body
  if (present.has('status') && item.status !== current.status) patch.status = item.status
  if (present.has('commentsEnabled') && item.commentsEnabled !== current.commentsEnabled) patch.commentsEnabled = item.commentsEnabled
  if (present.has('byline') && (item.byline ?? null) !== current.byline) patch.byline = item.byline ?? null
  if (present.has('disclosure') && (item.disclosure ?? null) !== current.disclosure) patch.disclosure = item.disclosure ?? null
  if (present.has('tags') && normaliseTags(item.tags).join('\n') !== current.tags.join('\n')) patch.tags = item.tags
  if (present.has('provenance') && (item.provenance.origin !== current.provenance.origin || (item.provenance.model ?? null) !== current.provenance.model)) {
    patch.provenance = item.provenance
  }
  if (present.has('publishedAt')) {
    const status = patch.status ?? current.status
    const keepPublication = item.publishedAt === null && status === 'published' && current.status === 'published'
    const publishedAt = iso(item.publishedAt)
    if (!keepPublication && publishedAt !== current.publishedAt) patch.publishedAt = publishedAt
  }
  if (citations !== undefined && !sameCitations(citations, currentCitations)) {
    patch.sources = citations.map((ref) => ({ sourceId: ref.sourceId, note: ref.note }))
  }
  return patch
}

const sourceFields = ['title', 'publisher', 'author', 'language', 'notes', 'contentHash', 'archivedUrl'] as const

/** The changes a source line asks of an existing source, as articleChanges does for articles. */
export function sourceChanges (current: Source, item: ImportSource, present: ReadonlySet<string>): SourcePatch {
  const patch: SourcePatch = {}
  for (const field of sourceFields) {
    const value = item[field] ?? null
    if (present.has(field) && value !== current[field]) Object.assign(patch, { [field]: value })
  }
  for (const field of ['publishedAt', 'accessedAt'] as const) {
    const value = iso(item[field])
    if (present.has(field) && value !== current[field]) patch[field] = value
  }
  return patch
}
