import { activityAt, type Conversation } from '../model/conversation';
import type { ParleyDb } from './database';

/**
 * Idempotent: replaying the same conversation twice stores it once, and a stale copy (an older
 * REST snapshot arriving after a newer event) never rolls the preview back.
 */
export async function upsertConversation(db: ParleyDb, conversation: Conversation): Promise<void> {
  await db.transaction('rw', db.conversations, async () => {
    const existing = await db.conversations.get(conversation.id);
    if (existing && activityAt(existing) > activityAt(conversation)) return;
    await db.conversations.put(conversation);
  });
}

/** Newest activity first, conversations without messages sorted by creation. */
export async function listConversations(db: ParleyDb): Promise<Conversation[]> {
  const all = await db.conversations.toArray();
  return all.sort((a, b) => activityAt(b) - activityAt(a));
}

export function getConversation(db: ParleyDb, id: string): Promise<Conversation | undefined> {
  return db.conversations.get(id);
}
