import { z } from 'zod'

export const FieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Where the problem is: the part of the request and a JSON pointer into it.', example: 'body/title' }),
  message: z.string().meta({ example: 'Too big: expected string to have <=300 characters' })
}).meta({ id: 'FieldError', description: 'One invalid part of a request.' })

export const ProblemSchema = z.object({
  type: z.string().meta({ description: 'A URI naming the kind of problem.', example: 'urn:newsdesk:problem:validation-failed' }),
  title: z.string().meta({ example: 'The request is not valid' }),
  status: z.number().int().meta({ example: 400 }),
  detail: z.string().meta({ example: 'body/title: Too big: expected string to have <=300 characters' }),
  code: z.string().meta({ description: 'Stable machine-readable code; switch on this, not on the title.', example: 'validation_failed' }),
  instance: z.string().optional().meta({ description: 'The request path that produced the problem.', example: '/v1/articles' }),
  requestId: z.string().optional().meta({ description: 'Quote this id when reporting a problem.', example: 'req-1' }),
  errors: z.array(FieldErrorSchema).optional()
}).catchall(z.unknown()).meta({
  id: 'Problem',
  description: 'An RFC 9457 problem details object. Every error the API returns has this shape and the content type application/problem+json.'
})

export type Problem = z.output<typeof ProblemSchema>
