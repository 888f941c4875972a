import { z } from 'zod';
import { AgentSchema } from '../../model/agent';
import { CallerIdSchema, ContactNumberSchema, ContactSuggestionSchema } from '../../model/contact';
import { AgentRefSchema, ConversationStateSchema, ConversationTypeSchema, GroupRefSchema, ParticipantSchema } from '../../model/conversation';
import { MessageDirectionSchema, MessageStatusSchema, SystemEventSchema } from '../../model/message';
import { GroupPresenceSchema } from '../../model/queue';

// The reference server's JSON, exactly as contract v1 describes it. Every response is parsed
// against these before it reaches the domain model, so a server change fails loudly here.
// Fields the server added after v1 are optional and lenient: a value this client does not know
// (a new state, participant type or lifecycle step) drops that field, never the whole event.

const isoTime = z.iso.datetime({ offset: true });

/** An optional field that reads as absent when it does not parse. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** An array that keeps the items it can read and drops the others. */
const lenientArray = <T extends z.ZodType>(schema: T) =>
  z
    .array(z.unknown())
    .transform((items) => items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data as z.infer<T>] : [];
    }))
    .optional()
    .catch(undefined);

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
  designatedAgent: lenient(AgentRefSchema.nullable()),
  customerName: lenient(z.string().nullable()),
  state: lenient(ConversationStateSchema),
  group: lenient(GroupRefSchema.nullable()),
  mentionedAgentId: lenient(z.string().nullable()),
  waitingSince: lenient(isoTime.nullable()),
  closedAt: lenient(isoTime.nullable()),
  participants: lenientArray(ParticipantSchema),
  optedOut: lenient(z.boolean()),
  unreadCount: lenient(z.number().int().nonnegative()),
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
  systemEvent: lenient(SystemEventSchema.nullable()),
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

export const WireAgentRefList = z.object({ agents: z.array(z.looseObject({ id: z.string(), extension: z.string(), name: z.string() })) });
export const WireNumbers = z.object({ numbers: lenientArray(CallerIdSchema).transform((list) => list ?? []) });
export const WireSuggestions = z.object({ suggestions: lenientArray(ContactSuggestionSchema).transform((list) => list ?? []) });
export const WireResolved = z.object({ number: z.string(), name: z.string().nullable(), contactId: z.string().nullable() });
export const WireContactOne = z.object({ contact: z.object({ id: z.string(), name: z.string(), numbers: z.array(ContactNumberSchema) }) });
export const WireGroups = z.object({
  groups: z.array(GroupRefSchema.extend({ me: GroupPresenceSchema.nullable(), waitingCount: z.number().int() })),
});
export const WirePresence = z.object({ presence: GroupPresenceSchema });
export const WireReceipt = z.object({ agent: AgentRefSchema, lastReadMessageId: z.string().nullable(), readAt: isoTime.nullable() });
export type WireReceipt = z.infer<typeof WireReceipt>;
export const WireReceipts = z.object({ receipts: z.array(WireReceipt) });
/** GET / DELETE /v1/conversations/{id}/bots[/{botId}]: the bots present (left) in the conversation. */
export const WireBots = z.object({ bots: z.array(z.object({ id: z.string(), name: z.string(), routed: z.boolean() })) });
export const WireTemplates = z.object({ templates: z.array(z.object({ id: z.string(), name: z.string(), body: z.string() })) });

/** The event kinds this client applies; a frame of any other kind is still a valid frame (see below). */
export const WireEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message.created'), conversation: WireConversation, message: WireMessage }),
  z.object({ kind: z.literal('message.updated'), message: WireMessage }),
  z.object({ kind: z.literal('conversation.updated'), conversation: WireConversation }),
  /** The @mention: this agent became the designated one. */
  z.object({ kind: z.literal('conversation.assigned'), conversation: WireConversation }),
  /** This agent left a group chat. */
  z.object({ kind: z.literal('conversation.removed'), conversationId: z.string() }),
  z.object({ kind: z.literal('conversation.read'), conversationId: z.string(), agent: AgentRefSchema, lastReadMessageId: z.string(), readAt: isoTime }),
  z.object({ kind: z.literal('queue.waiting'), conversation: WireConversation }),
  z.object({ kind: z.literal('queue.claimed'), conversation: WireConversation }),
  z.object({ kind: z.literal('presence.updated'), group: GroupRefSchema, loggedIn: z.boolean(), paused: z.boolean(), pauseReason: z.string().nullable() }),
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
