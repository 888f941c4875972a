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
  })
  .openapi('Conversation');

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
  })
  .openapi('Message');

export type AgentView = z.infer<typeof AgentSchema>;
export type ConversationView = z.infer<typeof ConversationSchema>;
export type MessageView = z.infer<typeof MessageSchema>;

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
export const credentialsError = { 401: errorResponse('Wrong extension or password, or a spent refresh token') } as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
