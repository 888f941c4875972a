import { sqlArray } from '../db/arrays';
import type { Queryable } from '../db/db';

/*
 * Bots in a conversation (migration 020, seed 003 "Routing to a Bot" and Actions). A bot the route
 * put there is `routed`: it answers out of working hours. An agent may remove any bot; a removed
 * routed bot stays inactive for that conversation for good. An action that sends as a bot adds it
 * back (present again) to keep executing the action, without making it answer again.
 */

export type ConversationBot = { id: string; name: string; routed: boolean; addedAt: string };

export async function addRoutedBot(db: Queryable, conversationId: string, botId: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO conversation_bots (conversation_id, bot_id, routed, added_at) VALUES ($1, $2, true, $3::timestamptz)
     ON CONFLICT DO NOTHING`,
    [conversationId, botId, at.toISOString()],
  );
}

/** The bot is in the conversation to run an action: added, or added back after an agent removed it. */
export async function addActionBot(db: Queryable, conversationId: string, botId: string, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO conversation_bots (conversation_id, bot_id, routed, added_at) VALUES ($1, $2, false, $3::timestamptz)
     ON CONFLICT (conversation_id, bot_id) DO UPDATE SET removed_at = NULL, removed_by_agent_id = NULL,
       added_at = CASE WHEN conversation_bots.removed_at IS NULL THEN conversation_bots.added_at ELSE EXCLUDED.added_at END`,
    [conversationId, botId, at.toISOString()],
  );
}

/** An agent removes a present bot; false when it is not in the conversation. */
export async function removeBot(db: Queryable, conversationId: string, botId: string, agentId: string, at: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE conversation_bots SET routed = false, removed_at = $4::timestamptz, removed_by_agent_id = $3
     WHERE conversation_id = $1 AND bot_id = $2 AND removed_at IS NULL RETURNING bot_id`,
    [conversationId, botId, agentId, at.toISOString()],
  );
  return rows.length > 0;
}

/** The bots that answer customers in each conversation (routed, never removed). */
export async function answeringBots(db: Queryable, conversationIds: readonly string[]): Promise<Map<string, string[]>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db.query<{ conversation_id: string; bot_id: string }>(
    `SELECT conversation_id, bot_id FROM conversation_bots
     WHERE conversation_id = ANY($1::text[]) AND routed AND removed_at IS NULL ORDER BY added_at, bot_id`,
    [sqlArray(conversationIds)],
  );
  const byConversation = new Map<string, string[]>();
  for (const r of rows) byConversation.set(r.conversation_id, [...(byConversation.get(r.conversation_id) ?? []), r.bot_id]);
  return byConversation;
}

/** Bots present in a conversation; a bot deleted from the bot list keeps the name its action gave. */
export async function listConversationBots(db: Queryable, conversationId: string): Promise<ConversationBot[]> {
  const rows = await db.query<{ bot_id: string; name: string | null; routed: boolean; added_at: Date | string }>(
    `SELECT cb.bot_id, b.name, cb.routed, cb.added_at FROM conversation_bots cb LEFT JOIN bots b ON b.id = cb.bot_id
     WHERE cb.conversation_id = $1 AND cb.removed_at IS NULL ORDER BY cb.added_at, cb.bot_id`,
    [conversationId],
  );
  return rows.map((r) => ({ id: r.bot_id, name: r.name ?? 'deleted bot', routed: r.routed, addedAt: new Date(r.added_at).toISOString() }));
}
