import type { Queryable } from '../db/db';

/** The two message lookups and writes only carrier bookkeeping needs (everything else is conversations/store.ts). */

/** The outbound message with this id, if it went (or is going) out through this carrier. */
export async function findOutboundMessageOfCarrier(db: Queryable, carrier: string, messageId: string): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM messages WHERE id = $1 AND carrier = $2 AND direction = 'outbound'`,
    [messageId, carrier],
  );
  return rows[0]?.id ?? null;
}

/** Remembers the carrier's id of a message the carrier accepted but has not reported on yet. */
export async function recordCarrierMessageId(db: Queryable, messageId: string, carrierMessageId: string): Promise<void> {
  await db.query('UPDATE messages SET carrier_message_id = $2 WHERE id = $1 AND carrier_message_id IS NULL', [messageId, carrierMessageId]);
}
