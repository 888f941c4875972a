import Dexie from 'dexie';
import { z } from 'zod';
import type { ParleyDb, StoredMessage } from './database';

/**
 * The index range of a thread's rows: every message stored with that thread key
 * ([thread+createdAt]; utils/db/thread-key.ts), whichever of the number's conversations it was in.
 * Every write path stores the key with the row (and the version 5 upgrade added it to older rows),
 * so the caller, who has the conversation at hand, names the thread and a page costs a single index
 * read: no lookup of the conversation, no count of the number's conversations first.
 */
const between = (db: ParleyDb, thread: string, from: unknown, to: unknown) =>
  db.messages.where('[thread+createdAt]').between([thread, from], [thread, to], true, true);

/** A thread key as thread-key.ts makes it: a customer number's history or one conversation's. */
export const threadKeySchema = z.string().regex(/^(number|conversation):./);

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
 * One page of a thread (its key: thread-key.ts), oldest first: `limit` rows as `read` says (see
 * PageRead). Hidden rows stay in (the thread gives them no height) so positions match the index count.
 */
export async function timelinePage(db: ParleyDb, thread: string, read: PageRead, limit: number): Promise<StoredMessage[]> {
  if ('below' in read) {
    const { below } = read;
    const rows = await between(db, thread, Dexie.minKey, below.createdAt).reverse().filter((row) => beyond(row, below, true)).limit(limit).toArray();
    return rows.reverse();
  }
  if ('above' in read) {
    const { above } = read;
    return between(db, thread, above.createdAt, Dexie.maxKey).filter((row) => beyond(row, above, false)).limit(limit).toArray();
  }
  const all = between(db, thread, Dexie.minKey, Dexie.maxKey);
  if ('fromStart' in read) return all.offset(read.fromStart).limit(limit).toArray();
  return (await all.reverse().offset(read.fromEnd).limit(limit).toArray()).reverse();
}

/** How many rows the thread holds, hidden ones included: the thread's scroll height. */
export function timelineLength(db: ParleyDb, thread: string): Promise<number> {
  return between(db, thread, Dexie.minKey, Dexie.maxKey).count();
}
