import type { Clock } from '../clock';
import type { Db } from '../db/db';
import type { InboundText } from '../carriers/carrier';
import { addMember, findMessageIdByCarrierId, findOrCreateLineConversation, insertMessage, memberIds, messageView, recordActivity } from '../conversations/store';
import { findNumber } from '../directory/numbers';
import type { EventWriter } from '../events/unit-of-work';
import { invalidField } from '../http/errors';
import { normalizeCustomerNumber, normalizeLineNumber } from '../phone/normalize';
import { recipientsFor } from './recipients';

/**
 * The single path for every inbound text, whatever carrier it came from: resolve the number, route
 * it, find-or-create the (line, customer) conversation, store the message and notify members.
 */
export class InboundRouter {
  constructor(private readonly deps: { db: Db; events: EventWriter; clock: Clock }) {}

  async receiveInbound(text: InboundText): Promise<{ messageId: string }> {
    const did = normalizeLineNumber(text.to);
    const number = did ? await findNumber(this.deps.db, did) : null;
    if (!number) throw invalidField('to', `${text.to} is not a number of this PBX`);
    // Carriers may deliver alphanumeric sender ids; keep those verbatim.
    const customer = normalizeCustomerNumber(text.from) ?? text.from;
    const at = this.deps.clock.now();

    return this.deps.events.run(async (tx, emit) => {
      // Carriers retry webhooks; a text we already stored is acknowledged, not duplicated.
      const seen = await findMessageIdByCarrierId(tx, text.carrier, text.carrierMessageId);
      if (seen) return { messageId: seen };

      const { conversation } = await findOrCreateLineConversation(tx, {
        type: number.channel,
        didNumber: number.number,
        customerNumber: customer,
        title: customer,
        at,
      });
      for (const agentId of recipientsFor(number.inboundRoute)) await addMember(tx, conversation.id, agentId, at);
      const message = await insertMessage(tx, {
        conversationId: conversation.id,
        direction: 'inbound',
        body: text.body,
        from: customer,
        to: number.number,
        status: 'received',
        senderAgentId: null,
        idempotencyKey: null,
        carrier: text.carrier,
        carrierMessageId: text.carrierMessageId,
        at,
      });
      const updated = await recordActivity(tx, conversation.id, at, text.body);
      await emit(await memberIds(tx, conversation.id), {
        kind: 'message.created',
        conversation: updated,
        message: messageView(message!),
      });
      return { messageId: message!.id };
    });
  }
}
