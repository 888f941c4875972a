import type { ParleyDb, StoredConversation, StoredMessage } from './database';
import { fold, wordsOf } from './words';

export interface HistoryMatches {
  /** Conversations whose name, title, number or participants match, newest activity first. */
  conversations: StoredConversation[];
  /** Messages containing every word of the query (each as a word prefix), newest first. */
  messages: StoredMessage[];
}

/** Queries shorter than this match too much to be useful. */
export const MIN_QUERY_LENGTH = 2;
/** The most index entries read for one query: a one-letter-ish word cannot make a search read the whole history. */
const MAX_CANDIDATES = 2_000;

/**
 * Searches the whole local history. Messages are found through the word index (schema v3,
 * `*words`): the longest word of the query is looked up as a prefix, which reads only the rows
 * that contain it, the other words filter those. Conversations are few, so they are scanned.
 */
export async function searchHistory(db: ParleyDb, query: string, limit = 50): Promise<HistoryMatches> {
  const trimmed = query.trim();
  if (trimmed.length < MIN_QUERY_LENGTH) return { conversations: [], messages: [] };
  const [conversations, messages] = await Promise.all([matchConversations(db, trimmed, limit), matchMessages(db, trimmed, limit)]);
  return { conversations, messages };
}

async function matchMessages(db: ParleyDb, query: string, limit: number): Promise<StoredMessage[]> {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  const [leading, ...others] = [...words].sort((a, b) => b.length - a.length);
  const keys = await db.messages.where('words').startsWith(leading!).limit(MAX_CANDIDATES).primaryKeys();
  const rows = await db.messages.bulkGet([...new Set(keys)]);
  return rows
    .filter((row): row is StoredMessage => !!row && !row.hidden && others.every((word) => row.words?.some((own) => own.startsWith(word))))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limit);
}

async function matchConversations(db: ParleyDb, query: string, limit: number): Promise<StoredConversation[]> {
  const text = fold(query);
  const digits = query.replace(/\D/g, '');
  // A number is matched on its digits ("503 555" finds +15035550142), but only for queries that are mostly digits.
  const byNumber = digits.length >= 3 && digits.length * 2 >= query.replace(/\s/g, '').length;
  const hits: StoredConversation[] = [];
  await db.conversations
    .orderBy('activityAt')
    .reverse()
    .until(() => hits.length >= limit)
    .each((row) => {
      if (conversationText(row).includes(text) || (byNumber && conversationNumbers(row).some((number) => number.replace(/\D/g, '').includes(digits)))) hits.push(row);
    });
  return hits;
}

function conversationText(row: StoredConversation): string {
  const names = (row.participants ?? []).map((p) => p.name ?? '');
  return fold([row.title, row.customerName ?? '', row.customerNumber ?? '', ...names].join('\n'));
}

function conversationNumbers(row: StoredConversation): string[] {
  const externals = (row.participants ?? []).flatMap((p) => (p.type === 'external' ? [p.number] : []));
  return [...(row.customerNumber ? [row.customerNumber] : []), ...externals];
}
