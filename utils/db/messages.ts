import Dexie from 'dexie';
import type { Message } from '../model/message';
import type { ParleyDb, StoredMessage } from './database';
import { mergeMessage, withWords } from './merge';
import { threadKeyOf } from './thread-key';

/** One conversation's messages, oldest first, straight off the [conversationId+createdAt] index. */
export async function timeline(db: ParleyDb, conversationId: string): Promise<StoredMessage[]> {
  const rows = await db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .toArray();
  return rows.filter((row) => !row.hidden);
}

/**
 * Stores a message from the server. Idempotent, never moves a status backwards, and replaces the
 * outbox row carrying the same idempotency key so the thread never shows a reply twice.
 */
export async function upsertMessage(db: ParleyDb, message: Message): Promise<void> {
  await db.transaction('rw', db.messages, db.conversations, async () => {
    if (message.idempotencyKey) {
      await db.messages
        .where('idempotencyKey')
        .equals(message.idempotencyKey)
        .filter((row) => row.id !== message.id && row.pending === 1)
        .delete();
    }
    const merged = mergeMessage(await db.messages.get(message.id), message);
    if (!merged) return;
    merged.thread ??= await threadOf(db, message.conversationId);
    await db.messages.put(merged);
  });
}

/** The thread key of a conversation's messages (its number's history for a customer thread). */
async function threadOf(db: ParleyDb, conversationId: string): Promise<string> {
  const conversation = await db.conversations.get(conversationId);
  return conversation ? threadKeyOf(conversation) : `conversation:${conversationId}`;
}

export interface OutboxDraft {
  idempotencyKey: string;
  conversationId: string;
  body: string;
}

const outboxIndex = (db: ParleyDb) => db.messages.where('[pending+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]);

/**
 * Outbox rows, shown at once as "queued", keyed by the idempotency key each will be sent with.
 * Their createdAt is strictly after every row already waiting, so the outbox order is the order the
 * agent typed, even for several replies within one millisecond.
 */
export async function addOutboxMessages(db: ParleyDb, drafts: OutboxDraft[], now: number): Promise<StoredMessage[]> {
  return db.transaction('rw', db.messages, db.conversations, async () => {
    const newest = await outboxIndex(db).last();
    const threads = new Map<string, string>();
    for (const { conversationId } of drafts) if (!threads.has(conversationId)) threads.set(conversationId, await threadOf(db, conversationId));
    const start = Math.max(now, (newest?.createdAt ?? 0) + 1);
    const rows = drafts.map(
      (draft, index): StoredMessage => withWords({
        id: draft.idempotencyKey,
        conversationId: draft.conversationId,
        direction: 'outbound',
        body: draft.body,
        from: '',
        to: '',
        status: 'queued',
        failureReason: null,
        senderAgentId: null,
        idempotencyKey: draft.idempotencyKey,
        createdAt: start + index,
        pending: 1,
        thread: threads.get(draft.conversationId)!,
      } satisfies StoredMessage),
    );
    await db.messages.bulkAdd(rows);
    return rows;
  });
}

/** Outbox rows still to send, in the order they were written. */
export async function queuedOutbox(db: ParleyDb): Promise<StoredMessage[]> {
  return (await outboxIndex(db).toArray()).filter((row) => row.status === 'queued');
}

/** The server refused the reply for good (e.g. invalid); it stays visible as failed, not resent. */
export async function failOutboxMessage(db: ParleyDb, id: string, reason: string): Promise<void> {
  await db.messages.where('id').equals(id).and((row) => row.pending === 1).modify({ status: 'failed', failureReason: reason });
}

/**
 * Takes a failed message out of the thread: an outbox row the server never accepted is deleted; a
 * message the server has (it failed at the carrier) is hidden, so replays keep it out.
 */
export async function dismissFailedMessage(db: ParleyDb, id: string): Promise<StoredMessage | undefined> {
  return db.transaction('rw', db.messages, async () => {
    const row = await db.messages.get(id);
    if (!row || row.status !== 'failed') return undefined;
    if (row.pending) await db.messages.delete(id);
    else await db.messages.update(id, { hidden: 1 });
    return row;
  });
}
