import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';
import { findAgentById, agentLabel, agentRef } from '../directory/agents';
import { findGroup, findMember, groupRef, listMembers, type Group } from '../directory/groups';
import type { Emit, EventWriter } from '../events/unit-of-work';
import { conflict, forbidden, invalidField, notFound } from '../http/errors';
import type { AgentView, ConversationView } from '../http/schemas';
import { requireDesignated, requireVisible } from '../conversations/access';
import { addMember, findConversation, updateConversation, type ConversationRecord } from '../conversations/store';
import { appendSystemMessage, notifyMembers } from '../conversations/timeline';
import { loadConversationView } from '../conversations/views';
import { markAssigned } from '../routing/assignment';
import { announce, enterGroup, secondsFrom, type EntryLine } from './entry';
import { lifecycleText } from './lifecycle-text';

/**
 * The queue controls of a group conversation (seed 002 "Queue Conversation Controls", seed 000
 * "Transfer Handler"): claim a waiting one; and, as its designated agent, transfer, release or close.
 */
export class QueueService {
  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock }) {}

  /**
   * Exactly one of any number of concurrent claims wins: the state change is one guarded UPDATE
   * (waiting, nobody designated), and the losers, which waited on the winner's row lock, see it
   * and answer 409 "claimed by Name (ext)".
   */
  claim(agent: AgentView, conversationId: string): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const conversation = await requireVisible(tx, conversationId, agent);
      const group = await this.groupOf(tx, conversation);
      const member = await findMember(tx, group.id, agent.id);
      if (!member) throw forbidden(`you are not a member of ${group.name}`);
      if (!member.loggedIn) throw forbidden(`log in to ${group.name} to claim its conversations`);
      if (member.paused) throw forbidden(`you are paused in ${group.name}`);
      const claimed = await updateConversation(
        tx,
        conversationId,
        {
          state: 'assigned',
          designatedAgentId: agent.id,
          mentionedAgentId: agent.id,
          waitingSince: null,
          unclaimedDeadline: null,
          idleDeadline: group.kind === 'queue' ? secondsFrom(at, group.idleTimeoutSeconds) : null,
        },
        { state: 'waiting', designatedAgentId: null },
      );
      if (!claimed) throw await this.notWaiting(tx, conversationId);
      await markAssigned(tx, agent.id, at);
      const me = agentRef(agent);
      await appendSystemMessage(tx, emit, conversationId, lifecycleText.claimed(me), { type: 'queue.claimed', agent: me, group: groupRef(group) }, at);
      const groupMembers = new Set((await listMembers(tx, group.id)).map((m) => m.agent.id));
      const build = (view: ConversationView) => ({ kind: 'queue.claimed' as const, conversation: view, group: groupRef(group), agent: me });
      await notifyMembers(tx, emit, conversationId, build, { only: (id) => groupMembers.has(id) || id === agent.id });
      return loadConversationView(tx, conversationId, agent.id);
    });
  }

  /** Back to the group: a queue's waiting list (another agent is alerted), a ring group's next agent. */
  release(agent: AgentView, conversationId: string): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const conversation = await this.ownedBy(tx, conversationId, agent, 'release');
      const line = { body: lifecycleText.released(), event: { type: 'queue.released' as const, by: agentRef(agent), reason: 'agent' as const } };
      await this.requeue(tx, emit, conversation, at, line);
      return loadConversationView(tx, conversationId, agent.id);
    });
  }

  /** Done: the customer's next text starts a new conversation (which enters the queue again). */
  close(agent: AgentView, conversationId: string): Promise<ConversationView> {
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      await this.ownedBy(tx, conversationId, agent, 'close');
      await closeConversation(tx, conversationId, at);
      const me = agentRef(agent);
      await appendSystemMessage(tx, emit, conversationId, lifecycleText.closed(me), { type: 'queue.closed', by: me, reason: 'agent' }, at);
      return loadConversationView(tx, conversationId, agent.id);
    });
  }

  /**
   * Hands the conversation to another agent (who becomes designated for the customer's later texts)
   * or to another group (its queue or ring group takes over, picking anyone but the agent who
   * transferred). History stays where it is.
   */
  transfer(agent: AgentView, conversationId: string, target: { agentId?: string; groupId?: string }): Promise<ConversationView> {
    if ((target.agentId === undefined) === (target.groupId === undefined)) throw invalidField('agentId', 'give exactly one of agentId and groupId');
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const conversation = await this.ownedBy(tx, conversationId, agent, 'transfer');
      const by = agentRef(agent);
      if (target.groupId !== undefined) {
        const group = await findGroup(tx, target.groupId);
        if (!group) throw notFound('group');
        if (group.id === conversation.groupId) throw invalidField('groupId', `the conversation is in ${group.name} already`);
        const line = { body: lifecycleText.transferredToGroup(groupRef(group)), event: { type: 'queue.transferred' as const, group: groupRef(group), by } };
        // Handed on, so not back to the agent who transferred it, even as a member of the group.
        await announce(tx, emit, await enterGroup(tx, emit, conversationId, group.id, at, { line, reason: 'transferred', excluding: agent.id }));
      } else {
        const to = await findAgentById(tx, target.agentId!);
        if (!to || !to.active) throw notFound('agent');
        if (to.id === agent.id) throw invalidField('agentId', 'you are the designated agent already');
        const group = await this.groupOf(tx, conversation);
        await updateConversation(tx, conversationId, {
          designatedAgentId: to.id,
          mentionedAgentId: to.id,
          idleDeadline: group.kind === 'queue' ? secondsFrom(at, group.idleTimeoutSeconds) : null,
        });
        await addMember(tx, conversationId, to.id, at);
        await markAssigned(tx, to.id, at);
        const ref = agentRef(to);
        await appendSystemMessage(tx, emit, conversationId, lifecycleText.transferredToAgent(ref), { type: 'queue.transferred', agent: ref, by }, at);
        await announce(tx, emit, { type: 'assigned', conversationId, agentId: to.id, reason: 'transferred' });
      }
      return loadConversationView(tx, conversationId, agent.id);
    });
  }

  /** Shared with the idle timeout: the conversation goes back to its group (see enterGroup). */
  async requeue(
    tx: Queryable,
    emit: Emit,
    conversation: ConversationRecord,
    at: Date,
    line: EntryLine,
  ): Promise<void> {
    const opts = { line, reason: 'routed' as const, excluding: conversation.designatedAgentId ?? undefined };
    await announce(tx, emit, await enterGroup(tx, emit, conversation.id, conversation.groupId!, at, opts));
  }

  /** A visible, open group conversation whose designated agent is this agent (locked for the change). */
  private async ownedBy(tx: Queryable, conversationId: string, agent: AgentView, action: string): Promise<ConversationRecord> {
    const conversation = await requireVisible(tx, conversationId, agent, { forUpdate: true });
    await this.groupOf(tx, conversation);
    if (conversation.state === 'closed') throw conflict('the conversation is closed');
    await requireDesignated(tx, conversation, agent, action);
    return conversation;
  }

  private async groupOf(tx: Queryable, conversation: ConversationRecord): Promise<Group> {
    const group = conversation.groupId ? await findGroup(tx, conversation.groupId) : null;
    if (!group) throw conflict('only ring group and queue conversations have queue controls');
    return group;
  }

  /** Why a claim lost: someone else has it (named), or it is closed. */
  private async notWaiting(tx: Queryable, conversationId: string) {
    const now = await findConversation(tx, conversationId);
    if (now?.state === 'closed') return conflict('the conversation is closed');
    const owner = now?.designatedAgentId ? await findAgentById(tx, now.designatedAgentId) : null;
    return conflict(owner ? `claimed by ${agentLabel(owner)}` : 'the conversation is not waiting to be claimed');
  }
}

/** Closed: out of every list and timer; the (line, customer) pair is free for a new conversation. */
export async function closeConversation(tx: Queryable, conversationId: string, at: Date): Promise<void> {
  await updateConversation(tx, conversationId, { state: 'closed', closedAt: at, waitingSince: null, idleDeadline: null, unclaimedDeadline: null });
}
