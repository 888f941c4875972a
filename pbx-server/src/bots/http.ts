import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { requireVisible } from '../conversations/access';
import type { Db } from '../db/db';
import type { EventWriter } from '../events/unit-of-work';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import { authErrors, commonErrors, IdParams, jsonResponse, notFoundError } from '../http/schemas';
import { listConversationBots } from './presence';
import { removeBotFromConversation } from './removal';

const ConversationBotSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    routed: z.boolean().openapi({ description: "Put here by the number's route: answers the customer outside working hours" }),
    addedAt: z.string(),
  })
  .openapi('ConversationBot');
const BotsBody = z.object({ bots: z.array(ConversationBotSchema) });
const BotParams = IdParams.extend({ botId: z.string().min(1).max(100).openapi({ param: { name: 'botId', in: 'path' } }) });
const errors = { ...commonErrors, ...authErrors, ...notFoundError };

/** The bots in a customer conversation, and an agent removing one (seed 003 "Routing to a Bot"). */
export function registerConversationBotRoutes(app: Api, deps: { db: Db; events: EventWriter; clock: Clock; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'bots');
  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/conversations/{id}/bots',
    summary: 'Bots present in a conversation',
    request: { params: IdParams },
    responses: { 200: jsonResponse('Bots', BotsBody), ...errors },
  });
  const remove = createRoute({
    ...guarded,
    method: 'delete',
    path: '/v1/conversations/{id}/bots/{botId}',
    summary: 'Remove a bot from a conversation',
    description:
      'Any agent who sees the conversation; the members get the line "Bot <name> removed by <agent> (<extension>)". A routed bot stays inactive in it from then on (it no longer answers out of hours). An action that sends as the bot adds it back to keep executing that action. 404 when the bot is not in the conversation.',
    request: { params: BotParams },
    responses: { 200: jsonResponse('The bots left', BotsBody), ...errors },
  });

  app.openapi(list, async (c) => {
    const { id } = c.req.valid('param');
    const bots = await deps.db.transaction(async (tx) => {
      await requireVisible(tx, id, c.var.agent);
      return listConversationBots(tx, id);
    });
    return c.json({ bots }, 200);
  });
  app.openapi(remove, async (c) => {
    const { id, botId } = c.req.valid('param');
    const bots = await removeBotFromConversation(deps.events, c.var.agent, id, botId, deps.clock.now());
    return c.json({ bots }, 200);
  });
}
