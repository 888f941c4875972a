import type { Conversation } from '../../model/conversation';
import type { Message } from '../../model/message';
import type { PbxEvent } from '../connector';
import type { WireConversation, WireFrame, WireMessage } from './wire';

export function toConversation(wire: WireConversation): Conversation {
  return {
    ...wire,
    createdAt: Date.parse(wire.createdAt),
    lastMessageAt: wire.lastMessageAt === null ? null : Date.parse(wire.lastMessageAt),
  };
}

export function toMessage(wire: WireMessage): Message {
  return { ...wire, createdAt: Date.parse(wire.createdAt) };
}

/** Maps one event frame to the connector's domain event. */
export function toPbxEvent(frame: Extract<WireFrame, { type: 'event' }>): PbxEvent {
  const { cursor, event } = frame;
  switch (event.kind) {
    case 'message.created':
      return { kind: 'message', cursor, message: toMessage(event.message), conversation: toConversation(event.conversation) };
    case 'message.updated':
      return { kind: 'status', cursor, message: toMessage(event.message) };
    case 'conversation.updated':
      return { kind: 'conversation', cursor, conversation: toConversation(event.conversation) };
  }
}
