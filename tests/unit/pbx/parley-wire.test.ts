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
    const frame = (cursor: number) => WireFrame.parse({ type: 'event', cursor, event: { kind: 'agent.typing', group: { id: 'g1' } } });
    const first = frame(10);
    const second = frame(11);
    if (first.type !== 'event' || second.type !== 'event') throw new Error('expected event frames');
    expect(toPbxEvent(first)).toEqual({ kind: 'checkpoint', cursor: 10 });
    expect(toPbxEvent(second)).toEqual({ kind: 'checkpoint', cursor: 11 });
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]![0]).toContain('agent.typing');
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
        conversation: { ...wireConversation, designatedAgent: { id: 'a7', extension: '207', name: 'Rosa' }, unreadCount: 3, state: 'assigned', futureField: 1 },
        message: { ...wireMessage, kind: 'system', systemEvent: { type: 'queue.entered' } },
      },
    });
    if (frame.type !== 'event') throw new Error('expected an event frame');
    const event = toPbxEvent(frame);
    if (event.kind !== 'message') throw new Error('expected a message event');
    expect(event.conversation).toMatchObject({ designatedAgentId: 'a7', designatedAgent: { name: 'Rosa' }, unreadCount: 3, state: 'assigned' });
    expect(event.conversation).not.toHaveProperty('futureField');
    expect(event.message).toMatchObject({ kind: 'system', systemEvent: { type: 'queue.entered' } });
  });
});

const group = { id: 'g8000', kind: 'queue', extension: '8000', name: 'SMS Support Queue' };
const amy = { id: 'a202', extension: '202', name: 'Amy Santiago' };
const queueConversation = {
  ...wireConversation,
  customerName: 'Maria Lopez',
  state: 'waiting',
  group,
  designatedAgent: null,
  mentionedAgentId: 'a201',
  waitingSince: '2026-11-20T10:00:00.000Z',
  closedAt: null,
  participants: [{ type: 'agent', ...amy }, { type: 'external', number: '+15035550177', name: null }],
  unreadCount: 1,
  optedOut: false,
};
const mapped = (event: unknown, cursor = 20) => {
  const frame = WireFrame.parse({ type: 'event', cursor, event });
  if (frame.type !== 'event') throw new Error('expected an event frame');
  return toPbxEvent(frame);
};

describe('wire mapping beyond contract v1', () => {
  it('maps every queue and chat conversation field, times to epoch ms', () => {
    const event = mapped({ kind: 'queue.waiting', conversation: queueConversation, group });
    expect(event).toEqual({
      kind: 'conversation',
      cursor: 20,
      conversation: {
        ...wireConversation,
        createdAt: Date.parse(wireConversation.createdAt),
        lastMessageAt: Date.parse(wireConversation.lastMessageAt),
        customerName: 'Maria Lopez',
        state: 'waiting',
        group,
        designatedAgent: null,
        designatedAgentId: null,
        mentionedAgentId: 'a201',
        waitingSince: Date.parse('2026-11-20T10:00:00.000Z'),
        closedAt: null,
        participants: queueConversation.participants,
        unreadCount: 1,
        optedOut: false,
      },
    });
  });

  it('treats assignment, waiting and claims as conversation changes', () => {
    for (const kind of ['conversation.assigned', 'queue.waiting', 'queue.claimed']) {
      expect(mapped({ kind, conversation: { ...queueConversation, state: 'assigned', designatedAgent: amy }, group, agent: amy, reason: 'routed' })).toMatchObject({
        kind: 'conversation',
        conversation: { state: 'assigned', designatedAgentId: 'a202' },
      });
    }
  });

  it('maps removals, read receipts and presence', () => {
    expect(mapped({ kind: 'conversation.removed', conversationId: 'c9' }, 21)).toEqual({ kind: 'removed', cursor: 21, conversationId: 'c9' });
    expect(mapped({ kind: 'conversation.read', conversationId: 'c1', agent: amy, lastReadMessageId: 'm1', readAt: '2026-11-20T10:05:00.000Z' }, 22)).toEqual({
      kind: 'receipt',
      cursor: 22,
      receipt: { conversationId: 'c1', agent: amy, lastReadMessageId: 'm1', readAt: Date.parse('2026-11-20T10:05:00.000Z') },
    });
    expect(mapped({ kind: 'presence.updated', group, loggedIn: true, paused: true, pauseReason: 'Lunch' }, 23)).toEqual({
      kind: 'presence',
      cursor: 23,
      group,
      presence: { loggedIn: true, paused: true, pauseReason: 'Lunch' },
    });
  });

  it('drops a field it cannot read instead of the event: a new state, participant type or lifecycle step', () => {
    const event = mapped({
      kind: 'conversation.updated',
      conversation: { ...queueConversation, state: 'parked', participants: [{ type: 'bot', name: 'x' }, { type: 'agent', ...amy }], group: { id: 'g' } },
    });
    if (event.kind !== 'conversation') throw new Error('expected a conversation event');
    expect(event.conversation.state).toBeUndefined();
    expect(event.conversation.group).toBeUndefined();
    expect(event.conversation.participants).toEqual([{ type: 'agent', ...amy }]);
    const message = mapped({ kind: 'message.updated', message: { ...wireMessage, kind: 'system', systemEvent: { type: 'queue.parked', agent: amy, extra: true } } });
    expect(message).toMatchObject({ kind: 'status', message: { kind: 'system', systemEvent: { type: 'queue.parked', agent: amy } } });
  });
});
