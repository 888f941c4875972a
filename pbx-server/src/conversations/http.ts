import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import {
  authErrors,
  commonErrors,
  conflictError,
  ConversationSchema,
  forbiddenError,
  IdParams,
  jsonBody,
  limitParam,
  jsonResponse,
  MessageSchema,
  notFoundError,
} from '../http/schemas';
import type { ConversationService } from './service';

const ConversationBody = z.object({ conversation: ConversationSchema });
const MessageBody = z.object({ message: MessageSchema });

export function registerConversationRoutes(app: Api, deps: { service: ConversationService; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'conversations');

  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/conversations',
    summary: "The agent's conversations (its own, its groups' and queues'), newest activity first",
    description: 'scope=all (supervisors and admins only, else 403) lists every conversation of the PBX.',
    request: { query: z.object({ limit: limitParam, scope: z.enum(['mine', 'all']).default('mine') }) },
    responses: {
      200: jsonResponse('Conversations', z.object({ conversations: z.array(ConversationSchema) })),
      ...commonErrors,
      ...authErrors,
      ...forbiddenError,
    },
  });
  const open = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations',
    summary: "Find or create the agent's 1:1 SMS conversation with a customer",
    request: {
      body: jsonBody(
        z.object({
          customerNumber: z.string().min(1).max(40),
          fromNumber: z.string().min(1).max(40).optional().openapi({ description: 'One of GET /v1/numbers; default the first' }),
        }),
      ),
    },
    responses: {
      200: jsonResponse('Existing conversation', ConversationBody),
      201: jsonResponse('Created conversation', ConversationBody),
      ...commonErrors,
      ...authErrors,
      ...forbiddenError,
    },
  });
  const get = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/conversations/{id}',
    summary: 'One conversation',
    request: { params: IdParams },
    responses: { 200: jsonResponse('Conversation', ConversationBody), ...authErrors, ...notFoundError },
  });
  const messages = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/conversations/{id}/messages',
    summary: 'Messages, oldest first; before=<messageId> pages back',
    request: { params: IdParams, query: z.object({ before: z.string().min(1).max(100).optional(), limit: limitParam }) },
    responses: {
      200: jsonResponse('Messages', z.object({ messages: z.array(MessageSchema) })),
      ...commonErrors,
      ...authErrors,
      ...notFoundError,
    },
  });
  const send = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/{id}/messages',
    summary: 'Send a message (idempotent per agent and idempotencyKey)',
    description:
      'Customer threads: texted through the line\'s carrier (queued -> sent -> delivered). In a ring group or queue ' +
      'conversation only its designated agent may send (403); a closed one answers 409. Chats between agents are ' +
      'delivered at once; a group chat\'s external numbers get the message as SMS.',
    request: {
      params: IdParams,
      body: jsonBody(z.object({ body: z.string().min(1).max(1600), idempotencyKey: z.string().min(8).max(100) })),
    },
    responses: {
      200: jsonResponse('The message stored earlier under this idempotency key', MessageBody),
      201: jsonResponse('Stored and queued for sending', MessageBody),
      ...commonErrors,
      ...authErrors,
      ...forbiddenError,
      ...notFoundError,
      ...conflictError,
    },
  });

  app.openapi(list, async (c) => {
    return c.json({ conversations: await deps.service.list(c.var.agent, c.req.valid('query')) }, 200);
  });
  app.openapi(open, async (c) => {
    const { conversation, created } = await deps.service.open(c.var.agent, c.req.valid('json'));
    return created ? c.json({ conversation }, 201) : c.json({ conversation }, 200);
  });
  app.openapi(get, async (c) => c.json({ conversation: await deps.service.get(c.var.agent, c.req.valid('param').id) }, 200));
  app.openapi(messages, async (c) => {
    const { before, limit } = c.req.valid('query');
    const list = await deps.service.messages(c.var.agent, c.req.valid('param').id, { before, limit });
    return c.json({ messages: list }, 200);
  });
  app.openapi(send, async (c) => {
    const { message, created } = await deps.service.send(c.var.agent, c.req.valid('param').id, c.req.valid('json'));
    return created ? c.json({ message }, 201) : c.json({ message }, 200);
  });
}
