import type { Queryable } from '../db/db';
import type { PbxNumber } from '../directory/numbers';
import type { Emit } from '../events/unit-of-work';
import { addMember, findOrCreateLineConversation, updateConversation, type ConversationRecord } from '../conversations/store';
import { appendSystemMessage } from '../conversations/timeline';
import { findGroup, groupRef } from '../directory/groups';
import { type Announcement, type EntryLine, enterGroup } from '../queues/entry';
import { lifecycleText } from '../queues/lifecycle-text';
import { markAssigned, pickAgent } from './assignment';
import type { InboundRoute } from '../directory/inbound-route';
import { addRoutedBot } from '../bots/presence';

/**
 * The first text from a customer to a line (or the first after the last conversation closed):
 * create the conversation and route it by the route in effect (seed 003 "Routing Settings",
 * routing/effective-route.ts). Returns the conversation and what to announce once the text is stored.
 */
export async function startLineConversation(
  db: Queryable,
  emit: Emit,
  number: PbxNumber,
  customerNumber: string,
  route: InboundRoute,
  at: Date,
): Promise<{ conversation: ConversationRecord; announcement: Announcement | null }> {
  const { conversation, created } = await findOrCreateLineConversation(db, {
    type: number.channel,
    didNumber: number.number,
    customerNumber,
    title: customerNumber,
    at,
  });
  // Another transaction created it first: it routed it, too.
  if (!created) return { conversation, announcement: null };
  return applyRoute(db, emit, conversation, route, at);
}

/**
 * Puts a conversation where a route says: its agent as a member, into its group, or its bot in the
 * chat. Also used for a bot's conversation during working hours, which humans take over (seed 003).
 */
export async function applyRoute(
  db: Queryable,
  emit: Emit,
  conversation: ConversationRecord,
  route: InboundRoute,
  at: Date,
): Promise<{ conversation: ConversationRecord; announcement: Announcement | null }> {
  switch (route.type) {
    case 'agent':
      await addMember(db, conversation.id, route.agentId, at);
      return { conversation, announcement: null };
    case 'ring_group':
    case 'queue': {
      const announcement = await enterGroup(db, emit, conversation.id, route.groupId, at, { line: await enteredLine(db, route.groupId), reason: 'routed' });
      return { conversation: { ...conversation, groupId: route.groupId }, announcement };
    }
    case 'bot': {
      const updated = await updateConversation(db, conversation.id, { botId: route.botId });
      await addRoutedBot(db, conversation.id, route.botId, at);
      return { conversation: updated!, announcement: null };
    }
  }
}

/**
 * An open conversation the route in effect takes somewhere else (seed 003), or null: a bot's
 * conversation during working hours goes to the route's queue or ring group (the bot stays in the
 * chat, silent); outside them a bot route brings its bot into the conversation unless it was there
 * already (a bot an agent removed stays removed). An agent route is handled by the caller, which
 * adds a missing agent back for the whole batch at once.
 */
export async function rerouteOpenConversation(
  db: Queryable,
  emit: Emit,
  conversation: ConversationRecord,
  route: InboundRoute,
  at: Date,
): Promise<{ conversation: ConversationRecord; announcement: Announcement | null } | null> {
  return reroutes(conversation, route) ? applyRoute(db, emit, conversation, route, at) : null;
}

/** Does rerouteOpenConversation take this conversation elsewhere under this route? */
export function reroutes(conversation: ConversationRecord, route: InboundRoute): boolean {
  const humansTakeOver = conversation.botId && !conversation.groupId && (route.type === 'queue' || route.type === 'ring_group');
  const botJoins = route.type === 'bot' && conversation.botId !== route.botId;
  return Boolean(humansTakeOver || botJoins);
}

/**
 * A ring group conversation nobody could take when it arrived: each new text tries the strategy
 * again (queues wait for a claim instead). Null when still nobody is available.
 */
export async function retryRingGroupAssignment(db: Queryable, emit: Emit, conversation: ConversationRecord, at: Date): Promise<Announcement | null> {
  const { group, agent } = await pickAgent(db, conversation.groupId!);
  if (!agent) return null;
  const updated = await updateConversation(
    db,
    conversation.id,
    { state: 'assigned', designatedAgentId: agent.id, mentionedAgentId: agent.id, waitingSince: null },
    { state: 'waiting', designatedAgentId: null },
  );
  if (!updated) return null;
  await markAssigned(db, agent.id, at);
  const ref = groupRef(group);
  await appendSystemMessage(db, emit, conversation.id, lifecycleText.assigned(agent), { type: 'queue.assigned', agent, group: ref }, at);
  return { type: 'assigned', conversationId: conversation.id, agentId: agent.id, reason: 'routed' };
}

async function enteredLine(db: Queryable, groupId: string): Promise<EntryLine> {
  const group = await findGroup(db, groupId);
  const ref = groupRef(group!);
  return { body: lifecycleText.entered(ref), event: { type: 'queue.entered', group: ref } };
}
