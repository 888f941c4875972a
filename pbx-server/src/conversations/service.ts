import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import type { Emit, EventWriter } from '../events/unit-of-work';
import { conflict, forbidden, invalidField, notFound } from '../http/errors';
import type { AgentView, ConversationView, MessageView } from '../http/schemas';
import { normalizeCustomerNumber } from '../phone/normalize';
import { listVisibleConversationIds, requireDesignated, requireVisible } from './access';
import { chooseCallerId } from './caller-id';
import { appendOutboundText, type Outbound } from './outbound';
import { relayToExternals } from './relay';
import { openLineConversation } from './open-line';
import {
  findMessageByIdempotencyKey,
  isMember,
  listMessages,
  messageView,
  updateConversation,
  type ConversationRecord,
  type StoredMessage,
} from './store';
import { appendMessage } from './timeline';
import { loadConversationView, loadConversationViews } from './views';

type Deps = { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher };

/** Agent-facing conversation use cases; HTTP handlers stay thin wrappers around these. */
export class ConversationService {
  constructor(private readonly deps: Deps) {}

  /** Find-or-create the 1:1 thread with a customer on one of the agent's lines (see openLineConversation). */
  async open(agent: AgentView, input: { customerNumber: string; fromNumber?: string }) {
    const customer = normalizeCustomerNumber(input.customerNumber);
    if (!customer) throw invalidField('customerNumber', `${input.customerNumber} is not a valid phone number`);
    const line = await chooseCallerId(this.deps.db, agent.id, input.fromNumber);
    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const { conversation, created } = await openLineConversation(tx, emit, agent, line, customer, at);
      return { conversation: await loadConversationView(tx, conversation.id, agent.id), created };
    });
  }

  /** Newest activity first; scope "all" (supervisors and admins) lists every conversation. */
  async list(agent: AgentView, opts: { limit: number; scope: 'mine' | 'all' }): Promise<ConversationView[]> {
    if (opts.scope === 'all' && agent.role === 'agent') throw forbidden('only supervisors and admins list all conversations');
    const ids = await listVisibleConversationIds(this.deps.db, agent, { all: opts.scope === 'all', limit: opts.limit });
    const views = await loadConversationViews(this.deps.db, ids, agent.id);
    return ids.map((id) => views.get(id)!);
  }

  async get(agent: AgentView, id: string): Promise<ConversationView> {
    await requireVisible(this.deps.db, id, agent);
    return loadConversationView(this.deps.db, id, agent.id);
  }

  async messages(agent: AgentView, id: string, page: { before?: string; limit: number }): Promise<MessageView[]> {
    await requireVisible(this.deps.db, id, agent);
    const messages = await listMessages(this.deps.db, id, page);
    if (!messages) throw notFound('message (before)');
    return messages.map(messageView);
  }

  /**
   * Sends a message. Customer threads: stored queued and handed to the carrier after commit; in a
   * group's conversation only its designated agent may reply. Chats between agents: delivered at
   * once; a group chat's external numbers get it as SMS. The idempotency key is enforced by a
   * unique index: a repeat returns the original message and sends nothing.
   */
  async send(agent: AgentView, conversationId: string, input: { body: string; idempotencyKey: string }) {
    const at = this.deps.clock.now();
    const outcome = await this.deps.events.run(async (tx, emit) => {
      const earlier = await findMessageByIdempotencyKey(tx, agent.id, input.idempotencyKey);
      if (earlier) return { message: earlier, created: false, outbound: [] as Outbound[] };
      const conversation = await requireVisible(tx, conversationId, agent);
      await this.requireMaySend(tx, conversation, agent);
      const sent = await this.store(tx, emit, conversation, agent, input, at);
      // Only reachable if another transaction used the key after our check: answer with its message.
      if (!sent) return { message: (await findMessageByIdempotencyKey(tx, agent.id, input.idempotencyKey))!, created: false, outbound: [] };
      if (conversation.idleDeadline) await updateConversation(tx, conversation.id, { idleDeadline: null });
      return { message: sent.message, created: true, outbound: sent.outbound };
    });
    for (const o of outcome.outbound) this.deps.dispatcher.dispatch(o.message, o.channel);
    return { message: messageView(outcome.message), created: outcome.created };
  }

  private async requireMaySend(db: Queryable, conversation: ConversationRecord, agent: AgentView): Promise<void> {
    if (conversation.state === 'closed') throw conflict('the conversation is closed; the customer’s next text starts a new one');
    if (conversation.groupId) return requireDesignated(db, conversation, agent, 'reply to');
    // Supervisors see every conversation but speak only in their own.
    if (!(await isMember(db, conversation.id, agent.id))) throw forbidden('you are not a participant of this conversation');
  }

  private async store(
    tx: Queryable,
    emit: Emit,
    conversation: ConversationRecord,
    agent: AgentView,
    input: { body: string; idempotencyKey: string },
    at: Date,
  ): Promise<{ message: StoredMessage; outbound: Outbound[] } | null> {
    if (conversation.type === 'sms' || conversation.type === 'whatsapp') {
      const text = await appendOutboundText(tx, emit, conversation, { body: input.body, senderAgentId: agent.id, idempotencyKey: input.idempotencyKey, at });
      return text ? { message: text.message, outbound: [text] } : null;
    }
    const message = await appendMessage(tx, emit, {
      conversationId: conversation.id,
      direction: 'outbound',
      body: input.body,
      from: agent.extension,
      to: conversation.type === 'direct' ? await this.otherExtension(tx, conversation.id, agent.id) : '',
      status: 'delivered',
      senderAgentId: agent.id,
      idempotencyKey: input.idempotencyKey,
      carrier: null,
      at,
    });
    if (!message) return null;
    const outbound = conversation.type === 'group' ? await relayToExternals(tx, emit, conversation, message, agent, at) : [];
    return { message, outbound };
  }

  private async otherExtension(db: Queryable, conversationId: string, agentId: string): Promise<string> {
    const rows = await db.query<{ extension: string }>(
      `SELECT a.extension FROM conversation_members m JOIN agents a ON a.id = m.agent_id
       WHERE m.conversation_id = $1 AND m.agent_id <> $2`,
      [conversationId, agentId],
    );
    return rows[0]?.extension ?? '';
  }
}
