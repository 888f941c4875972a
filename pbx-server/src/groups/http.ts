import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import {
  AgentRefSchema,
  authErrors,
  commonErrors,
  ConversationSchema,
  forbiddenError,
  GroupKindSchema,
  IdParams,
  jsonBody,
  jsonResponse,
  notFoundError,
} from '../http/schemas';
import type { GroupService } from './service';

const PresenceSchema = z
  .object({ loggedIn: z.boolean(), paused: z.boolean(), pauseReason: z.string().nullable() })
  .openapi('Presence');

const GroupSummarySchema = z
  .object({
    id: z.string(),
    kind: GroupKindSchema,
    extension: z.string(),
    name: z.string(),
    strategy: z.enum(['round_robin', 'longest_idle']),
    idleTimeoutSeconds: z.number().int().nullable(),
    unclaimedTimeoutSeconds: z.number().int().nullable(),
    me: PresenceSchema.nullable().openapi({ description: 'Your presence in the group; null when you are not a member' }),
    waitingCount: z.number().int(),
    members: z.array(PresenceSchema.extend({ agent: AgentRefSchema })),
  })
  .openapi('GroupSummary');

const WaitingSchema = z
  .object({ conversation: ConversationSchema, waitingSeconds: z.number().int() })
  .openapi('WaitingConversation');

const errors = { ...commonErrors, ...authErrors, ...forbiddenError, ...notFoundError };

/** GET /v1/groups, the waiting list, and per-group login / logout / pause / resume. */
export function registerGroupRoutes(app: Api, deps: { groups: GroupService; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'groups');

  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/groups',
    summary: 'Ring groups and SMS queues, with your presence in each and their waiting counts',
    responses: { 200: jsonResponse('Groups', z.object({ groups: z.array(GroupSummarySchema) })), ...authErrors },
  });
  const waiting = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/groups/{id}/waiting',
    summary: 'Conversations waiting to be claimed, longest waiting first (members and supervisors)',
    request: { params: IdParams },
    responses: { 200: jsonResponse('Waiting conversations', z.object({ waiting: z.array(WaitingSchema) })), ...errors },
  });
  const presenceRoute = (action: string, summary: string) =>
    createRoute({
      ...guarded,
      method: 'post',
      path: `/v1/groups/{id}/${action}`,
      summary,
      description: 'Members only (403). Independent per group and of anything else.',
      request: { params: IdParams },
      responses: { 200: jsonResponse('Your presence in the group', z.object({ presence: PresenceSchema })), ...errors },
    });
  const PauseBody = z.object({ reason: z.string().trim().min(1).max(200) });

  app.openapi(list, async (c) => c.json({ groups: await deps.groups.list(c.var.agent) }, 200));
  app.openapi(waiting, async (c) => c.json({ waiting: await deps.groups.waiting(c.var.agent, c.req.valid('param').id) }, 200));
  app.openapi(presenceRoute('login', 'Log in to the group: its new conversations may be assigned to you'), async (c) =>
    c.json({ presence: await deps.groups.setPresence(c.var.agent, c.req.valid('param').id, { loggedIn: true }) }, 200),
  );
  app.openapi(presenceRoute('logout', 'Log out of the group'), async (c) =>
    c.json({ presence: await deps.groups.setPresence(c.var.agent, c.req.valid('param').id, { loggedIn: false }) }, 200),
  );
  const pause = createRoute({ ...presenceRoute('pause', 'Pause in the group, with a reason'), request: { params: IdParams, body: jsonBody(PauseBody) } });
  app.openapi(pause, async (c) =>
    c.json({ presence: await deps.groups.setPresence(c.var.agent, c.req.valid('param').id, { paused: true, pauseReason: c.req.valid('json').reason }) }, 200),
  );
  app.openapi(presenceRoute('resume', 'End the pause'), async (c) =>
    c.json({ presence: await deps.groups.setPresence(c.var.agent, c.req.valid('param').id, { paused: false }) }, 200),
  );
}
