import type { Conversation } from '../../model/conversation';
import type { Message } from '../../model/message';
import type { ReadReceipt } from '../../model/receipt';
import type { PbxEvent } from '../connector';
import { WireEvent, type WireConversation, type WireFrame, type WireMessage, type WireReceipt } from './wire';

const KNOWN_KINDS = new Set<string>(WireEvent.options.map((option) => option.shape.kind.value));

const epoch = (iso: string | null | undefined) => (iso == null ? iso : Date.parse(iso));

/** Copies only the fields the server sent, so a v1 server's conversation maps to a v1 conversation. */
function present<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function toConversation({ designatedAgent, waitingSince, closedAt, ...wire }: WireConversation): Conversation {
  const { customerName, state, group, mentionedAgentId, participants, optedOut, unreadCount, ...v1 } = wire;
  return {
    ...v1,
    createdAt: Date.parse(wire.createdAt),
    lastMessageAt: wire.lastMessageAt === null ? null : Date.parse(wire.lastMessageAt),
    ...(designatedAgent !== undefined ? { designatedAgentId: designatedAgent?.id ?? null, designatedAgent } : {}),
    ...present({ customerName, state, group, mentionedAgentId, participants, optedOut, unreadCount, waitingSince: epoch(waitingSince), closedAt: epoch(closedAt) }),
  };
}

export function toMessage({ kind, systemEvent, ...wire }: WireMessage): Message {
  return {
    ...wire,
    createdAt: Date.parse(wire.createdAt),
    ...(kind === 'system' ? { kind: 'system' as const } : {}),
    ...(systemEvent ? { systemEvent } : {}),
  };
}

export function toReceipt(conversationId: string, wire: WireReceipt): ReadReceipt {
  return { conversationId, agent: wire.agent, lastReadMessageId: wire.lastReadMessageId, readAt: epoch(wire.readAt) ?? null };
}

const reportedKinds = new Set<string>();

/**
 * Maps one event frame to the connector's domain event. An event of a kind this client does not
 * know, or a known kind it cannot read, becomes a checkpoint: logged, never applied, but the cursor
 * moves past it so it is not replayed on every reconnect.
 */
export function toPbxEvent(frame: Extract<WireFrame, { type: 'event' }>): PbxEvent {
  const { cursor } = frame;
  const parsed = WireEvent.safeParse(frame.event);
  if (!parsed.success) {
    const kind = frame.event.kind;
    if (KNOWN_KINDS.has(kind)) {
      console.error(`[parley] skipping an unreadable ${kind} event at cursor ${cursor}`, parsed.error.message);
    } else if (!reportedKinds.has(kind)) {
      reportedKinds.add(kind);
      console.info(`[parley] ignoring events of kind "${kind}" (not used by this version)`);
    }
    return { kind: 'checkpoint', cursor };
  }
  const event = parsed.data;
  switch (event.kind) {
    case 'message.created':
      return { kind: 'message', cursor, message: toMessage(event.message), conversation: toConversation(event.conversation) };
    case 'message.updated':
      return { kind: 'status', cursor, message: toMessage(event.message) };
    // Assignment, entering a waiting list and a claim all change the conversation's own fields
    // (state, designated agent, mention): the stored row follows.
    case 'conversation.updated':
    case 'conversation.assigned':
    case 'queue.waiting':
    case 'queue.claimed':
      return { kind: 'conversation', cursor, conversation: toConversation(event.conversation) };
    case 'conversation.removed':
      return { kind: 'removed', cursor, conversationId: event.conversationId };
    case 'conversation.read':
      return { kind: 'receipt', cursor, receipt: toReceipt(event.conversationId, event) };
    case 'presence.updated': {
      const { group, loggedIn, paused, pauseReason } = event;
      return { kind: 'presence', cursor, group, presence: { loggedIn, paused, pauseReason } };
    }
  }
}
