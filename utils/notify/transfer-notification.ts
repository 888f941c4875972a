import { browser, type Browser } from 'wxt/browser';
import type { StoredConversation } from '../db/database';
import { t } from '../i18n';
import type { AgentRef, GroupRef } from '../model/conversation';
import type { Message } from '../model/message';
import { callId } from './chat-notification';

/** One per conversation: the same transfer told twice (a replayed event) replaces, never stacks. */
const PREFIX = 'parley-transfer:';

export function transferNotificationId(conversationId: string): string {
  return `${PREFIX}${conversationId}`;
}

export function conversationOfTransferNotification(id: string): string | null {
  return id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : null;
}

export interface TransferAnnouncement {
  conversation: StoredConversation;
  /** The colleague who handed the conversation over. */
  by: AgentRef;
  /** The queue it waits in for the agent to claim, when the transfer alerted them rather than designated them. */
  queue: GroupRef | null;
}

/**
 * Whether the transfer line of a conversation hands it to `agentId` from someone else: a transfer
 * to them ("Conversation transferred to Amy Santiago (202)"), or to a ring group or queue whose
 * strategy then picked them (`conversation` as the batch left it: designated by a ring group, or
 * the agent a queue alerted, seed 000's @mention, while it waits to be claimed). Every member gets
 * the same line; the agent who transferred is never told, even when the group picked them again.
 */
export function transferTo(agentId: string, message: Message, conversation: StoredConversation): Omit<TransferAnnouncement, 'conversation'> | null {
  const event = message.kind === 'system' ? message.systemEvent : null;
  if (event?.type !== 'queue.transferred' || !event.by || event.by.id === agentId) return null;
  if (event.agent) return event.agent.id === agentId ? { by: event.by, queue: null } : null;
  if (!event.group || conversation.group?.id !== event.group.id) return null;
  if (conversation.designatedAgentId) return conversation.designatedAgentId === agentId ? { by: event.by, queue: null } : null;
  const waiting = conversation.state === 'waiting' && event.group.kind === 'queue';
  return waiting && conversation.mentionedAgentId === agentId ? { by: event.by, queue: event.group } : null;
}

/**
 * "Conversation transferred to you" (or to the queue where it waits for them to claim it), naming
 * the customer (their name, else their number) and the colleague. Plain text in every browser; Firefox takes only type, title, message and iconUrl.
 */
export function transferNotification({ conversation, by, queue }: TransferAnnouncement): { id: string; options: Browser.notifications.NotificationCreateOptions } {
  const customer = conversation.customerName || conversation.customerNumber || conversation.title;
  const message = t('notif_transferredBy', [customer, `${by.name} (${by.extension})`]);
  const line = callId(conversation);
  const callLine = line ? t('notif_callId', line) : '';
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  const title = queue ? t('notif_transferredToQueueForYou', queue.name) : t('notif_transferredToYou');
  const options: Browser.notifications.NotificationCreateOptions = import.meta.env.FIREFOX
    ? { type: 'basic', iconUrl, title, message: callLine ? `${callLine}\n${message}` : message }
    : { type: 'basic', iconUrl, title, message, ...(callLine ? { contextMessage: callLine } : {}), priority: 2 };
  return { id: transferNotificationId(conversation.id), options };
}

/**
 * A click on a transfer notification opens its conversation in the panel (the caller's `open`):
 * the agent's next step is to read it and answer. Resolves false for any other notification.
 */
export async function openTransferred(notificationId: string, open: (conversationId: string) => Promise<void>): Promise<boolean> {
  const conversationId = conversationOfTransferNotification(notificationId);
  if (!conversationId) return false;
  await browser.notifications.clear(notificationId);
  await open(conversationId);
  return true;
}
