const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character)
}

/** A search snippet with \u0002…\u0003 around matches, as HTML: text escaped, matches in <mark>. */
export function markSnippet (snippet: string): string {
  return escapeHtml(snippet).replaceAll('\u0002', '<mark>').replaceAll('\u0003', '</mark>')
}
