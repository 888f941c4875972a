import type { Queryable } from '../db/db';
import { findNumber } from '../directory/numbers';
import type { Emit } from '../events/unit-of-work';
import type { AgentView } from '../http/schemas';
import { openLineConversation } from './open-line';
import { appendOutboundText, type Outbound } from './outbound';
import { externalNumbers, lockConversations, type ConversationRecord, type StoredMessage } from './store';

/**
 * Mixed group chats (seed 002): each external number gets the message as an SMS from the group's
 * line. The copy is stored in the sender's 1:1 thread with that number, because that is where the
 * external's reply lands (not in the group): the reply then has its context.
 */
export async function relayToExternals(
  db: Queryable,
  emit: Emit,
  group: ConversationRecord,
  message: StoredMessage,
  sender: AgentView,
  at: Date,
): Promise<Outbound[]> {
  const numbers = await externalNumbers(db, group.id);
  const line = numbers.length > 0 && group.didNumber ? await findNumber(db, group.didNumber) : null;
  if (!line || !line.messagingEnabled) return [];
  const threads = [];
  for (const number of numbers) threads.push((await openLineConversation(db, emit, sender, line, number, at)).conversation);
  const outbound: Outbound[] = [];
  for (const conversation of await lockConversations(db, threads.map((c) => c.id))) {
    const text = await appendOutboundText(db, emit, conversation, { body: message.body, senderAgentId: sender.id, idempotencyKey: null, at });
    if (text) outbound.push(text);
  }
  return outbound;
}
