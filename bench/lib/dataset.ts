import { readFileSync } from 'node:fs'

export const defaultDatabasePath = 'bench/data/newsdesk-bench.db'

/** The sidecar JSON the generator writes next to the database (`<db>.json`). */
export interface DatasetInfo {
  seed: number
  /** The day the data's times are relative to. */
  anchor: string
  /** A full-scope admin API token (only its hash is in the database). */
  token: string
  tokenUserId: string
  /** Sign-in session tokens of member users, for posting comments. */
  memberSessions: Array<{ userId: string, token: string }>
  counts: {
    users: number
    /** Sign-in sessions of other users (their secrets are not kept). */
    sessions: number
    articles: number
    articleTags: number
    revisions: number
    sources: number
    citations: number
    relatedLinks: number
    comments: number
    approvedComments: number
    commentsPerArticle: number
    tagVocabulary: number
    byStatus: Record<'published' | 'draft' | 'scheduled' | 'archived', number>
    byOrigin: Record<'human' | 'ai-assisted' | 'ai-generated', number>
  }
  averageBodyBytes: number
  analysisVerifiedOn: number
  databaseBytes: number
  generatedInMs: number
  generatedAt: string
}

export function readDatasetInfo (databasePath: string): DatasetInfo {
  return JSON.parse(readFileSync(`${databasePath}.json`, 'utf8')) as DatasetInfo
}
