import type { AgentRefView, ConversationView, GroupRefView, MessageView } from '../http/schemas';

/**
 * What a client sees inside {"type":"event","cursor":N,"event":...}. Documented for clients in
 * pbx-server/README.md ("Events"); every conversation inside is the recipient's own view (its
 * unreadCount is the recipient's).
 */
export type PbxEvent =
  | { kind: 'message.created'; conversation: ConversationView; message: MessageView }
  | { kind: 'message.updated'; message: MessageView }
  | { kind: 'conversation.updated'; conversation: ConversationView }
  /** The recipient became the designated agent (the @mention): routed to them or transferred to them. */
  | { kind: 'conversation.assigned'; conversation: ConversationView; reason: 'routed' | 'transferred' }
  /** The recipient no longer belongs to the conversation (left a group chat). */
  | { kind: 'conversation.removed'; conversationId: string }
  /** A member read up to a message (read receipts); sent to every member. */
  | { kind: 'conversation.read'; conversationId: string; agent: AgentRefView; lastReadMessageId: string; readAt: string }
  /** A conversation entered the waiting list of a group the recipient is available in. */
  | { kind: 'queue.waiting'; conversation: ConversationView; group: GroupRefView }
  /** Someone claimed a waiting conversation; sent to every member of its group. */
  | { kind: 'queue.claimed'; conversation: ConversationView; group: GroupRefView; agent: AgentRefView }
  /** The recipient's own login/pause state in a group changed (from another device, say). */
  | { kind: 'presence.updated'; group: GroupRefView; loggedIn: boolean; paused: boolean; pauseReason: string | null };

export type PbxEventKind = PbxEvent['kind'];

/**
 * One agent's copy of an event (a row of the events table lists all its recipients); cursor =
 * events.id; json: the copy as its WebSocket frame carries it, serialized (a live event's copies are
 * serialized together, events/recipient-json.ts).
 */
export type StoredEvent = { cursor: number; agentId: string; json: string };
