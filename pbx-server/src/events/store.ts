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
  // Zipped by position: the payloads as one JSON array (built from each event's JSON, which the live
  // frames use too, rather than stringified again), each event's recipient ids and unread counts as
  // array literals (no per-event subqueries picking them out of JSON).
  const rows = await tx.query<{ id: unknown }>(
    `INSERT INTO events (recipient_agent_ids, unread_counts, kind, payload, created_at)
     SELECT e.ids::text[], e.unread::int[], e.payload->>'kind', e.payload, $4::timestamptz
     FROM ROWS FROM (json_array_elements($1::text::json), unnest($2::text[]), unnest($3::text[])) WITH ORDINALITY AS e(payload, ids, unread, n)
     ORDER BY e.n
     RETURNING id`,
    [
      `[${events.map(({ json }) => json(null)).join(',')}]`,
      sqlArray(events.map(({ recipients }) => sqlArray(recipients.map((r) => r.agentId)))),
      sqlArray(events.map(({ recipients }) => (recipients.some((r) => r.unread !== null) ? sqlArray(recipients.map((r) => r.unread)) : null))),
      at.toISOString(),
    ],
  );
  // Ids are drawn in insertion order, so ascending ids line up with the input order.
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** One page of an agent's events after a cursor, oldest first, each as the agent's own copy. */
export async function readEventsAfter(db: Queryable, agentId: string, after: number, limit: number): Promise<StoredEvent[]> {
  // The payload as stored (json keeps the text written, migration 032); a recipient's own count set in.
  const rows = await db.query<{ id: unknown; payload: string }>(
    `SELECT e.id, CASE WHEN mine.unread IS NULL THEN e.payload::text
         ELSE jsonb_set(e.payload::jsonb, '{conversation,unreadCount}', to_jsonb(mine.unread))::text END AS payload
     FROM events e, LATERAL (SELECT e.unread_counts[array_position(e.recipient_agent_ids, $1)] AS unread) mine
     WHERE e.recipient_agent_ids @> ARRAY[$1]::text[] AND e.id > $2::int8 ORDER BY e.id LIMIT $3::int`,
    [agentId, String(after), limit],
  );
  return rows.map((row) => ({ cursor: Number(row.id), agentId, json: row.payload }));
}
