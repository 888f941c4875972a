import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { GroupSettingsSchema } from '../config/directory-schema';
import type { Db, Queryable } from '../db/db';
import { extensionInUse, findAgentByExtension } from '../directory/agents';
import { findGroup, insertGroup, listGroups, listMembers, replaceMembers, updateGroup, type Group } from '../directory/groups';
import type { Api, AppEnv } from '../http/api';
import { conflict, invalidField, notFound } from '../http/errors';
import { authErrors, commonErrors, conflictError, forbiddenError, GroupKindSchema, IdParams, jsonBody, jsonResponse, notFoundError } from '../http/schemas';
import { addGroupMembersToOpenConversations } from '../conversations/store';
import { adminRoute } from './guard';

const extensions = z.array(z.string().min(1).max(32)).max(500);

const AdminGroupSchema = z
  .object({
    id: z.string(),
    kind: GroupKindSchema,
    extension: z.string(),
    name: z.string(),
    strategy: z.enum(['round_robin', 'longest_idle']),
    idleTimeoutSeconds: z.number().int().nullable(),
    unclaimedTimeoutSeconds: z.number().int().nullable(),
    unclaimedReply: z.string().nullable(),
    members: z.array(z.string()).openapi({ description: 'Extensions, in round-robin order' }),
  })
  .openapi('AdminGroup');
const GroupBody = z.object({ group: AdminGroupSchema });
const errors = { ...commonErrors, ...authErrors, ...forbiddenError };

async function view(db: Queryable, g: Group) {
  const { lastAssignedAgentId: _last, ...settings } = g;
  return { ...settings, members: (await listMembers(db, g.id)).map((m) => m.agent.extension) };
}

/** Extensions -> active agent ids, or 400 naming the first unknown one. */
async function memberIds(db: Queryable, list: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, ext] of list.entries()) {
    const agent = await findAgentByExtension(db, ext);
    if (!agent || !agent.active) throw invalidField(`members.${i}`, `no active agent with extension ${ext}`);
    ids.push(agent.id);
  }
  return ids;
}

/** Merged settings must still be valid as a whole (timeouts only on queues): 400 naming the field. */
function checkSettings(settings: unknown) {
  const parsed = GroupSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidField(issue.path.join('.') || 'body', `${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** /v1/admin/groups: ring groups and SMS queues, their settings and members. */
export function registerAdminGroupRoutes(app: Api, deps: { db: Db; clock: Clock; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = adminRoute(deps.auth);
  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/admin/groups',
    summary: 'Every ring group and SMS queue with its settings',
    responses: { 200: jsonResponse('Groups', z.object({ groups: z.array(AdminGroupSchema) })), ...errors },
  });
  const create = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/admin/groups',
    summary: 'Create a ring group or SMS queue (timeouts: queues only)',
    request: { body: jsonBody(GroupSettingsSchema.and(z.object({ members: extensions.default([]) }))) },
    responses: { 201: jsonResponse('Created', GroupBody), ...errors, ...conflictError },
  });
  const patch = createRoute({
    ...guarded,
    method: 'patch',
    path: '/v1/admin/groups/{id}',
    summary: 'Change settings or the member list (kind and extension stay)',
    description: 'New members start logged in; members who stay keep their login and pause state.',
    request: {
      params: IdParams,
      body: jsonBody(
        z.object({
          name: z.string().trim().min(1).max(100).optional(),
          strategy: z.enum(['round_robin', 'longest_idle']).optional(),
          idleTimeoutSeconds: z.number().int().min(1).max(604_800).nullable().optional(),
          unclaimedTimeoutSeconds: z.number().int().min(1).max(604_800).nullable().optional(),
          unclaimedReply: z.string().trim().min(1).max(1600).nullable().optional(),
          members: extensions.optional(),
        }),
      ),
    },
    responses: { 200: jsonResponse('Changed', GroupBody), ...errors, ...notFoundError },
  });
  const remove = createRoute({
    ...guarded,
    method: 'delete',
    path: '/v1/admin/groups/{id}',
    summary: 'Delete a group that nothing refers to',
    description: '409 while a number routes to it or it has conversations (their history names it).',
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errors, ...notFoundError, ...conflictError },
  });

  app.openapi(list, async (c) => {
    const groups = await listGroups(deps.db);
    return c.json({ groups: await Promise.all(groups.map((g) => view(deps.db, g))) }, 200);
  });
  app.openapi(create, async (c) => {
    const { members, ...settings } = c.req.valid('json');
    const group = await deps.db.transaction(async (tx) => {
      const ids = await memberIds(tx, members);
      if (await extensionInUse(tx, settings.extension)) throw conflict(`extension ${settings.extension} is taken`);
      const created = await insertGroup(tx, settings, deps.clock.now());
      await replaceMembers(tx, created.id, ids);
      return view(tx, created);
    });
    return c.json({ group }, 201);
  });
  app.openapi(patch, async (c) => {
    const { members, ...change } = c.req.valid('json');
    const group = await deps.db.transaction(async (tx) => {
      const existing = await findGroup(tx, c.req.valid('param').id);
      if (!existing) throw notFound('group');
      const settings = checkSettings({ ...existing, ...change });
      const ids = members ? await memberIds(tx, members) : null;
      const updated = (await updateGroup(tx, existing.id, settings))!;
      if (ids) {
        await replaceMembers(tx, existing.id, ids);
        await addGroupMembersToOpenConversations(tx, existing.id, deps.clock.now());
      }
      return view(tx, updated);
    });
    return c.json({ group }, 200);
  });
  app.openapi(remove, async (c) => {
    await deps.db.transaction(async (tx) => {
      const id = c.req.valid('param').id;
      if (!(await findGroup(tx, id))) throw notFound('group');
      const routes = await tx.query<{ number: string }>(`SELECT number FROM numbers WHERE inbound_route->>'groupId' = $1`, [id]);
      if (routes.length > 0) throw conflict(`numbers route to this group: ${routes.map((r) => r.number).join(', ')}`);
      const used = await tx.query('SELECT 1 FROM conversations WHERE group_id = $1 LIMIT 1', [id]);
      if (used.length > 0) throw conflict('the group has conversations; its history names it');
      await tx.query('DELETE FROM agent_groups WHERE id = $1', [id]);
    });
    return c.body(null, 204);
  });
}
