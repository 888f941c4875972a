import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { BotConfigSchema } from '../config/directory-schema';
import type { Db } from '../db/db';
import { findBotByName, listBots, updateBot, upsertBot } from '../directory/bots';
import type { Api, AppEnv } from '../http/api';
import { conflict, notFound } from '../http/errors';
import { authErrors, commonErrors, conflictError, forbiddenError, IdParams, jsonBody, jsonResponse, notFoundError } from '../http/schemas';
import { adminRoute } from './guard';

const BotSchema = z.object({ id: z.string(), name: z.string(), reply: z.string() }).openapi('Bot');
const BotBody = z.object({ bot: BotSchema });
const errors = { ...commonErrors, ...authErrors, ...forbiddenError };

/** /v1/admin/bots: the configured responders numbers can route to. */
export function registerAdminBotRoutes(app: Api, deps: { db: Db; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = adminRoute(deps.auth);
  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/admin/bots',
    summary: 'Every bot',
    responses: { 200: jsonResponse('Bots', z.object({ bots: z.array(BotSchema) })), ...errors },
  });
  const create = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/admin/bots',
    summary: 'Create a bot (a fixed reply for now)',
    request: { body: jsonBody(BotConfigSchema) },
    responses: { 201: jsonResponse('Created', BotBody), ...errors, ...conflictError },
  });
  const patch = createRoute({
    ...guarded,
    method: 'patch',
    path: '/v1/admin/bots/{id}',
    summary: "Change a bot's name or reply",
    request: { params: IdParams, body: jsonBody(BotConfigSchema.partial()) },
    responses: { 200: jsonResponse('Changed', BotBody), ...errors, ...notFoundError, ...conflictError },
  });
  const remove = createRoute({
    ...guarded,
    method: 'delete',
    path: '/v1/admin/bots/{id}',
    summary: 'Delete a bot that nothing refers to',
    description: '409 while a number routes to it or it has conversations.',
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errors, ...notFoundError, ...conflictError },
  });

  app.openapi(list, async (c) => c.json({ bots: await listBots(deps.db) }, 200));
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const bot = await deps.db.transaction(async (tx) => {
      if (await findBotByName(tx, body.name)) throw conflict(`a bot named ${body.name} exists`);
      return upsertBot(tx, body);
    });
    return c.json({ bot }, 201);
  });
  app.openapi(patch, async (c) => {
    const body = c.req.valid('json');
    const id = c.req.valid('param').id;
    const bot = await deps.db.transaction(async (tx) => {
      const namesake = body.name ? await findBotByName(tx, body.name) : null;
      if (namesake && namesake.id !== id) throw conflict(`a bot named ${body.name} exists`);
      return updateBot(tx, id, body);
    });
    if (!bot) throw notFound('bot');
    return c.json({ bot }, 200);
  });
  app.openapi(remove, async (c) => {
    const id = c.req.valid('param').id;
    await deps.db.transaction(async (tx) => {
      const gone = await tx.query(
        `DELETE FROM bots b WHERE b.id = $1
           AND NOT EXISTS (SELECT 1 FROM numbers WHERE inbound_route->>'botId' = b.id)
           AND NOT EXISTS (SELECT 1 FROM conversations WHERE bot_id = b.id)
         RETURNING id`,
        [id],
      );
      if (gone.length > 0) return;
      if ((await tx.query('SELECT 1 FROM bots WHERE id = $1', [id])).length === 0) throw notFound('bot');
      throw conflict('a number routes to this bot or it has conversations');
    });
    return c.body(null, 204);
  });
}
