import type { Conversation } from '../model/conversation';

/**
 * Which thread a message shows in. A customer's texts form one history per phone number (seed 003),
 * across every conversation with that number — a closed queue conversation and the one that
 * followed it, a direct line and a queue — so the thread of an SMS or WhatsApp conversation is its
 * number's; chats between agents are their own conversation's.
 */
export function threadKeyOf(conversation: Pick<Conversation, 'id' | 'type' | 'customerNumber'>): string {
  return (conversation.type === 'sms' || conversation.type === 'whatsapp') && conversation.customerNumber
    ? `number:${conversation.customerNumber}`
    : `conversation:${conversation.id}`;
}
