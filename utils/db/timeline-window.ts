import Dexie from 'dexie';
import { z } from 'zod';
import type { ParleyDb, StoredMessage } from './database';
import { threadKeyOf } from './thread-key';

type Range = { index: string; key: string };
const byConversation = (conversationId: string): Range => ({ index: '[conversationId+createdAt]', key: conversationId });

/**
 * The index range of the rows the thread of a conversation shows: for a customer's conversation,
 * every message with that phone number, whichever conversation it was in (thread-key.ts). A number
 * with a single conversation reads its timeline index, the same rows.
 */
async function ofConversation(db: ParleyDb, conversationId: string): Promise<Range> {
  const conversation = await db.conversations.get(conversationId);
  const thread = conversation ? threadKeyOf(conversation) : null;
  if (conversation?.customerNumber && thread?.startsWith('number:')) {
    const number = conversation.customerNumber;
    const conversations = await db.conversations.where('[customerNumber+activityAt]').between([number, Dexie.minKey], [number, Dexie.maxKey]).count();
    if (conversations > 1) return { index: '[thread+createdAt]', key: thread };
  }
  return byConversation(conversationId);
}

/**
 * Reads a short run of rows of a conversation's thread. Most threads are one conversation's, so
 * its own timeline is read at once, beside the reads that decide which range the thread is, rather
 * than after them: opening a thread then costs one round trip to IndexedDB, not three. For a
 * number with several conversations the number's range is read next.
 */
async function readShort<T>(db: ParleyDb, conversationId: string, read: (range: Range) => Promise<T>): Promise<T> {
  const guess = read(byConversation(conversationId));
  const range = await ofConversation(db, conversationId);
  if (range.index === byConversation(conversationId).index) return guess;
  guess.catch(() => undefined);
  return read(range);
}

/** A row's place in the thread's index: its time, then its id among rows of the same millisecond. */
export const rowKeySchema = z.object({ createdAt: z.number(), id: z.string().min(1) });
export type RowKey = z.infer<typeof rowKeySchema>;
export const rowKeyOf = (row: StoredMessage): RowKey => ({ createdAt: row.createdAt, id: row.id });

/**
 * Which rows a page of the thread holds. Next to a page already read, a page is a key range from
 * that page's edge row (`below` its oldest, `above` its newest): one short index read wherever it
 * is in the history. A page with no neighbour read yet is found by position, skipping rows from the
 * nearer end (`fromEnd` newest or `fromStart` oldest), which costs as many rows as it skips.
 */
export const pageReadSchema = z.union([
  z.object({ below: rowKeySchema }).strict(),
  z.object({ above: rowKeySchema }).strict(),
  z.object({ fromEnd: z.number().int().min(0) }).strict(),
  z.object({ fromStart: z.number().int().min(0) }).strict(),
]);
export type PageRead = z.infer<typeof pageReadSchema>;

/** Is `row` on the far side of `edge` (older for `below`, newer for `above`), ties broken by id as the index does? */
const beyond = (row: StoredMessage, edge: RowKey, older: boolean) =>
  row.createdAt !== edge.createdAt || (older ? row.id < edge.id : row.id > edge.id);

/**
 * One page of a conversation's thread, oldest first: `limit` rows as `read` says (see PageRead).
 * Hidden rows stay in (the thread gives them no height) so positions match the index count.
 */
export async function timelinePage(db: ParleyDb, conversationId: string, read: PageRead, limit: number): Promise<StoredMessage[]> {
  if ('below' in read) {
    const { below } = read;
    const rows = await readShort(db, conversationId, ({ index, key }) =>
      db.messages.where(index).between([key, Dexie.minKey], [key, below.createdAt], true, true).reverse().filter((row) => beyond(row, below, true)).limit(limit).toArray(),
    );
    return rows.reverse();
  }
  if ('above' in read) {
    const { above } = read;
    return readShort(db, conversationId, ({ index, key }) =>
      db.messages.where(index).between([key, above.createdAt], [key, Dexie.maxKey], true, true).filter((row) => beyond(row, above, false)).limit(limit).toArray(),
    );
  }
  const all = ({ index, key }: Range) => db.messages.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]);
  if ('fromEnd' in read && read.fromEnd === 0) return (await readShort(db, conversationId, (range) => all(range).reverse().limit(limit).toArray())).reverse();
  // A read by position skips rows: never spent on a guess.
  const range = await ofConversation(db, conversationId);
  if ('fromStart' in read) return all(range).offset(read.fromStart).limit(limit).toArray();
  return (await all(range).reverse().offset(read.fromEnd).limit(limit).toArray()).reverse();
}

/** How many rows the timeline holds, hidden ones included: the thread's scroll height. */
export async function timelineLength(db: ParleyDb, conversationId: string): Promise<number> {
  const { index, key } = await ofConversation(db, conversationId);
  return db.messages.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey]).count();
}
