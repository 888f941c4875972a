import { activityAt, type Conversation } from '../model/conversation';
import { isNewerStatus, type Message } from '../model/message';
import type { StoredConversation, StoredMessage } from './database';
import { searchWordsOf } from './words';

/**
 * How a copy from the server meets the stored row, shared by single writes (REST answers) and the
 * sync engine's batches so both follow one rule. `null` means "keep what is stored".
 */

/**
 * A stale copy (an older REST snapshot arriving after a newer event) never rolls the preview back.
 * `unread` is the PBX's count when it sends one, else counted locally and kept.
 */
export function mergeConversation(existing: StoredConversation | undefined, incoming: Conversation): StoredConversation | null {
  const incomingActivity = activityAt(incoming);
  if (existing && existing.activityAt > incomingActivity) return null;
  return { ...incoming, activityAt: incomingActivity, unread: incoming.unreadCount ?? existing?.unread ?? 0 };
}

/**
 * A status never moves backwards (queued -> sent -> delivered|failed); a message the agent deleted
 * stays hidden. `indexWords` false leaves the search words to the background pass (a first sync's
 * history import, see utils/sync/word-indexer.ts); words already stored are kept.
 */
export function mergeMessage(existing: StoredMessage | undefined, incoming: Message, indexWords = true): StoredMessage | null {
  if (existing && !existing.pending && !isNewerStatus(incoming.status, existing.status)) return null;
  const merged: StoredMessage = existing?.hidden ? { ...incoming, hidden: 1 } : { ...incoming };
  if (existing?.thread) merged.thread = existing.thread;
  if (indexWords || existing?.words) return withWords(merged);
  return merged;
}

/** Every stored message carries its search words (see words.ts); a row with none stays out of the index. */
export function withWords<T extends StoredMessage>(row: T): T {
  const words = searchWordsOf(row);
  if (words.length > 0) row.words = words;
  else delete row.words;
  return row;
}
