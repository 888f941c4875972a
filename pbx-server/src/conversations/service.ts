import type { Clock } from '../clock';
import type { Db } from '../db/db';
import type { OutboundDispatcher } from '../carriers/dispatcher';
import { routeAgentText } from '../carriers/outbound-route';
import { listSenderNumbers } from '../directory/numbers';
import type { EventWriter } from '../events/unit-of-work';
import { forbidden, invalidField, notFound } from '../http/errors';
import type { AgentView, ConversationView, MessageView } from '../http/schemas';
import { normalizeCustomerNumber, normalizeLineNumber } from '../phone/normalize';
import {
  addMember,
  findConversationForMember,
  findMessageByIdempotencyKey,
  findOrCreateLineConversation,
  insertMessage,
  listConversationsForMember,
  listMessages,
  memberIds,
  messageView,
  recordActivity,
  type StoredMessage,
} from './store';

/** Agent-facing conversation use cases; HTTP handlers stay thin wrappers around these. */
export class ConversationService {
  constructor(
    private readonly deps: { db: Db; events: EventWriter; clock: Clock; dispatcher: OutboundDispatcher },
  ) {}

  /** Find-or-create the agent's 1:1 thread with a customer on one of the agent's lines. */
  async open(agent: AgentView, input: { customerNumber: string; fromNumber?: string }) {
    const customer = normalizeCustomerNumber(input.customerNumber);
    if (!customer) throw invalidField('customerNumber', `${input.customerNumber} is not a valid phone number`);

    const lines = await listSenderNumbers(this.deps.db, agent.id);
    let line = lines[0];
    if (input.fromNumber !== undefined) {
      const wanted = normalizeLineNumber(input.fromNumber);
      if (!wanted) throw invalidField('fromNumber', `${input.fromNumber} is not an E.164 number`);
      line = lines.find((l) => l.number === wanted);
      if (!line) throw forbidden(`${wanted} is not one of your caller IDs`);
    }
    if (!line) throw forbidden('you have no number to send from');
    const chosen = line;

    const at = this.deps.clock.now();
    return this.deps.events.run(async (tx, emit) => {
      const { conversation, created } = await findOrCreateLineConversation(tx, {
        type: chosen.channel,
        didNumber: chosen.number,
        customerNumber: customer,
        title: customer,
        at,
      });
      const joined = await addMember(tx, conversation.id, agent.id, at);
      // Tell the agent's other tabs/devices; existing members already knew the conversation.
      if (joined) await emit([agent.id], { kind: 'conversation.updated', conversation });
      return { conversation, created };
    });
  }

  list(agent: AgentView, limit: number): Promise<ConversationView[]> {
    return listConversationsForMember(this.deps.db, agent.id, limit);
  }

  async get(agent: AgentView, id: string): Promise<ConversationView> {
    const conversation = await findConversationForMember(this.deps.db, id, agent.id);
    // Not a member looks the same as not existing: ids are not secret but contents are.
    if (!conversation) throw notFound('conversation');
    return conversation;
  }

  async messages(agent: AgentView, id: string, page: { before?: string; limit: number }): Promise<MessageView[]> {
    await this.get(agent, id);
    const messages = await listMessages(this.deps.db, id, page);
    if (!messages) throw notFound('message (before)');
    return messages.map(messageView);
  }

  /**
   * Stores an outbound text (queued) and hands it to the carrier after commit. The idempotency key is
   * enforced by a unique index: a repeat returns the original message and sends nothing.
   */
  async send(agent: AgentView, conversationId: string, input: { body: string; idempotencyKey: string }) {
    const at = this.deps.clock.now();
    const outcome = await this.deps.events.run(async (tx, emit) => {
      const earlier = await findMessageByIdempotencyKey(tx, agent.id, input.idempotencyKey);
      if (earlier) return { message: earlier, created: false, channel: null };

      const conversation = await findConversationForMember(tx, conversationId, agent.id);
      if (!conversation) throw notFound('conversation');
      if (!conversation.didNumber || !conversation.customerNumber || (conversation.type !== 'sms' && conversation.type !== 'whatsapp')) {
        throw invalidField('conversationId', 'only SMS and WhatsApp conversations can be texted');
      }
      // Which number and carrier it leaves through; refused (4xx) while the customer is opted out.
      const route = await routeAgentText(tx, {
        didNumber: conversation.didNumber,
        customerNumber: conversation.customerNumber,
        channel: conversation.type,
        agentId: agent.id,
      });
      const message = await insertMessage(tx, {
        conversationId,
        direction: 'outbound',
        body: input.body,
        from: route.from,
        to: conversation.customerNumber,
        status: 'queued',
        senderAgentId: agent.id,
        idempotencyKey: input.idempotencyKey,
        carrier: route.carrier,
        at,
      });
      // Only reachable if another transaction inserted the key after our check (PostgreSQL
      // serializes these through the event-log lock, so this is a belt-and-braces path).
      if (!message) return { message: (await findMessageByIdempotencyKey(tx, agent.id, input.idempotencyKey))!, created: false, channel: null };

      const updated = await recordActivity(tx, conversationId, at, input.body);
      await emit(await memberIds(tx, conversationId), { kind: 'message.created', conversation: updated, message: messageView(message) });
      return { message, created: true, channel: conversation.type };
    });
    if (outcome.created && outcome.channel) this.deps.dispatcher.dispatch(outcome.message as StoredMessage, outcome.channel);
    return { message: messageView(outcome.message), created: outcome.created };
  }
}
