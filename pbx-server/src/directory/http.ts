import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/db';
import type { Api, AppEnv } from '../http/api';
import { AgentSchema, authErrors, jsonResponse } from '../http/schemas';
import { listAgents, toAgentView } from './agents';
import { listSenderNumbers } from './numbers';

const NumberSchema = z
  .object({ number: z.string(), channel: z.enum(['sms', 'whatsapp']), label: z.string() })
  .openapi('Number');

export function registerDirectoryRoutes(app: Api, deps: { db: Db; auth: MiddlewareHandler<AppEnv> }) {
  const meRoute = createRoute({
    method: 'get',
    path: '/v1/me',
    tags: ['directory'],
    summary: 'The logged-in agent',
    security: [{ bearerAuth: [] }],
    middleware: [deps.auth] as const,
    responses: { 200: jsonResponse('Agent', z.object({ agent: AgentSchema })), ...authErrors },
  });
  const numbersRoute = createRoute({
    method: 'get',
    path: '/v1/numbers',
    tags: ['directory'],
    summary: 'Caller IDs the agent may send from (numbers with messaging enabled), the default first',
    security: [{ bearerAuth: [] }],
    middleware: [deps.auth] as const,
    responses: { 200: jsonResponse('Numbers', z.object({ numbers: z.array(NumberSchema) })), ...authErrors },
  });

  const agentsRoute = createRoute({
    method: 'get',
    path: '/v1/agents',
    tags: ['directory'],
    summary: 'The extension directory: every active agent (colleagues to chat with or transfer to)',
    security: [{ bearerAuth: [] }],
    middleware: [deps.auth] as const,
    responses: { 200: jsonResponse('Agents', z.object({ agents: z.array(AgentSchema) })), ...authErrors },
  });

  app.openapi(meRoute, (c) => c.json({ agent: c.var.agent }, 200));
  app.openapi(agentsRoute, async (c) => c.json({ agents: (await listAgents(deps.db, { activeOnly: true })).map(toAgentView) }, 200));
  app.openapi(numbersRoute, async (c) => {
    const numbers = await listSenderNumbers(deps.db, c.var.agent.id);
    return c.json({ numbers: numbers.map(({ number, channel, label }) => ({ number, channel, label })) }, 200);
  });
}
