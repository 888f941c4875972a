import { describe, expect, it, vi } from 'vitest';
import { eventsUrl, CursorTracker } from '../../../utils/pbx/parley/cursor';
import { toPbxEvent } from '../../../utils/pbx/parley/mapping';
import { refreshDelayMs } from '../../../utils/pbx/parley/tokens';
import { WireFrame } from '../../../utils/pbx/parley/wire';

const wireConversation = {
  id: 'c1',
  type: 'sms',
  customerNumber: '+15035550142',
  didNumber: '+15550100',
  title: '+15035550142',
  createdAt: '2026-11-20T09:00:00.000Z',
  lastMessageAt: '2026-11-20T10:00:00.000Z',
  lastMessagePreview: 'Hi',
};
const wireMessage = {
  id: 'm1',
  conversationId: 'c1',
  direction: 'inbound',
  body: 'Hi',
  from: '+15035550142',
  to: '+15550100',
  status: 'received',
  failureReason: null,
  senderAgentId: null,
  idempotencyKey: null,
  createdAt: '2026-11-20T10:00:00.000Z',
};

describe('wire mapping', () => {
  it('maps message.created to a domain message event with epoch times', () => {
    const frame = WireFrame.parse({ type: 'event', cursor: 5, event: { kind: 'message.created', conversation: wireConversation, message: wireMessage } });
    if (frame.type !== 'event') throw new Error('expected an event frame');
    expect(toPbxEvent(frame)).toEqual({
      kind: 'message',
      cursor: 5,
      conversation: { ...wireConversation, createdAt: Date.parse(wireConversation.createdAt), lastMessageAt: Date.parse(wireConversation.lastMessageAt) },
      message: { ...wireMessage, createdAt: Date.parse(wireMessage.createdAt) },
    });
  });

  it('maps message.updated to a status event and conversation.updated to a conversation event', () => {
    const updated = WireFrame.parse({ type: 'event', cursor: 6, event: { kind: 'message.updated', message: { ...wireMessage, status: 'delivered', direction: 'outbound' } } });
    const conv = WireFrame.parse({ type: 'event', cursor: 7, event: { kind: 'conversation.updated', conversation: { ...wireConversation, lastMessageAt: null } } });
    if (updated.type !== 'event' || conv.type !== 'event') throw new Error('expected event frames');
    expect(toPbxEvent(updated)).toMatchObject({ kind: 'status', cursor: 6, message: { status: 'delivered' } });
    expect(toPbxEvent(conv)).toMatchObject({ kind: 'conversation', cursor: 7, conversation: { lastMessageAt: null } });
  });

  it('parses synced and ping frames and rejects malformed envelopes', () => {
    expect(WireFrame.parse({ type: 'synced', cursor: 9 })).toEqual({ type: 'synced', cursor: 9 });
    expect(WireFrame.parse({ type: 'ping' })).toEqual({ type: 'ping' });
    expect(WireFrame.safeParse({ type: 'event', cursor: -1, event: { kind: 'message.created' } }).success).toBe(false);
    expect(WireFrame.safeParse({ type: 'event', cursor: 1, event: { message: wireMessage } }).success).toBe(false);
  });

  it('turns an event of an unknown kind into a checkpoint that still moves the cursor, logging the kind once', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const frame = (cursor: number) => WireFrame.parse({ type: 'event', cursor, event: { kind: 'queue.claimed', group: { id: 'g1' } } });
    const first = frame(10);
    const second = frame(11);
    if (first.type !== 'event' || second.type !== 'event') throw new Error('expected event frames');
    expect(toPbxEvent(first)).toEqual({ kind: 'checkpoint', cursor: 10 });
    expect(toPbxEvent(second)).toEqual({ kind: 'checkpoint', cursor: 11 });
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]![0]).toContain('queue.claimed');
    info.mockRestore();
  });

  it('skips (and reports) a known event it cannot read instead of stalling on it', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const frame = WireFrame.parse({ type: 'event', cursor: 12, event: { kind: 'message.updated', message: { ...wireMessage, status: 'lost' } } });
    if (frame.type !== 'event') throw new Error('expected an event frame');
    expect(toPbxEvent(frame)).toEqual({ kind: 'checkpoint', cursor: 12 });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('message.updated'), expect.anything());
    error.mockRestore();
  });

  it('reads the fields the server adds beyond contract v1 and ignores the rest', () => {
    const frame = WireFrame.parse({
      type: 'event',
      cursor: 13,
      event: {
        kind: 'message.created',
        conversation: { ...wireConversation, designatedAgent: { id: 'a7', extension: '207', name: 'Rosa' }, unreadCount: 3, state: 'assigned' },
        message: { ...wireMessage, kind: 'system', systemEvent: { type: 'queue.entered' } },
      },
    });
    if (frame.type !== 'event') throw new Error('expected an event frame');
    const event = toPbxEvent(frame);
    if (event.kind !== 'message') throw new Error('expected a message event');
    expect(event.conversation.designatedAgentId).toBe('a7');
    expect(event.message.kind).toBe('system');
    expect(event.conversation).not.toHaveProperty('unreadCount');
  });
});

describe('cursor', () => {
  it('accepts only events after the last delivered cursor', () => {
    const tracker = new CursorTracker(3);
    expect(tracker.accept(3)).toBe(false);
    expect(tracker.accept(4)).toBe(true);
    expect(tracker.accept(4)).toBe(false);
    expect(tracker.accept(2)).toBe(false);
    expect(tracker.value).toBe(4);
  });

  it('builds the events URL with cursor and token, ws or wss', () => {
    expect(eventsUrl('http://127.0.0.1:8787', 12, 'a.b.c')).toBe('ws://127.0.0.1:8787/v1/events?cursor=12&access_token=a.b.c');
    expect(eventsUrl('https://pbx.example.com/', 0, 't')).toBe('wss://pbx.example.com/v1/events?cursor=0&access_token=t');
  });
});

describe('token renewal', () => {
  it('renews at 90 % of the life, at least a minute early for long-lived tokens', () => {
    expect(refreshDelayMs(900)).toBe(810_000);
    expect(refreshDelayMs(300)).toBe(240_000);
    expect(refreshDelayMs(60)).toBe(54_000);
  });
});
