import type { Queryable } from '../db/db';
import { groupRef, isAvailable, listMembers } from '../directory/groups';
import type { Emit } from '../events/unit-of-work';
import type { ConversationView, GroupRefView, SystemEvent } from '../http/schemas';
import { appendSystemMessage, notifyMembers } from '../conversations/timeline';
import { addGroupMembers, updateConversation } from '../conversations/store';
import { markAssigned, pickAgent } from '../routing/assignment';
import { lifecycleText } from './lifecycle-text';

/** What to tell whom once the conversation's view is final (after the text that caused it is stored). */
export type Announcement =
  | { type: 'waiting'; conversationId: string; group: GroupRefView }
  | { type: 'assigned'; conversationId: string; agentId: string; reason: 'routed' | 'transferred' };

export const secondsFrom = (at: Date, seconds: number | null) => (seconds === null ? null : new Date(at.getTime() + seconds * 1000));

/** The lifecycle line that says why the conversation (re-)entered its group. */
export type EntryLine = { body: string; event: SystemEvent };

/**
 * Hands a conversation to a ring group or SMS queue (seed 000/001, 002). Every member of the group
 * joins it and sees its history. A ring group designates an agent by its strategy (the @mention);
 * with nobody available the conversation waits and can be claimed. A queue puts it on its waiting
 * list, alerts the agent its strategy picks, and arms the unclaimed timeout. `excluding` is left
 * out of the pick (the agent who just gave the conversation back).
 */
export async function enterGroup(
  db: Queryable,
  emit: Emit,
  conversationId: string,
  groupId: string,
  at: Date,
  opts: { line: EntryLine; reason: 'routed' | 'transferred'; excluding?: string },
): Promise<Announcement> {
  await addGroupMembers(db, conversationId, groupId, at);
  const { group, agent } = await pickAgent(db, groupId, opts.excluding);
  const ref = groupRef(group);
  const designate = group.kind === 'ring_group' ? agent : null;
  await updateConversation(db, conversationId, {
    groupId,
    state: designate ? 'assigned' : 'waiting',
    designatedAgentId: designate?.id ?? null,
    mentionedAgentId: agent?.id ?? null,
    waitingSince: designate ? null : at,
    idleDeadline: null,
    unclaimedDeadline: group.kind === 'queue' ? secondsFrom(at, group.unclaimedTimeoutSeconds) : null,
  });
  await appendSystemMessage(db, emit, conversationId, opts.line.body, opts.line.event, at);
  if (!designate) return { type: 'waiting', conversationId, group: ref };
  await markAssigned(db, designate.id, at);
  await appendSystemMessage(db, emit, conversationId, lifecycleText.assigned(designate), { type: 'queue.assigned', agent: designate, group: ref }, at);
  return { type: 'assigned', conversationId, agentId: designate.id, reason: opts.reason };
}

/** queue.waiting to the group's available members, or conversation.assigned to the designated agent. */
export async function announce(db: Queryable, emit: Emit, a: Announcement): Promise<void> {
  if (a.type === 'assigned') {
    const build = (conversation: ConversationView) => ({ kind: 'conversation.assigned' as const, conversation, reason: a.reason });
    await notifyMembers(db, emit, a.conversationId, build, { only: (id) => id === a.agentId });
    return;
  }
  const available = new Set((await listMembers(db, a.group.id)).filter(isAvailable).map((m) => m.agent.id));
  const build = (conversation: ConversationView) => ({ kind: 'queue.waiting' as const, conversation, group: a.group });
  await notifyMembers(db, emit, a.conversationId, build, { only: (id) => available.has(id) });
}
