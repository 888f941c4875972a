import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { bearerRoute, type Api, type AppEnv } from '../http/api';
import { forbidden, invalidField, notFound } from '../http/errors';
import {
  AgentRefSchema,
  authErrors,
  commonErrors,
  forbiddenError,
  IdParams,
  jsonBody,
  jsonResponse,
  limitParam,
  MessageSchema,
  notFoundError,
} from '../http/schemas';
import { normalizeCustomerNumber, normalizeLineNumber } from '../phone/normalize';
import { seesEverything } from '../conversations/access';
import { insertCall, listCalls } from './calls';
import { historyOf, suggestNumbers } from './history';
import { deleteContact, findContact, insertContact, resolveNumber, searchContacts, updateContact, type ContactNumber } from './store';

const ContactNumberSchema = z.object({ number: z.string(), label: z.string() });
const ContactSchema = z
  .object({ id: z.string(), name: z.string(), company: z.string().nullable(), numbers: z.array(ContactNumberSchema), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Contact');
const CallSchema = z
  .object({
    id: z.string(),
    agent: AgentRefSchema,
    direction: z.enum(['inbound', 'outbound']),
    number: z.string(),
    name: z.string().nullable().openapi({ description: 'The number resolved through the phonebook, then caller names' }),
    didNumber: z.string().nullable(),
    status: z.enum(['answered', 'missed', 'busy', 'failed']),
    startedAt: z.string(),
    durationSeconds: z.number().int(),
    callerName: z.string().nullable(),
  })
  .openapi('Call');
const ResolvedSchema = z.object({
  number: z.string(),
  name: z.string().nullable(),
  source: z.enum(['phonebook', 'call_log']).nullable(),
  contactId: z.string().nullable(),
});
const ContactInput = z.object({
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).nullable().optional(),
  numbers: z.array(z.object({ number: z.string().min(1).max(40), label: z.string().max(40).default('') })).min(1).max(20),
});
const NumberQuery = z.object({ number: z.string().min(1).max(40) });
const ContactBody = z.object({ contact: ContactSchema });
const errors = { ...commonErrors, ...authErrors };

/** Phone numbers from people: normalized to E.164 or 400 naming the field. */
function phone(value: string, field: string): string {
  const number = normalizeCustomerNumber(value);
  if (!number) throw invalidField(field, `${value} is not a valid phone number`);
  return number;
}
const phones = (numbers: { number: string; label: string }[]): ContactNumber[] =>
  numbers.map((n, i) => ({ number: phone(n.number, `numbers.${i}.number`), label: n.label }));

/** The phonebook, name resolution, the call log and the per-number history. */
export function registerContactRoutes(app: Api, deps: { db: Db; clock: Clock; auth: MiddlewareHandler<AppEnv> }) {
  const guarded = bearerRoute(deps.auth, 'contacts');
  const route = <T extends Parameters<typeof createRoute>[0]>(r: T) => createRoute({ ...guarded, ...r });

  const search = route({
    method: 'get',
    path: '/v1/contacts',
    summary: 'Search the phonebook by name or digits',
    request: { query: z.object({ q: z.string().trim().min(1).max(100).optional(), limit: limitParam }) },
    responses: { 200: jsonResponse('Contacts', z.object({ contacts: z.array(ContactSchema) })), ...errors },
  });
  const create = route({
    method: 'post',
    path: '/v1/contacts',
    summary: 'Add a contact',
    request: { body: jsonBody(ContactInput) },
    responses: { 201: jsonResponse('Created', ContactBody), ...errors },
  });
  const get = route({
    method: 'get',
    path: '/v1/contacts/{id}',
    summary: 'One contact',
    request: { params: IdParams },
    responses: { 200: jsonResponse('Contact', ContactBody), ...errors, ...notFoundError },
  });
  const patch = route({
    method: 'patch',
    path: '/v1/contacts/{id}',
    summary: 'Change a contact (numbers, when given, replace the old ones)',
    request: { params: IdParams, body: jsonBody(ContactInput.partial()) },
    responses: { 200: jsonResponse('Changed', ContactBody), ...errors, ...notFoundError },
  });
  const remove = route({
    method: 'delete',
    path: '/v1/contacts/{id}',
    summary: 'Delete a contact (supervisors and admins)',
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errors, ...forbiddenError, ...notFoundError },
  });
  const resolve = route({
    method: 'get',
    path: '/v1/contacts/resolve',
    summary: 'The name of a number: the phonebook first, then caller names from the call log',
    request: { query: NumberQuery },
    responses: { 200: jsonResponse('Resolved', ResolvedSchema), ...errors },
  });
  const suggest = route({
    method: 'get',
    path: '/v1/contacts/suggest',
    summary: 'Numbers for a "to" field from the phonebook, your recent calls and your conversations',
    request: { query: z.object({ q: z.string().trim().min(1).max(100), limit: limitParam }) },
    responses: {
      200: jsonResponse(
        'Suggestions',
        z.object({ suggestions: z.array(z.object({ number: z.string(), name: z.string().nullable(), source: z.enum(['phonebook', 'recent_call', 'conversation']) })) }),
      ),
      ...errors,
    },
  });
  const recordCall = route({
    method: 'post',
    path: '/v1/calls',
    summary: 'Record a call in the call log (yours)',
    request: {
      body: jsonBody(
        z.object({
          direction: z.enum(['inbound', 'outbound']),
          number: z.string().min(1).max(40).openapi({ description: 'The other party' }),
          didNumber: z.string().min(1).max(40).optional().openapi({ description: 'Our number the call used' }),
          status: z.enum(['answered', 'missed', 'busy', 'failed']),
          startedAt: z.iso.datetime({ offset: true }),
          durationSeconds: z.number().int().min(0).max(86_400),
          callerName: z.string().trim().min(1).max(100).optional().openapi({ description: 'Caller name from the network (CNAM)' }),
        }),
      ),
    },
    responses: { 201: jsonResponse('Recorded', z.object({ call: CallSchema })), ...errors },
  });
  const calls = route({
    method: 'get',
    path: '/v1/calls',
    summary: 'Your call log, newest first (supervisors: everyone’s)',
    request: { query: z.object({ number: z.string().min(1).max(40).optional(), limit: limitParam }) },
    responses: { 200: jsonResponse('Calls', z.object({ calls: z.array(CallSchema) })), ...errors },
  });
  const history = route({
    method: 'get',
    path: '/v1/history',
    summary: 'Calls and texts with one number, newest first: one contact history',
    request: { query: NumberQuery.extend({ limit: limitParam }) },
    responses: {
      200: jsonResponse(
        'History',
        ResolvedSchema.extend({
          items: z.array(
            z.discriminatedUnion('type', [
              z.object({ type: z.literal('call'), at: z.string(), call: CallSchema }),
              z.object({ type: z.literal('message'), at: z.string(), message: MessageSchema }),
            ]),
          ),
        }),
      ),
      ...errors,
    },
  });

  const contactOr404 = async (id: string) => {
    const contact = await findContact(deps.db, id);
    if (!contact) throw notFound('contact');
    return contact;
  };

  // Before /v1/contacts/{id}: the first matching route answers.
  app.openapi(resolve, async (c) => {
    const number = phone(c.req.valid('query').number, 'number');
    return c.json({ number, ...(await resolveNumber(deps.db, number)) }, 200);
  });
  app.openapi(suggest, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ suggestions: await suggestNumbers(deps.db, c.var.agent, q, limit) }, 200);
  });
  app.openapi(search, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ contacts: await searchContacts(deps.db, q, limit) }, 200);
  });
  app.openapi(create, async (c) => {
    const body = c.req.valid('json');
    const numbers = phones(body.numbers);
    const id = await deps.db.transaction((tx) => insertContact(tx, { name: body.name, company: body.company ?? null, numbers }, deps.clock.now()));
    return c.json({ contact: await contactOr404(id) }, 201);
  });
  app.openapi(get, async (c) => c.json({ contact: await contactOr404(c.req.valid('param').id) }, 200));
  app.openapi(patch, async (c) => {
    const body = c.req.valid('json');
    const numbers = body.numbers ? phones(body.numbers) : undefined;
    const id = c.req.valid('param').id;
    const found = await deps.db.transaction((tx) => updateContact(tx, id, { name: body.name, company: body.company, numbers }, deps.clock.now()));
    if (!found) throw notFound('contact');
    return c.json({ contact: await contactOr404(id) }, 200);
  });
  app.openapi(remove, async (c) => {
    if (!seesEverything(c.var.agent)) throw forbidden('only supervisors and admins delete contacts');
    if (!(await deleteContact(deps.db, c.req.valid('param').id))) throw notFound('contact');
    return c.body(null, 204);
  });
  app.openapi(recordCall, async (c) => {
    const body = c.req.valid('json');
    const number = phone(body.number, 'number');
    const didNumber = body.didNumber === undefined ? null : normalizeLineNumber(body.didNumber);
    if (body.didNumber !== undefined && !didNumber) throw invalidField('didNumber', `${body.didNumber} is not an E.164 number`);
    const input = { ...body, number, didNumber, startedAt: new Date(body.startedAt), callerName: body.callerName ?? null };
    return c.json({ call: await insertCall(deps.db, c.var.agent.id, input, deps.clock.now()) }, 201);
  });
  app.openapi(calls, async (c) => {
    const { number, limit } = c.req.valid('query');
    const filter = number === undefined ? undefined : phone(number, 'number');
    const list = await listCalls(deps.db, { agentId: seesEverything(c.var.agent) ? null : c.var.agent.id, number: filter, limit });
    return c.json({ calls: list }, 200);
  });
  app.openapi(history, async (c) => {
    const { number, limit } = c.req.valid('query');
    return c.json(await historyOf(deps.db, c.var.agent, phone(number, 'number'), limit), 200);
  });
}
