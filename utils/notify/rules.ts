import type { Arrival } from '../sync/apply-events';
import type { NotificationRules } from '../model/preferences';
import type { Announcement } from './chat-notification';
import { transferTo, type TransferAnnouncement } from './transfer-notification';

/** A reconnect after a long outage can bring many conversations at once: the newest few are enough. */
export const MAX_NOTIFICATIONS_PER_BATCH = 5;

/**
 * Which texts of one stored batch to announce: one per conversation (its latest message; a chat
 * request if any of its messages started it), as the agent's rules say, not for the conversation
 * the agent is looking at, newest first and at most a few.
 */
export function chooseAnnouncements(arrivals: readonly Arrival[], rules: NotificationRules, isShowing: (conversationId: string) => boolean): Announcement[] {
  const byConversation = new Map<string, Announcement>();
  for (const arrival of arrivals) {
    if (arrival.message.kind === 'system') continue;
    const earlier = byConversation.get(arrival.conversation.id);
    byConversation.set(arrival.conversation.id, { ...arrival, newConversation: arrival.newConversation || (earlier?.newConversation ?? false) });
  }
  return [...byConversation.values()]
    .filter((announcement) => (announcement.newConversation ? rules.newConversations : rules.laterMessages))
    .filter((announcement) => !isShowing(announcement.conversation.id))
    .sort((a, b) => b.message.createdAt - a.message.createdAt)
    .slice(0, MAX_NOTIFICATIONS_PER_BATCH);
}

/**
 * The conversations of a batch transferred to this agent by a colleague (directly, or through a ring
 * group or queue that picked them): one notification each,
 * under the agent's rule for new conversations (a transferred one is new to them), not for one a
 * panel shows already.
 */
export function chooseTransfers(
  arrivals: readonly Arrival[],
  agentId: string,
  rules: NotificationRules,
  isShowing: (conversationId: string) => boolean,
): TransferAnnouncement[] {
  if (!rules.newConversations) return [];
  const byConversation = new Map<string, TransferAnnouncement>();
  for (const { conversation, message } of arrivals) {
    const transfer = transferTo(agentId, message, conversation);
    if (transfer && !isShowing(conversation.id)) byConversation.set(conversation.id, { conversation, ...transfer });
  }
  return [...byConversation.values()].slice(-MAX_NOTIFICATIONS_PER_BATCH);
}
