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
import type { QueueService } from './service';

const ConversationBody = z.object({ conversation: ConversationSchema });
const errors = { ...commonErrors, ...authErrors, ...forbiddenError, ...notFoundError, ...conflictError };

/** Claim, release, close and transfer of ring group and queue conversations. */
export function registerQueueControlRoutes(app: Api, deps: { queues: QueueService; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'queues');
  const control = (action: 'claim' | 'release' | 'close', summary: string, description: string) =>
    createRoute({
      ...guarded,
      method: 'post',
      path: `/v1/conversations/{id}/${action}`,
      summary,
      description,
      request: { params: IdParams },
      responses: { 200: jsonResponse('The conversation afterwards', ConversationBody), ...errors },
    });

  const claim = control(
    'claim',
    'Claim a waiting conversation: you become its designated agent',
    'Only a logged-in, unpaused member of its group (403 otherwise). Of concurrent claims exactly one wins; the others get 409 "claimed by Name (ext)".',
  );
  const release = control('release', 'Give the conversation back to its queue or ring group', 'Designated agent only (403).');
  const close = control(
    'close',
    'Mark the conversation complete',
    "Designated agent only (403). The customer's next text starts a new conversation in the queue.",
  );
  const transfer = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/conversations/{id}/transfer',
    summary: 'Transfer the conversation to another agent or another queue / ring group',
    description:
      'Designated agent only (403). With agentId that agent becomes designated for the customer\'s later texts; with groupId the conversation enters that group. History stays intact.',
    request: {
      params: IdParams,
      body: jsonBody(z.object({ agentId: z.string().min(1).max(100).optional(), groupId: z.string().min(1).max(100).optional() })),
    },
    responses: { 200: jsonResponse('The conversation afterwards', ConversationBody), ...errors },
  });

  app.openapi(claim, async (c) => c.json({ conversation: await deps.queues.claim(c.var.agent, c.req.valid('param').id) }, 200));
  app.openapi(release, async (c) => c.json({ conversation: await deps.queues.release(c.var.agent, c.req.valid('param').id) }, 200));
  app.openapi(close, async (c) => c.json({ conversation: await deps.queues.close(c.var.agent, c.req.valid('param').id) }, 200));
  app.openapi(transfer, async (c) =>
    c.json({ conversation: await deps.queues.transfer(c.var.agent, c.req.valid('param').id, c.req.valid('json')) }, 200),
  );
}
