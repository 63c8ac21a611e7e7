import slugify from '@sindresorhus/slugify'

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const maxSlugLength = 200

/** A URL-safe slug from any text; falls back to "article" when nothing usable is left. */
export function slugFromText (text: string, fallback = 'article'): string {
  const slug = slugify(text, { lowercase: true, decamelize: false }).slice(0, maxSlugLength - 8).replace(/-+$/, '')
  return slug.length > 0 ? slug : fallback
}

/** Tags are lowercase kebab-case; returns undefined when nothing usable is left. */
export function normaliseTag (tag: string): string | undefined {
  const normalised = slugify(tag, { lowercase: true, decamelize: false })
  return normalised.length > 0 ? normalised : undefined
}
