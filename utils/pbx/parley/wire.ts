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

export const WireEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message.created'), conversation: WireConversation, message: WireMessage }),
  z.object({ kind: z.literal('message.updated'), message: WireMessage }),
  z.object({ kind: z.literal('conversation.updated'), conversation: WireConversation }),
]);

export const WireFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), cursor: z.number().int().nonnegative(), event: WireEvent }),
  z.object({ type: z.literal('synced'), cursor: z.number().int().nonnegative() }),
  z.object({ type: z.literal('ping') }),
]);
export type WireFrame = z.infer<typeof WireFrame>;

/** The server closes the event socket with this code when the access token is bad or expired. */
export const CLOSE_UNAUTHORIZED = 4401;
