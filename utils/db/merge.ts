import { activityAt, type Conversation } from '../model/conversation';
import { isNewerStatus, type Message } from '../model/message';
import type { StoredConversation, StoredMessage } from './database';

/**
 * How a copy from the server meets the stored row, shared by single writes (REST answers) and the
 * sync engine's batches so both follow one rule. `null` means "keep what is stored".
 */

/** A stale copy (an older REST snapshot arriving after a newer event) never rolls the preview back; `unread` is local and survives. */
export function mergeConversation(existing: StoredConversation | undefined, incoming: Conversation): StoredConversation | null {
  const incomingActivity = activityAt(incoming);
  if (existing && existing.activityAt > incomingActivity) return null;
  return { ...incoming, activityAt: incomingActivity, unread: existing?.unread ?? 0 };
}

/** A status never moves backwards (queued -> sent -> delivered|failed); a message the agent deleted stays hidden. */
export function mergeMessage(existing: StoredMessage | undefined, incoming: Message): StoredMessage | null {
  if (existing && !existing.pending && !isNewerStatus(incoming.status, existing.status)) return null;
  return existing?.hidden ? { ...incoming, hidden: 1 } : { ...incoming };
}
