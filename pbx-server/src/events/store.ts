import { sqlArray } from '../db/arrays';
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

/**
 * One row per recipient of events[event]. unread: the recipient's unread count, which its copy of
 * the event's conversation shows (each member sees its own); null: the event as it is.
 */
export type EventRecipient = { agentId: string; event: number; unread: number | null };

/**
 * Inserts every distinct event once and every recipient's row in one statement, cursors in the
 * order given. A recipient's copy differs only by unreadCount, applied when read.
 */
export async function insertEvents(tx: Transaction, events: readonly PbxEvent[], recipients: readonly EventRecipient[], at: Date): Promise<number[]> {
  if (recipients.length === 0) return [];
  const rows = await tx.query<{ id: unknown }>(
    `WITH payloads AS (
       INSERT INTO event_payloads (payload)
       SELECT e.payload FROM jsonb_array_elements($4::text::jsonb) WITH ORDINALITY AS e(payload, n) ORDER BY e.n
       RETURNING id
     ), numbered AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS event FROM payloads
     )
     INSERT INTO events (recipient_agent_id, kind, payload_id, unread_count, created_at)
     SELECT r.agent_id, r.kind, numbered.id, r.unread, $5::timestamptz
     FROM unnest($1::text[], $2::text[], $3::int[], $6::int[]) WITH ORDINALITY AS r(agent_id, kind, event, unread, ord)
     JOIN numbered ON numbered.event = r.event
     ORDER BY r.ord
     RETURNING id`,
    [
      sqlArray(recipients.map((r) => r.agentId)),
      sqlArray(recipients.map((r) => events[r.event]!.kind)),
      sqlArray(recipients.map((r) => r.event)),
      JSON.stringify(events),
      at.toISOString(),
      sqlArray(recipients.map((r) => r.unread)),
    ],
  );
  // Ids are drawn in insertion order, so ascending ids line up with the input order.
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** One page of an agent's events after a cursor, oldest first, each as the agent's own copy. */
export async function readEventsAfter(db: Queryable, agentId: string, after: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: unknown; payload: PbxEvent }>(
    `SELECT e.id, CASE WHEN e.unread_count IS NULL THEN COALESCE(p.payload, e.payload)
         ELSE jsonb_set(COALESCE(p.payload, e.payload), '{conversation,unreadCount}', to_jsonb(e.unread_count)) END AS payload
     FROM events e LEFT JOIN event_payloads p ON p.id = e.payload_id
     WHERE e.recipient_agent_id = $1 AND e.id > $2::int8 ORDER BY e.id LIMIT $3::int`,
    [agentId, String(after), limit],
  );
  return rows.map((row) => ({ cursor: Number(row.id), agentId, event: row.payload }));
}
