/**
 * SQLite failures an operator can fix (disk space, permissions, a stuck writer) rather than
 * bugs: the API answers them with a 503 and stays up. better-sqlite3 sets the extended result
 * code on the error (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE, …), so prefixes are matched.
 */
export type StorageFailure = 'full' | 'read-only' | 'io' | 'busy'

const prefixes: ReadonlyArray<[string, StorageFailure]> = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_CANTOPEN', 'io'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy']
]

export function storageFailureOf (error: unknown): StorageFailure | undefined {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined
  if (typeof code !== 'string') return undefined
  for (const [prefix, failure] of prefixes) {
    if (code === prefix || code.startsWith(`${prefix}_`)) return failure
  }
  return undefined
}
