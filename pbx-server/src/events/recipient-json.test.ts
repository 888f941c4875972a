import { describe, expect, it } from 'vitest';
import type { ConversationView, MessageView } from '../http/schemas';
import { recipientJson } from './recipient-json';
import type { PbxEvent } from './types';

const conversation = {
  id: 'c1',
  title: 'He said "hi" \\ {}',
  participants: [{ type: 'external', number: '+15551234567', name: '"unreadCount":9}' }],
  unreadCount: 0,
} as unknown as ConversationView;
const message = { id: 'm1', body: '},"unreadCount":7' } as unknown as MessageView;

describe('recipientJson', () => {
  it("gives each recipient the JSON of its own copy, whatever the texts contain", () => {
    const event: PbxEvent = { kind: 'message.created', conversation, message };
    const json = recipientJson(event);
    for (const unread of [0, 3, 120]) {
      expect(JSON.parse(json(unread))).toEqual({ ...event, conversation: { ...conversation, unreadCount: unread } });
    }
    expect(JSON.parse(json(null))).toEqual(event);
  });

  it('serializes an event without a conversation as it is', () => {
    const event: PbxEvent = { kind: 'conversation.removed', conversationId: 'c1' };
    expect(recipientJson(event)(4)).toBe(JSON.stringify(event));
  });
});
