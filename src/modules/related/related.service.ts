import { createHash } from 'node:crypto'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { etagMatches } from '../../lib/etag.js'
import type { Caller } from '../../lib/access.js'
import type { Clock } from '../../lib/clock.js'
import type { CursorCodec } from '../../lib/cursor.js'
import { toFtsQuery } from '../../lib/search-query.js'
import type { RelatedArticle } from '../articles/articles.schemas.js'
import { createArticlesService } from '../articles/articles.service.js'
import { createRelatedRepository } from './related.repository.js'

export interface RelatedServiceDeps {
  db: Db
  clock: Clock
  cursors: CursorCodec
}

/** Suggestion weights: a shared source says more than a shared tag. */
const weights = { source: 3, tag: 1, text: 2 }
const candidatesPerTag = 200
const textCandidates = 50
/** Below this many text matches a looser query is tried. */
const enoughTextMatches = 10
/** The title's and dek's least common words go into text queries this many at a time, twice at most. */
const rareWordCount = 3
const rareWordWindows = 2
const frequencyCacheSize = 20_000
const frequencyCacheMs = 10 * 60 * 1000

/** A word as an FTS5 string: quoted, so it is never read as syntax. */
function quoteWord (word: string): string {
  return toFtsQuery(`${word} `) ?? '""'
}

export interface RelatedList {
  data: RelatedArticle[]
  etag: string
}

export function createRelatedService (deps: RelatedServiceDeps) {
  const repository = createRelatedRepository(deps.db)
  const articles = createArticlesService(deps)
  const transaction = <T>(work: () => T): T => deps.db.$client.transaction(work).immediate()

  function checkTargets (id: string, targets: readonly string[], pathOf: (index: number) => string): void {
    targets.forEach((target, index) => {
      if (target === id) throw new AppError('validation_failed', 'An article cannot be related to itself.', { errors: [{ path: pathOf(index), message: 'is the article itself' }] })
      if (targets.indexOf(target) !== index) throw new AppError('validation_failed', `Article ${target} is in the list twice.`, { errors: [{ path: pathOf(index), message: 'is already in the list' }] })
    })
    const existing = repository.existingArticleIds(targets)
    const missing = targets.filter((target) => !existing.has(target))
    if (missing.length > 0) throw new AppError('not_found', `No article has id ${missing.join(', ')}.`, { extensions: { missingIds: missing } })
  }

  /**
   * The list's entity tag: a digest of what the caller is shown (targets, their order and
   * their summaries), so a link change or an edit of a target both make cached copies stale.
   * Links do not change the article's own version, so the list has a tag of its own.
   */
  function listEtag (data: readonly RelatedArticle[]): string {
    const digest = createHash('sha256').update(JSON.stringify(data)).digest('base64url')
    return `"l-${digest.slice(0, 22)}"`
  }

  /** If-Match on a list write: a tag other than the list's current one is a 412 and nothing is written. */
  function checkIfMatch (id: string, caller: Caller | undefined, ifMatch: string | undefined): void {
    if (ifMatch === undefined) return
    const current = listEtag(articles.related(id, caller))
    if (!etagMatches(ifMatch, current)) {
      throw new AppError('precondition_failed', 'The related list has changed since you read it; re-read it and apply your change again.', { extensions: { currentEtag: current } })
    }
  }

  function withEtag (id: string, caller: Caller | undefined): RelatedList {
    const data = articles.related(id, caller)
    return { data, etag: listEtag(data) }
  }

  // Document frequencies change slowly and cost a count over the index each: kept for ten
  // minutes, per app, for at most frequencyCacheSize words (oldest dropped first).
  const frequencies = new Map<string, { documents: number, expires: number }>()
  function documentFrequency (word: string, now: string): number {
    const at = Date.parse(now)
    const cached = frequencies.get(word)
    if (cached !== undefined && cached.expires > at) return cached.documents
    const documents = repository.documents(quoteWord(word))
    frequencies.delete(word)
    if (frequencies.size >= frequencyCacheSize) frequencies.delete(frequencies.keys().next().value ?? '')
    frequencies.set(word, { documents, expires: at + frequencyCacheMs })
    return documents
  }

  /**
   * Text similarity, "more like this" style: the least common words of this article's title
   * and dek that at least one other article also uses (common words match half the archive
   * and say nothing), three at a time: all three required, then the two rarest, then any of
   * the three, until enough published candidates are found; then the next three. Each
   * candidate scores weights.text × its bm25 relative to the best match of that query × 1,
   * 0.8 or 0.6 for how strict the query was.
   */
  function textSimilarity (title: string, dek: string, now: string, excluded: ReadonlySet<string>): Map<string, number> {
    const words = [...new Set((`${title} ${dek}`.match(/[\p{L}\p{N}]{3,}/gu) ?? []).map((word) => word.toLowerCase()))].slice(0, 24)
    const rare = words
      .map((word, order) => ({ word, order, documents: documentFrequency(word, now) }))
      .filter((entry) => entry.documents >= 2)
      .sort((a, b) => a.documents - b.documents || a.order - b.order)
      .slice(0, rareWordCount * rareWordWindows)
      .map((entry) => quoteWord(entry.word))
    const scores = new Map<string, number>()
    const tried = new Set<string>()
    for (let start = 0; start < rare.length && scores.size < enoughTextMatches; start += rareWordCount) {
      const window = rare.slice(start, start + rareWordCount)
      for (const query of [{ match: window.join(' '), strictness: 1 }, { match: window.slice(0, 2).join(' '), strictness: 0.8 }, { match: window.join(' OR '), strictness: 0.6 }]) {
        if (tried.has(query.match)) continue
        tried.add(query.match)
        const matches = repository.textMatches(query.match, now, textCandidates).filter((row) => !excluded.has(row.id))
        const best = Math.min(...matches.map((row) => row.rank), -Number.EPSILON)
        for (const row of matches) scores.set(row.id, Math.max(scores.get(row.id) ?? 0, weights.text * query.strictness * (row.rank / best)))
        if (scores.size >= enoughTextMatches) break
      }
    }
    return scores
  }

  function linkBack (from: string, to: string): void {
    const back = repository.links(from)
    if (!back.includes(to)) repository.replace(from, [...back, to])
  }

  return {
    list (id: string, caller: Caller | undefined): RelatedList {
      articles.assertVisible(id, caller)
      return withEtag(id, caller)
    },

    replace (id: string, articleIds: readonly string[], reciprocal: boolean, caller: Caller | undefined, ifMatch?: string): RelatedList {
      transaction(() => {
        articles.assertWritable(id, caller)
        checkIfMatch(id, caller, ifMatch)
        checkTargets(id, articleIds, (index) => `body/articleIds/${index}`)
        repository.replace(id, articleIds)
        if (reciprocal) articleIds.forEach((target) => linkBack(target, id))
      })
      return withEtag(id, caller)
    },

    attach (id: string, input: { articleId: string, position?: number | undefined, reciprocal: boolean }, caller: Caller | undefined, ifMatch?: string): RelatedList {
      transaction(() => {
        articles.assertWritable(id, caller)
        checkIfMatch(id, caller, ifMatch)
        checkTargets(id, [input.articleId], () => 'body/articleId')
        const current = repository.links(id)
        if (current.includes(input.articleId)) throw new AppError('already_related', 'The article already links to that article.', { extensions: { relatedId: input.articleId } })
        const at = Math.min(Math.max((input.position ?? current.length + 1) - 1, 0), current.length)
        repository.replace(id, [...current.slice(0, at), input.articleId, ...current.slice(at)])
        if (input.reciprocal) linkBack(input.articleId, id)
      })
      return withEtag(id, caller)
    },

    remove (id: string, relatedId: string, reciprocal: boolean, caller: Caller | undefined, ifMatch?: string): void {
      transaction(() => {
        articles.assertWritable(id, caller)
        checkIfMatch(id, caller, ifMatch)
        const current = repository.links(id)
        if (!current.includes(relatedId)) throw new AppError('not_found', `Article ${id} does not link to ${relatedId}.`)
        repository.replace(id, current.filter((target) => target !== relatedId))
        if (reciprocal) {
          const back = repository.links(relatedId)
          if (back.includes(id)) repository.replace(relatedId, back.filter((target) => target !== id))
        }
      })
    },

    /**
     * Candidates not yet linked, from three signals: sources both articles cite (3 each),
     * tags they share (1 each), and how strongly this article's title and dek match the
     * candidate in the full-text index (0 to 2, relative to the best match). Best first.
     */
    suggestions (id: string, caller: Caller | undefined, limit: number) {
      const article = articles.get(id, caller)
      const now = deps.clock().toISOString()
      const excluded = new Set([id, ...repository.links(id)])
      const candidates = new Map<string, { sharedSources: Set<string>, sharedTags: Set<string>, text: number }>()
      const candidate = (candidateId: string) => {
        let entry = candidates.get(candidateId)
        if (entry === undefined) {
          entry = { sharedSources: new Set(), sharedTags: new Set(), text: 0 }
          candidates.set(candidateId, entry)
        }
        return entry
      }
      for (const { id: other, sourceId } of repository.sharedSources(id)) if (!excluded.has(other)) candidate(other).sharedSources.add(sourceId)
      for (const tag of repository.tagsOf(id)) {
        for (const other of repository.recentWithTag(tag, now, candidatesPerTag)) if (!excluded.has(other)) candidate(other).sharedTags.add(tag)
      }
      for (const [other, score] of textSimilarity(article.title, article.dek, now, excluded)) candidate(other).text = score
      // Scores for every candidate (often over a thousand), reasons only for those shown.
      const ranked = [...candidates.entries()]
        .map(([candidateId, signals]) => ({
          id: candidateId,
          signals,
          score: Math.round((weights.source * signals.sharedSources.size + weights.tag * signals.sharedTags.size + signals.text) * 1e4) / 1e4
        }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      const reasonsOf = (signals: typeof ranked[number]['signals']) => ({
        sharedTags: [...signals.sharedTags].sort(),
        sharedSources: [...signals.sharedSources].sort(),
        textSimilarity: Math.round(signals.text * 1e4) / 1e4
      })
      // Candidates can be unpublished (sources and tags are shared with drafts): keep only
      // what the public sees, reading summaries in batches until the page is full.
      const data: Array<{ article: ReturnType<typeof articles.summaries>[number], score: number, reasons: ReturnType<typeof reasonsOf> }> = []
      for (let start = 0; start < ranked.length && data.length < limit; start += limit * 3) {
        const batch = ranked.slice(start, start + limit * 3)
        const summaries = new Map(articles.summaries(batch.map((entry) => entry.id)).filter((summary) => summary.status === 'published').map((summary) => [summary.id, summary]))
        for (const entry of batch) {
          const summary = summaries.get(entry.id)
          if (summary !== undefined && data.length < limit) data.push({ article: summary, score: entry.score, reasons: reasonsOf(entry.signals) })
        }
      }
      return { data }
    }
  }
}
