import { z } from 'zod'

export const defaultPageLimit = 20
export const maxPageLimit = 100

export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(maxPageLimit).default(defaultPageLimit)
    .meta({ description: `Items per page, 1 to ${maxPageLimit}.` }),
  cursor: z.string().min(1).max(2048).optional()
    .meta({ description: 'page.nextCursor from the previous page. Opaque: do not build or edit one.' })
}

export const PageSchema = z.object({
  limit: z.number().int(),
  nextCursor: z.string().nullable().meta({ description: 'Pass as cursor to get the next page; null on the last page.' })
}).meta({ id: 'Page', description: 'Keyset pagination state: following nextCursor visits every item exactly once.' })

export interface Page {
  limit: number
  nextCursor: string | null
}
