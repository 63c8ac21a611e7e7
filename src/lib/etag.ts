/** True when an If-None-Match or If-Match header lists the given entity tag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function etagMatches (header: string, etag: string): boolean {
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque)
}
