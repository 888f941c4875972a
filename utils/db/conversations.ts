import Dexie from 'dexie';
import type { Conversation } from '../model/conversation';
import type { ParleyDb, StoredConversation } from './database';
import { mergeConversation } from './merge';

/** Idempotent: replaying the same conversation twice stores it once; see mergeConversation. */
export async function upsertConversation(db: ParleyDb, conversation: Conversation): Promise<void> {
  await db.transaction('rw', db.conversations, async () => {
    const merged = mergeConversation(await db.conversations.get(conversation.id), conversation);
    if (merged) await db.conversations.put(merged);
  });
}

/** Newest activity first, straight off the activityAt index. */
export function listConversations(db: ParleyDb): Promise<StoredConversation[]> {
  return db.conversations.orderBy('activityAt').reverse().toArray();
}

export function getConversation(db: ParleyDb, id: string): Promise<StoredConversation | undefined> {
  return db.conversations.get(id);
}

/** The most recently active conversation with a customer number, off the [customerNumber+activityAt] index. */
export function latestConversationWith(db: ParleyDb, customerNumber: string): Promise<StoredConversation | undefined> {
  return db.conversations
    .where('[customerNumber+activityAt]')
    .between([customerNumber, Dexie.minKey], [customerNumber, Dexie.maxKey])
    .last();
}

/** The agent has seen the conversation: its unread count goes back to zero. */
export async function markConversationRead(db: ParleyDb, id: string): Promise<void> {
  await db.conversations.where('id').equals(id).and((row) => row.unread > 0).modify({ unread: 0 });
}

/** Unread inbound messages over all conversations: the toolbar badge and the panel's tab title. */
export async function totalUnread(db: ParleyDb): Promise<number> {
  let total = 0;
  await db.conversations.where('unread').above(0).each((row) => (total += row.unread));
  return total;
}

/** Conversations waiting in an SMS queue for someone to claim them, longest waiting first. */
export async function waitingInQueues(db: ParleyDb): Promise<StoredConversation[]> {
  const rows = await db.conversations.where('state').equals('waiting').toArray();
  return rows
    .filter((row) => row.group?.kind === 'queue')
    .sort((a, b) => (a.waitingSince ?? a.createdAt) - (b.waitingSince ?? b.createdAt));
}

/** The agent left these conversations (a group chat): they go, with their messages and read marks. */
export async function forgetConversations(db: ParleyDb, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.conversations, db.messages, db.receipts], async () => {
    await Promise.all([
      db.conversations.bulkDelete([...ids]),
      db.receipts.where('conversationId').anyOf([...ids]).delete(),
      ...ids.map((id) => db.messages.where('[conversationId+createdAt]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete()),
    ]);
  });
}
