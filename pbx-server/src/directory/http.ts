import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/db';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import { AgentSchema, authErrors, jsonResponse } from '../http/schemas';
import { listAgents, toAgentView } from './agents';
import { listSenderNumbers } from './numbers';

const NumberSchema = z
  .object({ number: z.string(), channel: z.enum(['sms', 'whatsapp']), label: z.string() })
  .openapi('Number');

export function registerDirectoryRoutes(app: Api, deps: { db: Db; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'directory');
  const meRoute = createRoute({
    method: 'get',
    path: '/v1/me',
    ...guarded,
    summary: 'The logged-in agent',
    responses: { 200: jsonResponse('Agent', z.object({ agent: AgentSchema })), ...authErrors },
  });
  const numbersRoute = createRoute({
    method: 'get',
    path: '/v1/numbers',
    ...guarded,
    summary: 'Caller IDs the agent may send from (numbers with messaging enabled), the default first',
    responses: { 200: jsonResponse('Numbers', z.object({ numbers: z.array(NumberSchema) })), ...authErrors },
  });

  const agentsRoute = createRoute({
    method: 'get',
    path: '/v1/agents',
    ...guarded,
    summary: 'The extension directory: every active agent (colleagues to chat with or transfer to)',
    responses: { 200: jsonResponse('Agents', z.object({ agents: z.array(AgentSchema) })), ...authErrors },
  });

  app.openapi(meRoute, (c) => c.json({ agent: c.var.agent }, 200));
  app.openapi(agentsRoute, async (c) => c.json({ agents: (await listAgents(deps.db, { activeOnly: true })).map(toAgentView) }, 200));
  app.openapi(numbersRoute, async (c) => {
    const numbers = await listSenderNumbers(deps.db, c.var.agent.id);
    return c.json({ numbers: numbers.map(({ number, channel, label }) => ({ number, channel, label })) }, 200);
  });
}
