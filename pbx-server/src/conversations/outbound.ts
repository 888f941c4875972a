import type { Queryable } from '../db/db';
import { resolveOutboundRoute } from '../carriers/outbound-route';
import { assertNotOptedOut } from '../compliance/opt-outs';
import type { Channel } from '../directory/numbers';
import type { Emit } from '../events/unit-of-work';
import { ApiError } from '../http/errors';
import type { ConversationRecord, StoredMessage } from './store';
import { appendMessage } from './timeline';

/** A stored outbound text to hand to the dispatcher once its transaction committed. */
export type Outbound = { message: StoredMessage; channel: Channel };

/**
 * Stores a text to a line conversation's customer (status queued), leaving by the number and
 * carrier carriers/outbound-route.ts picks. Refused (403 opted_out) while the customer is opted out
 * of the conversation's number or the one it would leave from, whoever sends it, except the
 * automatic answer to the customer's own STOP/START/HELP (answersKeyword). senderAgentId null marks
 * an automated text (bot, queue timeout). Null when the idempotency key was used before.
 */
export async function appendOutboundText(
  db: Queryable,
  emit: Emit,
  conversation: Pick<ConversationRecord, 'id' | 'type' | 'didNumber' | 'customerNumber'>,
  text: { body: string; senderAgentId: string | null; idempotencyKey: string | null; at: Date; answersKeyword?: boolean },
): Promise<Outbound | null> {
  const { didNumber, customerNumber, type } = conversation;
  if (!didNumber || !customerNumber || (type !== 'sms' && type !== 'whatsapp')) throw new Error(`conversation ${conversation.id} is not a customer thread`);
  const route = await resolveOutboundRoute(db, { didNumber, channel: type, agentId: text.senderAgentId });
  if (!text.answersKeyword) await assertNotOptedOut(db, [didNumber, route.from], customerNumber);
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
 * An automated text (bot reply, the queue's unclaimed reply, a keyword's answer). When the line
 * cannot text (no carrier anywhere) or the customer opted out, it is skipped with a warning: the
 * event that caused it must not fail.
 */
export async function appendAutomatedText(
  db: Queryable,
  emit: Emit,
  conversation: Pick<ConversationRecord, 'id' | 'type' | 'didNumber' | 'customerNumber'>,
  body: string,
  at: Date,
  opts: { answersKeyword?: boolean } = {},
): Promise<Outbound | null> {
  try {
    return await appendOutboundText(db, emit, conversation, { body, senderAgentId: null, idempotencyKey: null, at, ...opts });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    console.warn(`[parley] automated text to ${conversation.customerNumber} not sent: ${err.message}`);
    return null;
  }
}
