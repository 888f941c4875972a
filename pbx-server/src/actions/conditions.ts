import type { Queryable } from '../db/db';
import type { ActionCondition } from './action-schema';

/** The customer text an action's conditions are measured from. */
export type Trigger = { seq: number; at: Date };

// Texts only (system lines are neither replies nor activity); automated texts (no agent) neither.
const QUERIES: Record<ActionCondition['type'], string> = {
  // No agent replied within the window.
  no_reply: `SELECT NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND seq > $2 AND created_at <= $3::timestamptz
      AND kind = 'text' AND direction = 'outbound' AND sender_agent_id IS NOT NULL) AS holds`,
  // No text from the customer or an agent within the window.
  no_activity: `SELECT NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND seq > $2 AND created_at <= $3::timestamptz
      AND kind = 'text' AND (direction = 'inbound' OR sender_agent_id IS NOT NULL)) AS holds`,
  // No member has read up to the text. Checked at the window's end (the scheduler's job), so any
  // read recorded by then happened within it.
  not_read: `SELECT NOT EXISTS (SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND last_read_seq >= $2) AS holds`,
};

/** Did the condition hold over its window, trigger.at .. trigger.at + seconds? */
export async function conditionHolds(db: Queryable, conversationId: string, condition: ActionCondition, trigger: Trigger): Promise<boolean> {
  const windowEnd = new Date(trigger.at.getTime() + condition.seconds * 1000);
  const params = condition.type === 'not_read' ? [conversationId, trigger.seq] : [conversationId, trigger.seq, windowEnd.toISOString()];
  const rows = await db.query<{ holds: boolean }>(QUERIES[condition.type], params);
  return rows[0]!.holds;
}

/** Conditions in the order their windows end (the order the scheduler checks them). */
export const byDeadline = (conditions: readonly ActionCondition[]) => [...conditions].sort((a, b) => a.seconds - b.seconds);
