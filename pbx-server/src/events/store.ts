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
 * An event and the agents it is for. unread: each recipient's unread count, which its copy of the
 * event's conversation shows (each member sees its own); null: the event as it is.
 */
export type AddressedEvent = {
  event: PbxEvent;
  recipients: readonly { agentId: string; unread: number | null }[];
  /** The event serialized for a recipient's unread count (null: as it is), recipient-json.ts. */
  json: (unread: number | null) => string;
};

/**
 * Inserts every event as one row listing its recipients (migration 012), in one statement; returns
 * each event's cursor, in the order given.
 */
export async function insertEvents(tx: Transaction, events: readonly AddressedEvent[], at: Date): Promise<number[]> {
  if (events.length === 0) return [];
  // One JSON parameter: [event, recipient ids, unread counts or null] per event.
  const rows = await tx.query<{ id: unknown }>(
    `INSERT INTO events (recipient_agent_ids, unread_counts, kind, payload, created_at)
     SELECT ARRAY(SELECT jsonb_array_elements_text(e.item->1)),
       CASE WHEN jsonb_typeof(e.item->2) = 'array' THEN ARRAY(SELECT (u #>> '{}')::int FROM jsonb_array_elements(e.item->2) AS u) END,
       e.item->0->>'kind', e.item->0, $2::timestamptz
     FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS e(item, n) ORDER BY e.n
     RETURNING id`,
    [
      // Built from each event's JSON rather than stringified again: the live frames use the same.
      `[${events
        .map(({ recipients, json }) => {
          const ids = JSON.stringify(recipients.map((r) => r.agentId));
          const unread = recipients.some((r) => r.unread !== null) ? JSON.stringify(recipients.map((r) => r.unread)) : 'null';
          return `[${json(null)},${ids},${unread}]`;
        })
        .join(',')}]`,
      at.toISOString(),
    ],
  );
  // Ids are drawn in insertion order, so ascending ids line up with the input order.
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** One page of an agent's events after a cursor, oldest first, each as the agent's own copy. */
export async function readEventsAfter(db: Queryable, agentId: string, after: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<{ id: unknown; payload: PbxEvent }>(
    `SELECT e.id, CASE WHEN mine.unread IS NULL THEN e.payload
         ELSE jsonb_set(e.payload, '{conversation,unreadCount}', to_jsonb(mine.unread)) END AS payload
     FROM events e, LATERAL (SELECT e.unread_counts[array_position(e.recipient_agent_ids, $1)] AS unread) mine
     WHERE e.recipient_agent_ids @> ARRAY[$1]::text[] AND e.id > $2::int8 ORDER BY e.id LIMIT $3::int`,
    [agentId, String(after), limit],
  );
  return rows.map((row) => ({ cursor: Number(row.id), agentId, json: JSON.stringify(row.payload) }));
}
