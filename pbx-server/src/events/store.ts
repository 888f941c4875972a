import type { Queryable, Transaction } from '../db/db';
import type { PbxEvent, StoredEvent } from './types';

// Held by every transaction that writes events, from its start until commit (see writeEvents).
const EVENT_WRITER_LOCK_KEY = 7_220_002;

/**
 * Serializes event-writing transactions. Without it, two transactions could take ids 10 and 11 and
 * commit 11 first; a client that saw 11 would then skip 10 forever (cursor > 11). Holding this lock
 * from before any write until commit makes commit order equal id order. Must be the first statement
 * of the transaction so no row locks are held while waiting (no deadlocks).
 */
export async function lockEventLog(tx: Transaction): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_WRITER_LOCK_KEY]);
}

export async function insertEvents(
  tx: Transaction,
  recipients: readonly string[],
  event: PbxEvent,
  at: Date,
): Promise<StoredEvent[]> {
  const stored: StoredEvent[] = [];
  for (const agentId of new Set(recipients)) {
    const rows = await tx.query<{ id: unknown }>(
      `INSERT INTO events (recipient_agent_id, kind, payload, created_at) VALUES ($1, $2, $3::text::jsonb, $4::timestamptz)
       RETURNING id`,
      [agentId, event.kind, JSON.stringify(event), at.toISOString()],
    );
    stored.push({ cursor: Number(rows[0]!.id), agentId, event });
  }
  return stored;
}

/** One page of an agent's events after a cursor, oldest first. */
export async function readEventsAfter(db: Queryable, agentId: string, after: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: unknown; payload: PbxEvent }>(
    `SELECT id, payload FROM events WHERE recipient_agent_id = $1 AND id > $2::int8 ORDER BY id LIMIT $3::int`,
    [agentId, String(after), limit],
  );
  return rows.map((row) => ({ cursor: Number(row.id), agentId, event: row.payload }));
}
