import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';

/** An action's progress in one conversation (migration 020 conversation_actions). */
export type ActionState = {
  conversationId: string;
  actionId: string;
  trigger: { seq: number; at: Date } | null;
  dueAt: Date | null;
  step: number;
  runs: number;
};

type Row = {
  conversation_id: string;
  action_id: string;
  trigger_seq: string | number | null;
  trigger_at: Date | string | null;
  due_at: Date | string | null;
  step: number;
  runs: number;
};

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

const toState = (r: Row): ActionState => ({
  conversationId: r.conversation_id,
  actionId: r.action_id,
  trigger: r.trigger_seq === null ? null : { seq: Number(r.trigger_seq), at: date(r.trigger_at)! },
  dueAt: date(r.due_at),
  step: Number(r.step),
  runs: Number(r.runs),
});

/** Every action state of the conversations, keyed `conversationId|actionId`. */
export async function loadActionStates(db: Queryable, conversationIds: readonly string[]): Promise<Map<string, ActionState>> {
  const rows = await db.query<Row>('SELECT * FROM conversation_actions WHERE conversation_id = ANY($1::text[])', [sqlArray(conversationIds)]);
  return new Map(rows.map((r) => [stateKey(r.conversation_id, r.action_id), toState(r)]));
}

export const stateKey = (conversationId: string, actionId: string) => `${conversationId}|${actionId}`;

/** Locks a due state for this instance; null when another instance has it or it is no longer due. */
export async function lockDueState(db: Queryable, conversationId: string, actionId: string, now: Date): Promise<ActionState | null> {
  const rows = await db.query<Row>(
    `SELECT * FROM conversation_actions WHERE conversation_id = $1 AND action_id = $2 AND due_at <= $3::timestamptz FOR UPDATE SKIP LOCKED`,
    [conversationId, actionId, now.toISOString()],
  );
  return rows[0] ? toState(rows[0]) : null;
}

export async function listDue(db: Queryable, now: Date, limit: number): Promise<{ conversationId: string; actionId: string }[]> {
  const rows = await db.query<{ conversation_id: string; action_id: string }>(
    `SELECT conversation_id, action_id FROM conversation_actions WHERE due_at <= $1::timestamptz ORDER BY due_at LIMIT ${limit}`,
    [now.toISOString()],
  );
  return rows.map((r) => ({ conversationId: r.conversation_id, actionId: r.action_id }));
}

export async function saveActionState(db: Queryable, s: ActionState): Promise<void> {
  await db.query(
    `INSERT INTO conversation_actions (conversation_id, action_id, trigger_seq, trigger_at, due_at, step, runs)
     VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6, $7)
     ON CONFLICT (conversation_id, action_id) DO UPDATE SET trigger_seq = EXCLUDED.trigger_seq, trigger_at = EXCLUDED.trigger_at,
       due_at = EXCLUDED.due_at, step = EXCLUDED.step, runs = EXCLUDED.runs`,
    [s.conversationId, s.actionId, s.trigger?.seq ?? null, s.trigger?.at.toISOString() ?? null, s.dueAt?.toISOString() ?? null, s.step, s.runs],
  );
}

export async function deleteActionState(db: Queryable, conversationId: string, actionId: string): Promise<void> {
  await db.query('DELETE FROM conversation_actions WHERE conversation_id = $1 AND action_id = $2', [conversationId, actionId]);
}

/** The customer's newest text after seq, if any (an action whose conditions failed re-arms from it). */
export async function latestCustomerTextAfter(db: Queryable, conversationId: string, seq: number): Promise<{ seq: number; at: Date } | null> {
  const rows = await db.query<{ seq: string | number; created_at: Date | string }>(
    `SELECT seq, created_at FROM messages WHERE conversation_id = $1 AND seq > $2 AND kind = 'text' AND direction = 'inbound'
     ORDER BY seq DESC LIMIT 1`,
    [conversationId, seq],
  );
  return rows[0] ? { seq: Number(rows[0].seq), at: new Date(rows[0].created_at) } : null;
}
