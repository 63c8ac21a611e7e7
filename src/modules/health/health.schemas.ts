import { z } from 'zod'

export const LivenessSchema = z.object({
  status: z.literal('ok')
}).meta({ id: 'Liveness', description: 'The process is up and answering.' })

export const ReadinessSchema = z.object({
  status: z.literal('ready'),
  migrations: z.number().int().meta({ description: 'Migrations applied to the database.' })
}).meta({ id: 'Readiness', description: 'The database is open and fully migrated.' })
