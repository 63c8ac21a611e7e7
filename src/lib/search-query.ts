/**
 * Turns what a reader types into a safe FTS5 query. Input is treated as words, never as
 * FTS5 syntax: every word is quoted (so OR, NEAR(, *, -, ^ and column filters are plain
 * text), "double-quoted text" is a phrase, and the last word matches as a prefix unless
 * the input ends with a space, so search-as-you-type works. Words are ANDed.
 * Returns undefined when nothing searchable is left.
 */
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

function quote (text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

export function toFtsQuery (input: string): string | undefined {
  const parts: string[] = []
  const phrasePattern = /"([^"]*)"/g
  let rest = ''
  let lastIndex = 0
  for (const match of input.matchAll(phrasePattern)) {
    rest += `${input.slice(lastIndex, match.index)} `
    lastIndex = (match.index ?? 0) + match[0].length
    const words = (match[1] ?? '').match(wordPattern) ?? []
    if (words.length > 0) parts.push(quote(words.join(' ')))
  }
  const tail = input.slice(lastIndex)
  rest += tail
  const words = rest.match(wordPattern) ?? []
  const prefixLast = words.length > 0 && !/\s$/.test(input) && !/"\s*$/.test(tail) && /[\p{L}\p{N}]$/u.test(input)
  words.forEach((word, index) => {
    parts.push(index === words.length - 1 && prefixLast ? `${quote(word)}*` : quote(word))
  })
  return parts.length === 0 ? undefined : parts.join(' ')
}

/** Whether a query from toFtsQuery matches a word as a prefix (a quoted word followed by `*`). */
export function hasPrefixTerm (match: string): boolean {
  return match.includes('"*')
}

/**
 * The tiers a relevance search ranks, one after the other, each by its own bm25. A query
 * whose last word is still being typed ranks first the articles where that word is whole,
 * then those that only the prefix finds: someone who has typed "council" is shown council
 * before councillors, and someone who has typed "counc" (no such word) gets the prefix
 * matches straight away. It is also what keeps a common whole word fast: ranking every
 * match of a prefix shared by most articles costs several times more than ranking the word.
 */
export function relevanceTiers (match: string): [string] | [string, string] {
  if (!match.endsWith('"*')) return [match]
  const whole = match.slice(0, -1)
  return [whole, `(${match}) NOT (${whole})`]
}
