import Dexie from 'dexie';
import type { ParleyDb, StoredMessage } from './database';
import { threadKeyOf } from './thread-key';

/**
 * The rows the thread of a conversation shows: for a customer's conversation, every message with
 * that phone number, whichever conversation it was in (thread-key.ts). A number with a single
 * conversation reads its timeline index, the same rows.
 */
async function ofConversation(db: ParleyDb, conversationId: string) {
  const conversation = await db.conversations.get(conversationId);
  const thread = conversation ? threadKeyOf(conversation) : null;
  if (conversation?.customerNumber && thread?.startsWith('number:')) {
    const number = conversation.customerNumber;
    const conversations = await db.conversations.where('[customerNumber+activityAt]').between([number, Dexie.minKey], [number, Dexie.maxKey]).count();
    if (conversations > 1) return db.messages.where('[thread+createdAt]').between([thread, Dexie.minKey], [thread, Dexie.maxKey]);
  }
  return db.messages.where('[conversationId+createdAt]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]);
}

/**
 * A slice of one conversation's thread counted back from the newest message: skip `fromEnd`
 * newest rows, take the `limit` before them, return them oldest first. The thread reads its 50,000
 * message history this way, a page at a time for what is on screen, instead of loading it all.
 * Counting from the newest end keeps opening a thread cheap (the newest page needs no skipping),
 * and hidden rows stay in (the thread gives them no height) so positions match the index count.
 */
export async function timelineSlice(db: ParleyDb, conversationId: string, fromEnd: number, limit: number): Promise<StoredMessage[]> {
  const rows = await (await ofConversation(db, conversationId)).reverse().offset(fromEnd).limit(limit).toArray();
  return rows.reverse();
}

/** How many rows the timeline holds, hidden ones included: the thread's scroll height. */
export async function timelineLength(db: ParleyDb, conversationId: string): Promise<number> {
  return (await ofConversation(db, conversationId)).count();
}
