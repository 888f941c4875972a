import Dexie from 'dexie';
import type { ReadReceipt } from '../model/receipt';
import type { ParleyDb, StoredReceipt } from './database';

/** The read marks of one conversation's internal participants. */
export function receiptsOf(db: ParleyDb, conversationId: string): Promise<StoredReceipt[]> {
  return db.receipts.where('conversationId').equals(conversationId).toArray();
}

/** Stores the marks the server listed (REST); a mark only moves forward, so an older copy never replaces a newer one. */
export async function storeReceipts(db: ParleyDb, receipts: readonly ReadReceipt[]): Promise<void> {
  await db.transaction('rw', db.receipts, async () => {
    const keys = receipts.map((receipt): [string, string] => [receipt.conversationId, receipt.agent.id]);
    const stored = await db.receipts.bulkGet(keys);
    const newer = receipts.flatMap((receipt, index) => {
      const existing = stored[index];
      if (existing && (existing.readAt ?? 0) > (receipt.readAt ?? 0)) return [];
      return [{ ...receipt, agentId: receipt.agent.id }];
    });
    if (newer.length > 0) await db.receipts.bulkPut(newer);
  });
}

/** Where one reader's "✓ Read by …" goes: on the newest of my messages at or before their read mark. */
export interface ReadMark {
  messageId: string;
  readers: string[];
}

/**
 * The read marks of a conversation placed on my messages: each other participant's mark goes on
 * the newest message I sent at or before the message they read up to, so each name shows once.
 * Reads back from each mark through the timeline index, which usually stops after a few rows.
 */
export async function readMarksOf(db: ParleyDb, conversationId: string, myAgentId: string): Promise<ReadMark[]> {
  const receipts = (await receiptsOf(db, conversationId)).filter((receipt) => receipt.agentId !== myAgentId && receipt.lastReadMessageId);
  const placed = new Map<string, string[]>();
  for (const receipt of receipts) {
    const mark = await db.messages.get(receipt.lastReadMessageId!);
    if (!mark) continue;
    const mine = await db.messages
      .where('[conversationId+createdAt]')
      .between([conversationId, Dexie.minKey], [conversationId, mark.createdAt], true, true)
      .reverse()
      .filter((row) => row.senderAgentId === myAgentId && !row.pending && row.kind !== 'system')
      .first();
    if (mine) placed.set(mine.id, [...(placed.get(mine.id) ?? []), receipt.agent.name]);
  }
  return [...placed].map(([messageId, readers]) => ({ messageId, readers: readers.sort() }));
}
