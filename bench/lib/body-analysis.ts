import type { BodyAnalysis, OutlineEntry } from '../../src/lib/markdown.js'
import { slugFromText } from '../../src/lib/slug.js'
import type { GeneratedBody } from './content.js'

/*
 * analyseBody (markdown-it) costs ~0.5 ms per 6 KB body: 50 s for 100,000 articles, most of
 * the generator's budget. The generator knows its own headings and markup, so it derives the
 * same outline and reading time directly, and checks itself against analyseBody on a sample
 * (every article with --verify-all). Mirrors src/lib/markdown.ts: keep them in step.
 */

const wordsPerMinute = 230
const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const anchorCache = new Map<string, string>()

function anchorBase (text: string): string {
  let anchor = anchorCache.get(text)
  if (anchor === undefined) {
    anchor = slugFromText(text, 'section')
    anchorCache.set(text, anchor)
  }
  return anchor
}

/** The text markdown-it would show a reader: no link targets, no ordered-list numbers. */
function visibleText (markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, ']').replace(/^\d+\. /gm, '')
}

export function deriveAnalysis (body: GeneratedBody): BodyAnalysis {
  const seen = new Map<string, number>()
  const outline: OutlineEntry[] = body.headings.map(({ level, text }) => {
    const base = anchorBase(text)
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return { level, text, anchor: count === 1 ? base : `${base}-${count}` }
  })
  const words = visibleText(body.markdown).match(wordPattern)?.length ?? 0
  return { outline, readingTimeMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)) }
}
