import Dexie from 'dexie';
import type { ParleyDb, StoredMessage } from './database';

const ofConversation = (db: ParleyDb, conversationId: string) =>
  db.messages.where('[conversationId+createdAt]').between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]);

/**
 * A slice of one conversation's timeline counted back from the newest message: skip `fromEnd`
 * newest rows, take the `limit` before them, return them oldest first. The thread reads its 50,000
 * message history this way, a page at a time for what is on screen, instead of loading it all.
 * Counting from the newest end keeps opening a thread cheap (the newest page needs no skipping),
 * and hidden rows stay in (the thread gives them no height) so positions match the index count.
 */
export async function timelineSlice(db: ParleyDb, conversationId: string, fromEnd: number, limit: number): Promise<StoredMessage[]> {
  const rows = await ofConversation(db, conversationId).reverse().offset(fromEnd).limit(limit).toArray();
  return rows.reverse();
}

/** How many rows the timeline holds, hidden ones included: the thread's scroll height. */
export function timelineLength(db: ParleyDb, conversationId: string): Promise<number> {
  return ofConversation(db, conversationId).count();
}
