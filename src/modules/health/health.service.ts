import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import { createHealthRepository } from './health.repository.js'

export function createHealthService (deps: { db: Db, expectedMigrations: number }) {
  const repository = createHealthRepository(deps.db)
  return {
    /** Ready means the database answers a query and every committed migration is applied. */
    readiness (): { status: 'ready', migrations: number } {
      let applied: number
      try {
        applied = repository.appliedMigrations()
      } catch (error) {
        throw new AppError('service_unavailable', 'The database does not answer.', { cause: error })
      }
      if (applied < deps.expectedMigrations) {
        throw new AppError('service_unavailable', `The database has ${applied} of ${deps.expectedMigrations} migrations applied.`)
      }
      return { status: 'ready', migrations: applied }
    }
  }
}
