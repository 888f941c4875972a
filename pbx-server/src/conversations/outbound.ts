import type { Queryable } from '../db/db';
import { resolveOutboundRoute, routeAgentText } from '../carriers/outbound-route';
import type { Channel } from '../directory/numbers';
import type { Emit } from '../events/unit-of-work';
import { ApiError } from '../http/errors';
import type { ConversationRecord, StoredMessage } from './store';
import { appendMessage } from './timeline';

/** A stored outbound text to hand to the dispatcher once its transaction committed. */
export type Outbound = { message: StoredMessage; channel: Channel };

/**
 * Stores a text to a line conversation's customer (status queued), leaving by the number and
 * carrier carriers/outbound-route.ts picks. An agent's text is refused (4xx) while the customer is
 * opted out; senderAgentId null marks an automated text (bot, queue timeout), which is not.
 * Null when the idempotency key was used before.
 */
export async function appendOutboundText(
  db: Queryable,
  emit: Emit,
  conversation: Pick<ConversationRecord, 'id' | 'type' | 'didNumber' | 'customerNumber'>,
  text: { body: string; senderAgentId: string | null; idempotencyKey: string | null; at: Date },
): Promise<Outbound | null> {
  const { didNumber, customerNumber, type } = conversation;
  if (!didNumber || !customerNumber || (type !== 'sms' && type !== 'whatsapp')) throw new Error(`conversation ${conversation.id} is not a customer thread`);
  const route = text.senderAgentId
    ? await routeAgentText(db, { didNumber, customerNumber, channel: type, agentId: text.senderAgentId })
    : await resolveOutboundRoute(db, { didNumber, channel: type, agentId: null });
  const message = await appendMessage(db, emit, {
    conversationId: conversation.id,
    direction: 'outbound',
    body: text.body,
    from: route.from,
    to: customerNumber,
    status: 'queued',
    senderAgentId: text.senderAgentId,
    idempotencyKey: text.idempotencyKey,
    carrier: route.carrier,
    at: text.at,
  });
  return message ? { message, channel: route.channel } : null;
}

/**
 * An automated text (bot reply, the queue's unclaimed reply). When the line cannot text (no
 * carrier anywhere) it is skipped with a warning: the event that caused it must not fail.
 */
export async function appendAutomatedText(
  db: Queryable,
  emit: Emit,
  conversation: Pick<ConversationRecord, 'id' | 'type' | 'didNumber' | 'customerNumber'>,
  body: string,
  at: Date,
): Promise<Outbound | null> {
  try {
    return await appendOutboundText(db, emit, conversation, { body, senderAgentId: null, idempotencyKey: null, at });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    console.warn(`[parley] automated text to ${conversation.customerNumber} not sent: ${err.message}`);
    return null;
  }
}
