import type { Conversation } from '../../utils/model/conversation';
import type { Message } from '../../utils/model/message';

export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    type: 'sms',
    customerNumber: '+15035550142',
    didNumber: '+15550100',
    title: 'Maria Lopez',
    createdAt: Date.parse('2026-11-20T09:00:00Z'),
    lastMessageAt: Date.parse('2026-11-20T10:00:00Z'),
    lastMessagePreview: 'Where is my parcel?',
    ...overrides,
  };
}

export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'm1',
    conversationId: 'c1',
    direction: 'inbound',
    body: 'Where is my parcel?',
    from: '+15035550142',
    to: '+15550100',
    status: 'received',
    failureReason: null,
    senderAgentId: null,
    idempotencyKey: null,
    createdAt: Date.parse('2026-11-20T10:00:00Z'),
    ...overrides,
  };
}
