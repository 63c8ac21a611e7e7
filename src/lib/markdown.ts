import type markdownItModule from 'markdown-it'
import type { MarkdownIt, Token } from 'markdown-it'
import { onFirstUse } from './on-first-use.js'
import { slugFromText } from './slug.js'

export interface OutlineEntry {
  level: number
  text: string
  anchor: string
}

const wordsPerMinute = 230

const markdownIt = onFirstUse<typeof markdownItModule>('markdown-it')
const parserOptions = { html: false, linkify: true, typographer: false }

/*
 * Raw HTML is disabled and markdown-it's validateLink refuses javascript:, vbscript:,
 * file: and non-image data: URLs, so rendered bodies carry no script. Links open as
 * plain anchors; the frontend decides about target and rel.
 */
function createRenderer (): MarkdownIt {
  const renderer = markdownIt()(parserOptions)
  renderer.core.ruler.push('heading_anchors', (state) => {
    const anchors = anchorAssigner()
    forEachHeading(state.tokens, (open, text) => {
      open.attrSet('id', anchors(text))
    })
  })
  return renderer
}

let renderer: MarkdownIt | undefined
// The same parser without the anchor rule: analysis computes anchors itself, so every
// write parses a body once and slugs its headings once.
let analyser: MarkdownIt | undefined

function forEachHeading (tokens: Token[], visit: (open: Token, text: string, level: number) => void): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token?.type !== 'heading_open') continue
    const inline = tokens[index + 1]
    const text = (inline?.children ?? []).filter((child) => child.type === 'text' || child.type === 'code_inline').map((child) => child.content).join('').trim()
    visit(token, text, Number(token.tag.slice(1)))
  }
}

/** Anchors are unique within one document: repeats get -2, -3, … in order. */
function anchorAssigner (): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = slugFromText(text, 'section')
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  }
}

export interface BodyAnalysis {
  outline: OutlineEntry[]
  readingTimeMinutes: number
}

export function analyseBody (markdown: string): BodyAnalysis {
  analyser ??= markdownIt()(parserOptions)
  const tokens = analyser.parse(markdown, {})
  const outline: OutlineEntry[] = []
  const anchors = anchorAssigner()
  forEachHeading(tokens, (_open, text, level) => {
    outline.push({ level, text, anchor: anchors(text) })
  })
  let words = 0
  for (const token of tokens) {
    if (token.type !== 'inline') continue
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') words += countWords(child.content)
    }
  }
  return { outline, readingTimeMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute)) }
}

function countWords (text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)
  return matches?.length ?? 0
}

export function renderMarkdown (markdown: string): string {
  renderer ??= createRenderer()
  return renderer.render(markdown)
}
