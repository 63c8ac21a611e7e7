import { z } from 'zod'

// Loose objects: the request keeps every other header; these only document and bound the ones that matter.
export const ConditionalReadHeadersSchema = z.looseObject({
  'if-none-match': z.string().max(1024).optional().meta({ description: 'An ETag from an earlier response: answers 304 when it still matches.' })
})

export const ConditionalWriteHeadersSchema = z.looseObject({
  'if-match': z.string().max(1024).optional().meta({ description: 'The ETag you read. If the resource has changed since, the answer is 412 and nothing is written.' })
})
