import type { Queryable } from '../db/db';
import type { AgentView, MessageView } from '../http/schemas';
import { seesEverything, VISIBLE_TO } from '../conversations/access';
import { messageView, toMessage } from '../conversations/store';
import { listCalls, type Call } from './calls';
import { resolveNumber, searchContacts } from './store';

export type HistoryItem = { type: 'call'; at: string; call: Call } | { type: 'message'; at: string; message: MessageView };

/**
 * One contact history per number (seed 003 "Linking Call and SMS/WhatsApp Conversations"): the
 * calls and the texts of every conversation with that number the agent may see, newest first.
 */
export async function historyOf(db: Queryable, agent: AgentView, number: string, limit: number) {
  const calls = await listCalls(db, { agentId: seesEverything(agent) ? null : agent.id, number, limit });
  const rows = await db.query<Parameters<typeof toMessage>[0]>(
    `SELECT m.* FROM messages m JOIN conversations c ON c.id = m.conversation_id
     WHERE c.customer_number = $1 AND c.type IN ('sms', 'whatsapp') AND m.kind = 'text' AND ${VISIBLE_TO('$2', '$3')}
     ORDER BY m.seq DESC LIMIT $4::int`,
    [number, agent.id, seesEverything(agent), limit],
  );
  const items: HistoryItem[] = [
    ...calls.map((call) => ({ type: 'call' as const, at: call.startedAt, call })),
    ...rows.map(toMessage).map((m) => ({ type: 'message' as const, at: m.createdAt, message: messageView(m) })),
  ];
  items.sort((a, b) => b.at.localeCompare(a.at));
  return { number, ...(await resolveNumber(db, number)), items: items.slice(0, limit) };
}

export type Suggestion = { number: string; name: string | null; source: 'phonebook' | 'recent_call' | 'conversation' };

/**
 * Numbers for a "to" field (seed 002 "Contact Search"): the phonebook, the agent's recent calls and
 * its existing conversations, matched on name or digits; one entry per number, phonebook first.
 */
export async function suggestNumbers(db: Queryable, agent: AgentView, q: string, limit: number): Promise<Suggestion[]> {
  const digits = q.replace(/\D/g, '');
  const phonebook = (await searchContacts(db, q, limit)).flatMap((c) => c.numbers.map((n) => ({ number: n.number, name: c.name, source: 'phonebook' as const })));
  const others = await db.query<{ number: string; name: string | null; source: 'recent_call' | 'conversation' }>(
    `SELECT DISTINCT ON (number) number, name, source FROM (
       SELECT l.number, parley_contact_name(l.number) AS name, 'recent_call' AS source, 1 AS rank, l.started_at AS at
       FROM calls l WHERE l.agent_id = $1
       UNION ALL
       SELECT c.customer_number, parley_contact_name(c.customer_number), 'conversation', 2, c.created_at
       FROM conversations c WHERE c.customer_number IS NOT NULL AND ${VISIBLE_TO('$1', '$4')}
       UNION ALL
       SELECT x.number, parley_contact_name(x.number), 'conversation', 2, x.added_at
       FROM conversation_externals x JOIN conversations c ON c.id = x.conversation_id WHERE ${VISIBLE_TO('$1', '$4')}
     ) s
     WHERE ($2 <> '' AND number LIKE '%' || $2 || '%') OR name ILIKE '%' || $3 || '%'
     ORDER BY number, rank, at DESC LIMIT $5::int`,
    [agent.id, digits, q, seesEverything(agent), limit],
  );
  const seen = new Set<string>();
  return [...phonebook, ...others].filter((s) => !seen.has(s.number) && seen.add(s.number)).slice(0, limit);
}
