import type BetterSqlite3 from 'better-sqlite3'
import type { Test } from 'tap'

/** A statement as the code ran it: its SQL and the parameters it was given. */
export interface CapturedQuery {
  sql: string
  params: unknown[]
}

/** One row of EXPLAIN QUERY PLAN. */
export interface PlanRow {
  id: number
  parent: number
  detail: string
}

/**
 * Records every statement run with all() on this connection, with its parameters, until the
 * test ends. Statement.all is wrapped on the prototype, so statements prepared (and cached)
 * before the spy are seen too.
 */
export function captureQueries (t: Test, sqlite: BetterSqlite3.Database): CapturedQuery[] {
  const captured: CapturedQuery[] = []
  const prototype = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as BetterSqlite3.Statement<unknown[], unknown>
  const all = prototype.all
  prototype.all = function (this: BetterSqlite3.Statement<unknown[], unknown>, ...params: unknown[]) {
    if (this.database === sqlite) captured.push({ sql: this.source, params })
    return all.apply(this, params)
  }
  t.teardown(() => { prototype.all = all })
  return captured
}

/** SQLite's plan for a captured statement, with the parameters it ran with. */
export function explainQuery (sqlite: BetterSqlite3.Database, query: CapturedQuery): PlanRow[] {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as PlanRow[]
}
