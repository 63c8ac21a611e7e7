import type BetterSqlite3 from 'better-sqlite3'

/**
 * Prepared statements by SQL text, for queries assembled from a few shapes (filters,
 * sorts): each shape is prepared once per connection and reused.
 */
export function createStatementCache (sqlite: BetterSqlite3.Database): (text: string) => BetterSqlite3.Statement {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return (text) => {
    let statement = statements.get(text)
    if (statement === undefined) {
      statement = sqlite.prepare(text)
      statements.set(text, statement)
    }
    return statement
  }
}
