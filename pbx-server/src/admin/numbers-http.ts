import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Db, Queryable } from '../db/db';
import { findAgentByExtension } from '../directory/agents';
import { ActionConfigSchema } from '../actions/action-schema';
import { checkNumberAutomation, NumberAutomationConfigFields } from '../config/automation-schema';
import { InboundRouteConfigSchema } from '../directory/inbound-route';
import { findNumber, listNumbers, listSenders, replaceSenders, upsertNumber, type PbxNumber } from '../directory/numbers';
import { describeInboundRoute, resolveInboundRoute, UnknownRouteTarget } from '../directory/route-targets';
import type { Api, AppEnv } from '../http/api';
import { conflict, invalidField, notFound } from '../http/errors';
import { authErrors, commonErrors, conflictError, forbiddenError, jsonBody, jsonResponse, notFoundError } from '../http/schemas';
import { normalizeLineNumber } from '../phone/normalize';
import { describeAutomation, findAutomation, resolveAutomation, saveAutomation, UnknownAutomationTarget } from '../routing/number-automation';
import { workingHoursScheduleSchema } from '../working-hours/schedule';
import { adminRoute } from './guard';

const Channel = z.enum(['sms', 'whatsapp']);
const RouteView = z.union([
  z.object({ type: z.enum(['agent', 'ring_group', 'queue']), extension: z.string(), name: z.string() }),
  z.object({ type: z.literal('bot'), bot: z.string(), name: z.string() }),
]);
const AdminNumberSchema = z
  .object({
    number: z.string(),
    channel: Channel,
    label: z.string(),
    carrier: z.string().nullable(),
    messagingEnabled: z.boolean(),
    inboundRoute: RouteView,
    senders: z.array(z.string()).openapi({ description: 'Extensions that may use the number as caller ID' }),
    workingHours: workingHoursScheduleSchema.nullable().openapi({ description: 'Null: no working hours (the inbound route applies at any time)' }),
    outOfHoursRoute: RouteView.nullable().openapi({ description: 'Where texts go outside working hours; null: the inbound route' }),
    actions: z.array(ActionConfigSchema.extend({ id: z.string() })),
  })
  .openapi('AdminNumber');
const NumberBody = z.object({ number: AdminNumberSchema });
const NumberParams = z.object({ number: z.string().min(1).max(40).openapi({ param: { name: 'number', in: 'path' }, example: '+15035550100' }) });
const errors = { ...commonErrors, ...authErrors, ...forbiddenError };

const Settings = z.object({
  channel: Channel,
  label: z.string().max(100).default(''),
  carrier: z.string().min(1).max(40).nullable().default('loopback'),
  messagingEnabled: z.boolean().default(true),
  inboundRoute: InboundRouteConfigSchema,
  senders: z.array(z.string().min(1).max(32)).max(500).default([]),
  ...NumberAutomationConfigFields,
});
const checkedSettings = <T extends z.ZodObject>(schema: T) => schema.superRefine((s, ctx) => checkNumberAutomation(s as never, ctx));

async function view(db: Queryable, n: PbxNumber) {
  return {
    ...n,
    inboundRoute: await describeInboundRoute(db, n.inboundRoute),
    senders: (await listSenders(db, n.number)).map((s) => s.extension),
    ...(await describeAutomation(db, await findAutomation(db, n.number))),
  };
}

/**
 * Validates and stores a number with its route and caller-ID grants; every check runs before the
 * first write, so a rejected call changes nothing.
 */
async function save(db: Queryable, number: string, s: z.infer<typeof Settings>, knownCarriers: () => ReadonlySet<string>) {
  if (s.carrier !== null && !knownCarriers().has(s.carrier)) throw invalidField('carrier', `no carrier named ${s.carrier}`);
  let inboundRoute;
  try {
    inboundRoute = await resolveInboundRoute(db, s.inboundRoute);
  } catch (err) {
    if (err instanceof UnknownRouteTarget) throw invalidField(`inboundRoute.${err.path}`, err.message);
    throw err;
  }
  let automation;
  try {
    automation = await resolveAutomation(db, s);
  } catch (err) {
    if (err instanceof UnknownAutomationTarget) throw invalidField(err.path, err.message);
    throw err;
  }
  if (!s.messagingEnabled && s.senders.length > 0) throw invalidField('senders', 'a number without messaging cannot be a caller ID');
  const senderIds: string[] = [];
  for (const [i, ext] of s.senders.entries()) {
    const agent = await findAgentByExtension(db, ext);
    if (!agent || !agent.active) throw invalidField(`senders.${i}`, `no active agent with extension ${ext}`);
    senderIds.push(agent.id);
  }
  const saved = await upsertNumber(db, { number, channel: s.channel, label: s.label, carrier: s.carrier, messagingEnabled: s.messagingEnabled, inboundRoute });
  await replaceSenders(db, number, senderIds);
  await saveAutomation(db, number, automation);
  return view(db, saved);
}

/** /v1/admin/numbers: DIDs, their channel, inbound rule and who may send from them. */
export function registerAdminNumberRoutes(
  app: Api,
  deps: { db: Db; auth: MiddlewareHandler<AppEnv>; knownCarriers: () => ReadonlySet<string> },
) {
  const guarded = adminRoute(deps.auth);
  const list = createRoute({
    ...guarded,
    method: 'get',
    path: '/v1/admin/numbers',
    summary: 'Every number with its inbound rule and caller-ID grants',
    responses: { 200: jsonResponse('Numbers', z.object({ numbers: z.array(AdminNumberSchema) })), ...errors },
  });
  const create = createRoute({
    ...guarded,
    method: 'post',
    path: '/v1/admin/numbers',
    summary: 'Add a number (E.164) routed to an agent, ring group, SMS queue or bot',
    request: { body: jsonBody(checkedSettings(Settings.extend({ number: z.string().min(1).max(40) }))) },
    responses: { 201: jsonResponse('Created', NumberBody), ...errors, ...conflictError },
  });
  const replace = createRoute({
    ...guarded,
    method: 'put',
    path: '/v1/admin/numbers/{number}',
    summary: "Replace a number's settings, inbound rule, working hours, actions and caller-ID grants",
    request: { params: NumberParams, body: jsonBody(checkedSettings(Settings)) },
    responses: { 200: jsonResponse('Replaced', NumberBody), ...errors, ...notFoundError },
  });
  const remove = createRoute({
    ...guarded,
    method: 'delete',
    path: '/v1/admin/numbers/{number}',
    summary: 'Remove a number that has no conversations',
    description: '409 when conversations use it (their history names it): route it elsewhere or disable messaging instead.',
    request: { params: NumberParams },
    responses: { 204: { description: 'Deleted' }, ...errors, ...notFoundError, ...conflictError },
  });

  const parseNumber = (value: string, field: string) => {
    const number = normalizeLineNumber(value);
    if (!number) throw invalidField(field, `${value} is not an E.164 number`);
    return number;
  };

  app.openapi(list, async (c) => {
    const numbers = await listNumbers(deps.db);
    return c.json({ numbers: await Promise.all(numbers.map((n) => view(deps.db, n))) }, 200);
  });
  app.openapi(create, async (c) => {
    const { number: raw, ...settings } = c.req.valid('json');
    const number = parseNumber(raw, 'number');
    const saved = await deps.db.transaction(async (tx) => {
      if (await findNumber(tx, number)) throw conflict(`${number} exists`);
      return save(tx, number, settings, deps.knownCarriers);
    });
    return c.json({ number: saved }, 201);
  });
  app.openapi(replace, async (c) => {
    const number = parseNumber(c.req.valid('param').number, 'number');
    const saved = await deps.db.transaction(async (tx) => {
      if (!(await findNumber(tx, number))) throw notFound('number');
      return save(tx, number, c.req.valid('json'), deps.knownCarriers);
    });
    return c.json({ number: saved }, 200);
  });
  app.openapi(remove, async (c) => {
    const number = parseNumber(c.req.valid('param').number, 'number');
    await deps.db.transaction(async (tx) => {
      if (!(await findNumber(tx, number))) throw notFound('number');
      const used = await tx.query('SELECT 1 FROM conversations WHERE did_number = $1 LIMIT 1', [number]);
      if (used.length > 0) throw conflict(`${number} has conversations; route it elsewhere or disable messaging instead`);
      await tx.query('DELETE FROM numbers WHERE number = $1', [number]);
    });
    return c.body(null, 204);
  });
}
