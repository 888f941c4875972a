import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import { AgentRefSchema, authErrors, commonErrors, ConversationSchema, forbiddenError, IdParams, jsonBody, jsonResponse, notFoundError } from '../http/schemas';
import type { ReadState } from './read-state';

const ReceiptSchema = z
  .object({ agent: AgentRefSchema, lastReadMessageId: z.string().nullable(), readAt: z.string().nullable() })
  .openapi('Receipt');

/** Read marks, receipts and unread counts. */
export function registerReadRoutes(app: Api, deps: { reads: ReadState; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'conversations');
  const read = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/{id}/read',
    summary: 'Mark the conversation read up to a message (default: the newest)',
    description: 'Participants only (403). Marks only move forward; other participants get a conversation.read event.',
    request: { params: IdParams, body: jsonBody(z.object({ messageId: z.string().min(1).max(100).optional() })) },
    responses: { 200: jsonResponse('The conversation with your unread count', z.object({ conversation: ConversationSchema })), ...commonErrors, ...authErrors, ...forbiddenError, ...notFoundError },
  });
  const receipts = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/conversations/{id}/receipts',
    summary: "Every participant's read mark",
    request: { params: IdParams },
    responses: { 200: jsonResponse('Receipts', z.object({ receipts: z.array(ReceiptSchema) })), ...authErrors, ...notFoundError },
  });
  const unread = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/unread',
    summary: 'Your unread texts: the total and per conversation',
    responses: {
      200: jsonResponse(
        'Unread counts',
        z.object({ total: z.number().int(), conversations: z.array(z.object({ conversationId: z.string(), unreadCount: z.number().int() })) }),
      ),
      ...authErrors,
    },
  });

  app.openapi(read, async (c) =>
    c.json({ conversation: await deps.reads.markRead(c.var.agent, c.req.valid('param').id, c.req.valid('json').messageId) }, 200),
  );
  app.openapi(receipts, async (c) => c.json({ receipts: await deps.reads.receipts(c.var.agent, c.req.valid('param').id) }, 200));
  app.openapi(unread, async (c) => c.json(await deps.reads.unread(c.var.agent), 200));
}
