import { browser, type Browser } from 'wxt/browser';
import type { StoredConversation } from '../db/database';
import { t } from '../i18n';
import type { AgentRef } from '../model/conversation';
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
}

/**
 * The transfer line ("Conversation transferred to Amy Santiago (202)") when it hands the
 * conversation to `agentId` from someone else; null for any other message. The agent who
 * transferred gets the same line and is not told.
 */
export function transferTo(agentId: string, message: Message): AgentRef | null {
  const event = message.kind === 'system' ? message.systemEvent : null;
  if (event?.type !== 'queue.transferred' || event.agent?.id !== agentId || !event.by || event.by.id === agentId) return null;
  return event.by;
}

/**
 * "Conversation transferred to you", naming the customer (their name, else their number) and the
 * colleague. Plain text in every browser; Firefox takes only type, title, message and iconUrl.
 */
export function transferNotification({ conversation, by }: TransferAnnouncement): { id: string; options: Browser.notifications.NotificationCreateOptions } {
  const customer = conversation.customerName || conversation.customerNumber || conversation.title;
  const message = t('notif_transferredBy', [customer, `${by.name} (${by.extension})`]);
  const line = callId(conversation);
  const callLine = line ? t('notif_callId', line) : '';
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  const title = t('notif_transferredToYou');
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
