import { eq } from 'drizzle-orm'
import type { Db } from './client.js'
import { appSettings } from './schema.js'

/** Small values the database keeps for itself, such as the cursor signing secret. */
export function createSettingsStore (db: Db) {
  return {
    getOrCreate (key: string, create: () => string): string {
      const existing = db.select().from(appSettings).where(eq(appSettings.key, key)).get()
      if (existing !== undefined) return existing.value
      db.insert(appSettings).values({ key, value: create() }).onConflictDoNothing().run()
      return db.select().from(appSettings).where(eq(appSettings.key, key)).get()?.value ?? create()
    }
  }
}
