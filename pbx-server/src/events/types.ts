import type { ConversationView, MessageView } from '../http/schemas';

/** What a client sees inside {"type":"event","cursor":N,"event":...}. */
export type PbxEvent =
  | { kind: 'message.created'; conversation: ConversationView; message: MessageView }
  | { kind: 'message.updated'; message: MessageView }
  | { kind: 'conversation.updated'; conversation: ConversationView };

/** One row of the events table: an event addressed to one agent; cursor = events.id. */
export type StoredEvent = { cursor: number; agentId: string; event: PbxEvent };
