import { randomFillSync } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'

export function newId (): string {
  return uuidv7()
}

/**
 * Request ids: 16 random hex characters each. Random bytes are drawn 4 KiB at a time, because
 * one randomBytes(8) call per request cost ~7 µs (a system call each), several percent of a
 * cached read; the ids are for joining logs, not secrets, so a shared pool is fine.
 */
export function createRequestIdGenerator (): () => string {
  const idBytes = 8
  const pool = Buffer.allocUnsafe(512 * idBytes)
  let offset = pool.length
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool)
      offset = 0
    }
    const id = pool.toString('hex', offset, offset + idBytes)
    offset += idBytes
    return id
  }
}
