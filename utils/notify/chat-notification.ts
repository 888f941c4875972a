import { browser, type Browser } from 'wxt/browser';
import type { StoredConversation } from '../db/database';
import { t } from '../i18n';
import type { Message } from '../model/message';

/** One notification per conversation: a later message replaces it instead of stacking up. */
const PREFIX = 'parley-conversation:';

export function notificationId(conversationId: string): string {
  return `${PREFIX}${conversationId}`;
}

export function conversationOfNotification(id: string): string | null {
  return id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : null;
}

/** The telephony panel's Call ID (seed 004): the channel, then the customer's E.164 number, e.g. "SMS+15035550142". */
export function callId(conversation: Pick<StoredConversation, 'type' | 'customerNumber'>): string | null {
  if (!conversation.customerNumber) return null;
  return `${conversation.type === 'whatsapp' ? 'WhatsApp' : 'SMS'}${conversation.customerNumber}`;
}

const PREVIEW_CHARACTERS = 160;

export interface Announcement {
  conversation: StoredConversation;
  message: Message;
  newConversation: boolean;
}

/**
 * The notification for a customer's message. A conversation new to the agent is a chat request
 * ("SMS Chat Request", seed 004); a later message is titled with the conversation. The Call ID goes
 * in contextMessage where the browser shows one (Chrome) and leads the message where it does not
 * (Firefox). Notification text is plain text in every browser: the body is never markup.
 */
export function chatNotification({ conversation, message, newConversation }: Announcement): { id: string; options: Browser.notifications.NotificationCreateOptions } {
  const customer = conversation.type === 'sms' || conversation.type === 'whatsapp';
  const title = newConversation && customer
    ? t(conversation.type === 'whatsapp' ? 'notif_whatsAppChatRequest' : 'notif_smsChatRequest')
    : conversation.title || conversation.customerNumber || t('extName');
  const preview = message.body.length > PREVIEW_CHARACTERS ? `${message.body.slice(0, PREVIEW_CHARACTERS - 1)}…` : message.body;
  const id = callId(conversation);
  const callLine = id ? t('notif_callId', id) : '';
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  // Firefox supports only type, title, message and iconUrl, and throws on other options.
  const options: Browser.notifications.NotificationCreateOptions = import.meta.env.FIREFOX
    ? { type: 'basic', iconUrl, title, message: callLine ? `${callLine}\n${preview}` : preview }
    : { type: 'basic', iconUrl, title, message: preview, ...(callLine ? { contextMessage: callLine } : {}), priority: newConversation ? 2 : 1 };
  return { id: notificationId(conversation.id), options };
}
