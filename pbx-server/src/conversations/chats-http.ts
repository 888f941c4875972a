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
  jsonResponse,
  notFoundError,
} from '../http/schemas';
import type { ChatService } from './chats';

const ConversationBody = z.object({ conversation: ConversationSchema });
const errors = { ...commonErrors, ...authErrors, ...forbiddenError };
const Additions = {
  extensions: z.array(z.string().min(1).max(32)).max(100).optional(),
  externalNumbers: z.array(z.string().min(1).max(40)).max(50).optional().openapi({ description: 'Phone numbers; they get the chat as SMS' }),
};

/** Direct chats and group chats between extensions (plus external numbers). */
export function registerChatRoutes(app: Api, deps: { chats: ChatService; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'chats');

  const direct = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/direct',
    summary: 'Find or create your direct chat with a colleague',
    request: { body: jsonBody(z.object({ extension: z.string().min(1).max(32) })) },
    responses: { 200: jsonResponse('Existing chat', ConversationBody), 201: jsonResponse('Created chat', ConversationBody), ...errors },
  });
  const group = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/group',
    summary: 'Create a named group chat with colleagues and optionally external numbers',
    description: 'External numbers are texted from fromNumber (one of your caller IDs; default your first).',
    request: {
      body: jsonBody(z.object({ title: z.string().trim().min(1).max(100), fromNumber: z.string().min(1).max(40).optional(), ...Additions })),
    },
    responses: { 201: jsonResponse('Created chat', ConversationBody), ...errors },
  });
  const rename = createRoute({
    ...guarded,
    method: 'patch',
    path: '/v1/conversations/{id}',
    summary: 'Rename a group chat (participants only)',
    request: { params: IdParams, body: jsonBody(z.object({ title: z.string().trim().min(1).max(100) })) },
    responses: { 200: jsonResponse('Renamed', ConversationBody), ...errors, ...notFoundError, ...conflictError },
  });
  const add = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/{id}/participants',
    summary: 'Add extensions (or, to a group chat, external numbers) to a group chat or customer conversation (participants only)',
    request: { params: IdParams, body: jsonBody(z.object(Additions)) },
    responses: { 200: jsonResponse('The chat afterwards', ConversationBody), ...errors, ...notFoundError, ...conflictError },
  });
  const leave = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/{id}/leave',
    summary: 'Leave a group chat or customer conversation',
    request: { params: IdParams },
    responses: { 204: { description: 'Left' }, ...errors, ...notFoundError, ...conflictError },
  });

  app.openapi(direct, async (c) => {
    const { conversation, created } = await deps.chats.openDirect(c.var.agent, c.req.valid('json').extension);
    return created ? c.json({ conversation }, 201) : c.json({ conversation }, 200);
  });
  app.openapi(group, async (c) => c.json({ conversation: await deps.chats.createGroup(c.var.agent, c.req.valid('json')) }, 201));
  app.openapi(rename, async (c) =>
    c.json({ conversation: await deps.chats.rename(c.var.agent, c.req.valid('param').id, c.req.valid('json').title) }, 200),
  );
  app.openapi(add, async (c) =>
    c.json({ conversation: await deps.chats.addParticipants(c.var.agent, c.req.valid('param').id, c.req.valid('json')) }, 200),
  );
  app.openapi(leave, async (c) => {
    await deps.chats.leave(c.var.agent, c.req.valid('param').id);
    return c.body(null, 204);
  });
}
