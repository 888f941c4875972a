import Dexie from 'dexie';
import { isNewerStatus, type Message } from '../model/message';
import type { ParleyDb, StoredMessage } from './database';

/** One conversation's messages, oldest first, straight off the [conversationId+createdAt] index. */
export function timeline(db: ParleyDb, conversationId: string): Promise<StoredMessage[]> {
  return db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
    .toArray();
}

/**
 * Stores a message from the server. Idempotent, never moves a status backwards, and replaces the
 * outbox row carrying the same idempotency key so the thread never shows a reply twice.
 */
export async function upsertMessage(db: ParleyDb, message: Message): Promise<void> {
  await db.transaction('rw', db.messages, async () => {
    if (message.idempotencyKey) {
      await db.messages
        .where('idempotencyKey')
        .equals(message.idempotencyKey)
        .filter((row) => row.id !== message.id && row.pending === 1)
        .delete();
    }
    const existing = await db.messages.get(message.id);
    if (existing && !existing.pending && !isNewerStatus(message.status, existing.status)) return;
    await db.messages.put(message);
  });
}

/** The outbox row: shown at once as "queued", keyed by the idempotency key it will be sent with. */
export async function addOutboxMessage(
  db: ParleyDb,
  row: { idempotencyKey: string; conversationId: string; body: string; createdAt: number; from?: string; to?: string },
): Promise<StoredMessage> {
  const message: StoredMessage = {
    id: row.idempotencyKey,
    conversationId: row.conversationId,
    direction: 'outbound',
    body: row.body,
    from: row.from ?? '',
    to: row.to ?? '',
    status: 'queued',
    failureReason: null,
    senderAgentId: null,
    idempotencyKey: row.idempotencyKey,
    createdAt: row.createdAt,
    pending: 1,
  };
  await db.messages.put(message);
  return message;
}

/** Outbox rows not yet acknowledged, oldest first, to resend after a reconnect. */
export async function pendingOutbox(db: ParleyDb): Promise<StoredMessage[]> {
  const rows = await db.messages.where('pending').equals(1).toArray();
  return rows.filter((row) => row.status === 'queued').sort((a, b) => a.createdAt - b.createdAt);
}

/** The server refused the reply for good (e.g. invalid); it stays visible as failed, not resent. */
export async function failOutboxMessage(db: ParleyDb, id: string, reason: string): Promise<void> {
  await db.messages.update(id, { status: 'failed', failureReason: reason });
}
