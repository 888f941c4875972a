import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/db';
import { extensionInUse, insertAgent, listAgents, updateAgent, type AgentRow } from '../directory/agents';
import type { Api, AppEnv } from '../http/api';
import { conflict, notFound } from '../http/errors';
import { authErrors, commonErrors, conflictError, forbiddenError, IdParams, jsonBody, jsonResponse, notFoundError } from '../http/schemas';
import { adminRoute } from './guard';

const Role = z.enum(['agent', 'supervisor', 'admin']);
const AdminAgentSchema = z
  .object({ id: z.string(), extension: z.string(), name: z.string(), role: Role, active: z.boolean() })
  .openapi('AdminAgent');
const view = (a: AgentRow) => ({ id: a.id, extension: a.extension, name: a.name, role: a.role, active: a.active });
const AgentBody = z.object({ agent: AdminAgentSchema });
const errors = { ...commonErrors, ...authErrors, ...forbiddenError };

/** /v1/admin/agents: list, create, change, deactivate (agents are never deleted: messages name them). */
export function registerAdminAgentRoutes(app: Api, deps: { db: Db; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = adminRoute(deps.auth);
  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/admin/agents',
    summary: 'Every agent, active first',
    responses: { 200: jsonResponse('Agents', z.object({ agents: z.array(AdminAgentSchema) })), ...errors },
  });
  const create = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/admin/agents',
    summary: 'Create an agent',
    request: {
      body: jsonBody(
        z.object({
          extension: z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'must be 1-32 letters or digits'),
          name: z.string().trim().min(1).max(100),
          password: z.string().min(8).max(200),
          role: Role.default('agent'),
        }),
      ),
    },
    responses: { 201: jsonResponse('Created', AgentBody), ...errors, ...conflictError },
  });
  const patch = createRoute({
    ...guarded,
    method: 'patch',
    path: '/v1/admin/agents/{id}',
    summary: 'Change name, role or password, or reactivate',
    request: {
      params: IdParams,
      body: jsonBody(
        z.object({
          name: z.string().trim().min(1).max(100).optional(),
          role: Role.optional(),
          password: z.string().min(8).max(200).optional(),
          active: z.literal(true).optional().openapi({ description: 'Reactivate a deactivated agent' }),
        }),
      ),
    },
    responses: { 200: jsonResponse('Changed', AgentBody), ...errors, ...notFoundError },
  });
  const remove = createRoute({
    ...guarded,
    method: 'delete',
    path: '/v1/admin/agents/{id}',
    summary: 'Deactivate an agent: no login, out of every group and caller ID; history keeps their name',
    description: '409 while a number routes to the agent, or for yourself.',
    request: { params: IdParams },
    responses: { 200: jsonResponse('Deactivated', AgentBody), ...errors, ...notFoundError, ...conflictError },
  });

  app.openapi(list, async (c) => c.json({ agents: (await listAgents(deps.db, { activeOnly: false })).map(view) }, 200));
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const passwordHash = await hashPassword(body.password);
    const agent = await deps.db.transaction(async (tx) => {
      if (await extensionInUse(tx, body.extension)) throw conflict(`extension ${body.extension} is taken`);
      return insertAgent(tx, { ...body, passwordHash });
    });
    return c.json({ agent: view(agent) }, 201);
  });
  app.openapi(patch, async (c) => {
    const { password, ...rest } = c.req.valid('json');
    const agent = await updateAgent(deps.db, c.req.valid('param').id, { ...rest, passwordHash: password ? await hashPassword(password) : undefined });
    if (!agent) throw notFound('agent');
    return c.json({ agent: view(agent) }, 200);
  });
  app.openapi(remove, async (c) => {
    const id = c.req.valid('param').id;
    if (id === c.var.agent.id) throw conflict('you cannot deactivate yourself');
    const agent = await deps.db.transaction(async (tx) => {
      const routes = await tx.query<{ number: string }>(`SELECT number FROM numbers WHERE inbound_route->>'agentId' = $1`, [id]);
      if (routes.length > 0) throw conflict(`numbers route to this agent: ${routes.map((r) => r.number).join(', ')}`);
      const updated = await updateAgent(tx, id, { active: false });
      if (!updated) throw notFound('agent');
      await tx.query('DELETE FROM group_members WHERE agent_id = $1', [id]);
      await tx.query('DELETE FROM number_senders WHERE agent_id = $1', [id]);
      await tx.query('DELETE FROM refresh_tokens WHERE agent_id = $1', [id]);
      return updated;
    });
    return c.json({ agent: view(agent) }, 200);
  });
}
