import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { webhooks } from '../../db/schema.js'

// The fan-out cursor belongs to the outbox (outbox.repository.ts): the webhook as managed here leaves it out.
const { fannedOutSequence: _sequence, ...recordColumns } = getTableColumns(webhooks)

export type WebhookRecord = Omit<typeof webhooks.$inferSelect, 'fannedOutSequence'>

/** A keyset position in the newest-first list: createdAt and id of the last row seen. */
export type CreatedPosition = [string, string]

export function createWebhooksRepository (db: Db) {
  return {
    findById: (id: string): WebhookRecord | undefined => db.select(recordColumns).from(webhooks).where(eq(webhooks.id, id)).get(),
    insert: (record: WebhookRecord): void => { db.insert(webhooks).values(record).run() },
    /** Writes the changes only if the stored version is still expectedVersion; false when it is not. */
    update: (id: string, expectedVersion: number, changes: Partial<WebhookRecord>): boolean =>
      db.update(webhooks).set(changes).where(and(eq(webhooks.id, id), eq(webhooks.version, expectedVersion))).run().changes === 1,
    delete: (id: string): boolean => db.delete(webhooks).where(eq(webhooks.id, id)).run().changes === 1,
    list: (active: boolean | undefined, before: CreatedPosition | undefined, limit: number): WebhookRecord[] => db.select(recordColumns).from(webhooks)
      .where(and(
        active === undefined ? undefined : eq(webhooks.active, active),
        before === undefined ? undefined : sql`(${webhooks.createdAt}, ${webhooks.id}) < (${before[0]}, ${before[1]})`
      ))
      .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
      .limit(limit)
      .all()
  }
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>
