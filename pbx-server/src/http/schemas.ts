import { z } from '@hono/zod-openapi';

/** Wire shapes shared by several route modules; the single source for validation and /openapi.json. */

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi('Error');

export const AgentSchema = z
  .object({
    id: z.string(),
    extension: z.string(),
    name: z.string(),
    role: z.enum(['agent', 'supervisor', 'admin']),
  })
  .openapi('Agent');

/** Who an agent is, wherever another object points at one. */
export const AgentRefSchema = z.object({ id: z.string(), extension: z.string(), name: z.string() }).openapi('AgentRef');

export const GroupKindSchema = z.enum(['ring_group', 'queue']);
export const GroupRefSchema = z
  .object({ id: z.string(), kind: GroupKindSchema, extension: z.string(), name: z.string() })
  .openapi('GroupRef');

export const ParticipantSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('agent'), id: z.string(), extension: z.string(), name: z.string() }),
    z.object({ type: z.literal('external'), number: z.string(), name: z.string().nullable() }),
  ])
  .openapi('Participant');

export const ConversationStateSchema = z
  .enum(['open', 'waiting', 'assigned', 'closed'])
  .openapi({ description: "open: not routed to a group; a group's conversation is waiting (nobody designated), assigned or closed" });

export const ConversationSchema = z
  .object({
    id: z.string(),
    type: z.enum(['sms', 'whatsapp', 'direct', 'group']),
    customerNumber: z.string().nullable(),
    didNumber: z.string().nullable(),
    title: z.string(),
    createdAt: z.string(),
    lastMessageAt: z.string().nullable(),
    lastMessagePreview: z.string().nullable(),
    optedOut: z.boolean().openapi({ description: 'The customer texted STOP to this line: sending is refused until they text START' }),
    customerName: z.string().nullable().openapi({ description: 'customerNumber resolved through the phonebook, then the call log' }),
    state: ConversationStateSchema,
    group: GroupRefSchema.nullable().openapi({ description: 'The ring group or SMS queue the conversation belongs to' }),
    designatedAgent: AgentRefSchema.nullable().openapi({ description: 'The one agent who may reply, transfer, release and close' }),
    mentionedAgentId: z.string().nullable().openapi({ description: 'The agent alerted (@mention) for this conversation' }),
    waitingSince: z.string().nullable(),
    closedAt: z.string().nullable(),
    participants: z.array(ParticipantSchema).openapi({ description: 'Agents who see the conversation, and external numbers of a group chat' }),
    unreadCount: z.number().int().openapi({ description: "Texts the requesting agent has not read (each event carries its recipient's count)" }),
  })
  .openapi('Conversation');

export const SystemEventSchema = z
  .object({
    type: z.enum([
      'queue.entered',
      'queue.assigned',
      'queue.claimed',
      'queue.transferred',
      'queue.released',
      'queue.closed',
      'chat.created',
      'chat.renamed',
      'chat.member_added',
      'chat.member_left',
      'bot.removed',
    ]),
    agent: AgentRefSchema.optional(),
    group: GroupRefSchema.optional(),
    by: AgentRefSchema.optional(),
    number: z.string().optional(),
    title: z.string().optional(),
    reason: z.enum(['agent', 'idle_timeout', 'unclaimed_timeout']).optional(),
    bot: z.object({ id: z.string(), name: z.string() }).optional().openapi({ description: 'bot.removed: the bot an agent (`by`) removed' }),
  })
  .openapi('SystemEvent');

export const MessageSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    body: z.string(),
    from: z.string(),
    to: z.string(),
    status: z.enum(['queued', 'sent', 'delivered', 'failed', 'received']),
    failureReason: z.string().nullable(),
    senderAgentId: z.string().nullable(),
    idempotencyKey: z.string().nullable(),
    createdAt: z.string(),
    kind: z.enum(['text', 'system']).openapi({ description: 'system: a lifecycle line ("Entered SMS Support Queue"); body is its text' }),
    systemEvent: SystemEventSchema.nullable(),
  })
  .openapi('Message');

export type AgentView = z.infer<typeof AgentSchema>;
export type ConversationView = z.infer<typeof ConversationSchema>;
export type MessageView = z.infer<typeof MessageSchema>;
export type AgentRefView = z.infer<typeof AgentRefSchema>;
export type GroupRefView = z.infer<typeof GroupRefSchema>;
export type ParticipantView = z.infer<typeof ParticipantSchema>;
export type SystemEvent = z.infer<typeof SystemEventSchema>;
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/** `{id}` in a path. */
export const IdParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** Error responses every route may produce, spread into each route's `responses`. */
export const commonErrors = {
  400: errorResponse('Validation failure (code invalid_request, field names the first bad field)'),
  413: errorResponse('Body over 64 KiB'),
} as const;

export const authErrors = {
  401: errorResponse('Missing, invalid or expired bearer token'),
} as const;

export const notFoundError = { 404: errorResponse('Unknown id') } as const;
export const forbiddenError = { 403: errorResponse('Not allowed for this agent') } as const;
export const conflictError = { 409: errorResponse('The state moved on (claimed by someone else, closed, already exists)') } as const;
export const credentialsError = { 401: errorResponse('Wrong extension or password, or a spent refresh token') } as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
