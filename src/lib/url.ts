/**
 * Canonical form of a source URL, so one article cited under different spellings is one
 * source. Rules (documented in the README):
 * - http and https only; no user name or password;
 * - scheme and host lower-cased, IDN hosts in their ASCII (punycode) form, default ports dropped;
 * - the fragment dropped;
 * - tracking parameters dropped (utm_*, fbclid, gclid, dclid, msclkid, mc_cid, mc_eid, igshid,
 *   _ga), the other parameters kept and sorted by name (stable for equal names);
 * - a trailing slash dropped from any path but the root ("/a/b/" → "/a/b", "/" stays).
 */
const trackingParameters = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', '_ga'])

export class InvalidUrlError extends Error {
  override name = 'InvalidUrlError'
}

export function normaliseUrl (input: string): string {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    throw new InvalidUrlError('is not an absolute URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidUrlError('must be an http or https URL')
  if (url.username !== '' || url.password !== '') throw new InvalidUrlError('must not contain a user name or password')
  if (url.hostname === '') throw new InvalidUrlError('must have a host')
  url.hash = ''
  const kept = [...url.searchParams.entries()].filter(([name]) => !name.toLowerCase().startsWith('utm_') && !trackingParameters.has(name.toLowerCase()))
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  url.search = new URLSearchParams(kept).toString()
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/'
  return url.toString()
}
