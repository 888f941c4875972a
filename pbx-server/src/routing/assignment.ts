import type { Queryable } from '../db/db';
import { findGroup, listMembers, recordRoundRobinPick, type Group } from '../directory/groups';
import type { AgentRefView } from '../http/schemas';
import { chooseAgent } from './strategies';

/**
 * Picks the next agent of a group by its strategy. The group row is locked until commit, so
 * concurrent picks in one group take turns and round robin never hands two texts to one agent by
 * racing. `excluding` leaves one member out (the agent who just released the conversation).
 */
export async function pickAgent(db: Queryable, groupId: string, excluding?: string): Promise<{ group: Group; agent: AgentRefView | null }> {
  const group = await findGroup(db, groupId, { forUpdate: true });
  if (!group) throw new Error(`group ${groupId} vanished`);
  const members = (await listMembers(db, groupId)).filter((m) => m.agent.id !== excluding);
  const agentId = chooseAgent(group.strategy, members, group.lastAssignedAgentId);
  if (!agentId) return { group, agent: null };
  await recordRoundRobinPick(db, groupId, agentId);
  return { group, agent: members.find((m) => m.agent.id === agentId)!.agent };
}

/** The agent just became designated somewhere: the clock of the longest-idle strategy restarts. */
export async function markAssigned(db: Queryable, agentId: string, at: Date): Promise<void> {
  await db.query('UPDATE agents SET last_assigned_at = $2::timestamptz WHERE id = $1', [agentId, at.toISOString()]);
}
