import type { Conversation } from '../../model/conversation';
import type { Message } from '../../model/message';
import type { PbxEvent } from '../connector';
import { WireEvent, type WireConversation, type WireFrame, type WireMessage } from './wire';

const KNOWN_KINDS = new Set<string>(WireEvent.options.map((option) => option.shape.kind.value));

export function toConversation({ designatedAgent, ...wire }: WireConversation): Conversation {
  return {
    ...wire,
    createdAt: Date.parse(wire.createdAt),
    lastMessageAt: wire.lastMessageAt === null ? null : Date.parse(wire.lastMessageAt),
    ...(designatedAgent !== undefined ? { designatedAgentId: designatedAgent?.id ?? null } : {}),
  };
}

export function toMessage({ kind, ...wire }: WireMessage): Message {
  return { ...wire, createdAt: Date.parse(wire.createdAt), ...(kind === 'system' ? { kind: 'system' as const } : {}) };
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
    case 'conversation.updated':
      return { kind: 'conversation', cursor, conversation: toConversation(event.conversation) };
  }
}
