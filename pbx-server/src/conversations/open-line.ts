import type { Queryable } from '../db/db';
import type { PbxNumber } from '../directory/numbers';
import type { Emit } from '../events/unit-of-work';
import type { AgentView, ConversationView } from '../http/schemas';
import { markAssigned } from '../routing/assignment';
import { addGroupMembers, addMember, findOrCreateLineConversation, updateConversation, type ConversationRecord } from './store';
import { notifyMembers } from './timeline';

/**
 * An agent starts (or joins) the 1:1 thread with a customer on one of its lines. An existing thread
 * is joined with its whole history (seed 003); a new one on a group's line belongs to that group,
 * with the agent designated. Members hear of a new thread; a joining agent's other devices, too.
 */
export async function openLineConversation(
  db: Queryable,
  emit: Emit,
  agent: Pick<AgentView, 'id'>,
  line: PbxNumber,
  customerNumber: string,
  at: Date,
): Promise<{ conversation: ConversationRecord; created: boolean }> {
  const { conversation, created } = await findOrCreateLineConversation(db, {
    type: line.channel,
    didNumber: line.number,
    customerNumber,
    title: customerNumber,
    at,
    createdByAgentId: agent.id,
  });
  const joined = await addMember(db, conversation.id, agent.id, at);
  const route = line.inboundRoute;
  let current = conversation;
  if (created && (route.type === 'queue' || route.type === 'ring_group')) {
    current = (await updateConversation(db, conversation.id, {
      groupId: route.groupId,
      state: 'assigned',
      designatedAgentId: agent.id,
      mentionedAgentId: agent.id,
    }))!;
    await addGroupMembers(db, conversation.id, route.groupId, at);
    await markAssigned(db, agent.id, at);
  }
  if (created || joined) {
    const build = (view: ConversationView) => ({ kind: 'conversation.updated' as const, conversation: view });
    await notifyMembers(db, emit, conversation.id, build, { only: (id) => created || id === agent.id });
  }
  return { conversation: current, created };
}
