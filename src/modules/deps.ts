import type { Config } from '../config.js'
import type { Db } from '../db/client.js'
import type { HostLookup } from '../lib/addresses.js'
import type { Clock } from '../lib/clock.js'
import type { CursorCodec } from '../lib/cursor.js'

/** What every module is built from; passed in by buildApp, never imported as a singleton. */
export interface ModuleDeps {
  config: Config
  db: Db
  clock: Clock
  cursors: CursorCodec
  /** How webhook target host names are resolved (the system resolver; tests substitute one). */
  lookupHost: HostLookup
}
