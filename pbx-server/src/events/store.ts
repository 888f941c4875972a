import type { Queryable, Transaction } from '../db/db';
import type { PbxEvent, StoredEvent } from './types';

// Held by every transaction that writes events, from its last statement before the events until commit.
const EVENT_WRITER_LOCK_KEY = 7_220_002;

/**
 * Serializes the tail of event-writing transactions. Without it, two transactions could take ids 10
 * and 11 and commit 11 first; a client that saw 11 would then skip 10 forever (cursor > 11). Taking
 * this lock right before inserting the events and holding it until commit makes commit order equal
 * id order. It is taken last, and nothing but the events insert runs after it, so a holder never
 * waits for a lock another waiter holds (no deadlocks) and it is held for one statement plus commit.
 */
export async function lockEventLog(tx: Transaction): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_WRITER_LOCK_KEY]);
}

export type AddressedEvent = { agentId: string; event: PbxEvent };

/** Inserts all events in one statement; cursors follow the order given. */
export async function insertEvents(tx: Transaction, events: readonly AddressedEvent[], at: Date): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const rows = await tx.query<{ id: unknown }>(
    `INSERT INTO events (recipient_agent_id, kind, payload, created_at)
     SELECT e.value->>'agentId', e.value->'event'->>'kind', e.value->'event', $2::timestamptz
     FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS e(value, ord)
     ORDER BY e.ord
     RETURNING id`,
    [JSON.stringify(events), at.toISOString()],
  );
  // Ids are drawn in insertion order, so ascending ids line up with the input order.
  const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  return events.map((e, i) => ({ cursor: ids[i]!, agentId: e.agentId, event: e.event }));
}

/** One page of an agent's events after a cursor, oldest first. */
export async function readEventsAfter(db: Queryable, agentId: string, after: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: unknown; payload: PbxEvent }>(
    `SELECT id, payload FROM events WHERE recipient_agent_id = $1 AND id > $2::int8 ORDER BY id LIMIT $3::int`,
    [agentId, String(after), limit],
  );
  return rows.map((row) => ({ cursor: Number(row.id), agentId, event: row.payload }));
}
