import type { Queryable } from '../db/db';
import { agentLabel } from '../directory/agents';
import { forbidden, notFound } from '../http/errors';
import type { AgentView } from '../http/schemas';
import { toConversationRecord, type ConversationRecord, type ConversationRow } from './store';

/** Supervisors and admins see every conversation (they still act only where the rules let them). */
export const seesEverything = (agent: Pick<AgentView, 'role'>) => agent.role === 'supervisor' || agent.role === 'admin';

/**
 * SQL condition "agent $a (seeing everything: $all) may see conversation c": a member of it, a
 * member of its group or queue, or a supervisor.
 */
export const VISIBLE_TO = (a: string, all: string) => `(${all}::boolean
  OR EXISTS (SELECT 1 FROM conversation_members vm WHERE vm.conversation_id = c.id AND vm.agent_id = ${a})
  OR (c.group_id IS NOT NULL AND EXISTS (SELECT 1 FROM group_members vg WHERE vg.group_id = c.group_id AND vg.agent_id = ${a})))`;

/**
 * The conversation if the agent may see it. Unknown and invisible look the same (404): ids are not
 * secret but contents are. forUpdate locks the row for a state change.
 */
export async function requireVisible(
  db: Queryable,
  id: string,
  agent: Pick<AgentView, 'id' | 'role'>,
  opts: { forUpdate?: boolean } = {},
): Promise<ConversationRecord> {
  const rows = await db.query<ConversationRow>(
    `SELECT c.* FROM conversations c WHERE c.id = $1 AND ${VISIBLE_TO('$2', '$3')}${opts.forUpdate ? ' FOR UPDATE OF c' : ''}`,
    [id, agent.id, seesEverything(agent)],
  );
  if (!rows[0]) throw notFound('conversation');
  return toConversationRecord(rows[0]);
}

/** Ids of the conversations an agent sees, newest activity first. */
export async function listVisibleConversationIds(
  db: Queryable,
  agent: Pick<AgentView, 'id' | 'role'>,
  opts: { all: boolean; limit: number },
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT c.id FROM conversations c WHERE ${VISIBLE_TO('$1', '$2')}
     ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT $3::int`,
    [agent.id, opts.all && seesEverything(agent), opts.limit],
  );
  return rows.map((r) => r.id);
}

/**
 * Group conversations have one owner: only the designated agent replies, transfers, releases or
 * closes. A waiting conversation has none yet: it must be claimed first.
 */
export async function requireDesignated(db: Queryable, conversation: ConversationRecord, agent: Pick<AgentView, 'id'>, action: string): Promise<void> {
  if (conversation.designatedAgentId === agent.id) return;
  if (!conversation.designatedAgentId) throw forbidden(`claim the conversation before you ${action} it`);
  const rows = await db.query<{ extension: string; name: string }>('SELECT extension, name FROM agents WHERE id = $1', [
    conversation.designatedAgentId,
  ]);
  const owner = rows[0] ? agentLabel(rows[0]) : 'another agent';
  throw forbidden(`only the designated agent (${owner}) may ${action} this conversation`);
}
