import { z } from 'zod';
import { AgentSchema } from '../../model/agent';
import { ConversationTypeSchema } from '../../model/conversation';
import { MessageDirectionSchema, MessageStatusSchema } from '../../model/message';

// The reference server's JSON, exactly as contract v1 describes it. Every response is parsed
// against these before it reaches the domain model, so a server change fails loudly here.

export const WireAgent = AgentSchema;

export const WireConversation = z.object({
  id: z.string(),
  type: ConversationTypeSchema,
  customerNumber: z.string().nullable(),
  didNumber: z.string().nullable(),
  title: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastMessageAt: z.iso.datetime({ offset: true }).nullable(),
  lastMessagePreview: z.string().nullable(),
  /** Added by the server's routing (not in contract v1): the one agent alerted for a group or queue conversation. */
  designatedAgent: z.object({ id: z.string() }).nullable().optional(),
});
export type WireConversation = z.infer<typeof WireConversation>;

export const WireMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: MessageDirectionSchema,
  body: z.string(),
  from: z.string(),
  to: z.string(),
  status: MessageStatusSchema,
  failureReason: z.string().nullable(),
  senderAgentId: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** Added by the server (not in contract v1): "system" for lifecycle lines. A string, so a new kind never makes the event unreadable. */
  kind: z.string().optional(),
});
export type WireMessage = z.infer<typeof WireMessage>;

export const WireError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export const WireTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().positive(),
  agent: WireAgent,
});
export type WireTokens = z.infer<typeof WireTokens>;

export const WireConversationList = z.object({ conversations: z.array(WireConversation) });
export const WireConversationOne = z.object({ conversation: WireConversation });
export const WireMessageList = z.object({ messages: z.array(WireMessage) });
export const WireMessageOne = z.object({ message: WireMessage });

/** The event kinds contract v1 defines; a frame of any other kind is still a valid frame (see below). */
export const WireEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message.created'), conversation: WireConversation, message: WireMessage }),
  z.object({ kind: z.literal('message.updated'), message: WireMessage }),
  z.object({ kind: z.literal('conversation.updated'), conversation: WireConversation }),
]);
export type WireEvent = z.infer<typeof WireEvent>;

/**
 * Frames are parsed leniently at the envelope level: the server adds event kinds over time, and an
 * event this client does not know must still move the cursor (mapping.ts), or every reconnect would
 * replay it forever. The event itself is parsed against WireEvent only when it is mapped.
 */
export const WireFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), cursor: z.number().int().nonnegative(), event: z.looseObject({ kind: z.string() }) }),
  z.object({ type: z.literal('synced'), cursor: z.number().int().nonnegative() }),
  z.object({ type: z.literal('ping') }),
]);
export type WireFrame = z.infer<typeof WireFrame>;

/** The server closes the event socket with this code when the access token is bad or expired. */
export const CLOSE_UNAUTHORIZED = 4401;
