import { readFileSync } from 'node:fs';
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../db/db';
import type { LoopbackCarrier } from '../carriers/loopback';
import { findNumber, listNumbersByCarrier } from '../directory/numbers';
import type { Api } from '../http/api';
import { invalidField } from '../http/errors';
import { commonErrors, jsonBody, jsonResponse } from '../http/schemas';
import { normalizeCustomerNumber, normalizeLineNumber } from '../phone/normalize';

const PAGE_HTML = readFileSync(new URL('./page.html', import.meta.url), 'utf8');

const SimulatorMessage = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    body: z.string(),
    direction: z.enum(['to-customer', 'from-customer']),
    at: z.string(),
  })
  .openapi('SimulatorMessage');

/** The customer-phone simulator (no auth; only mounted when PARLEY_SIMULATOR is not 0). */
export function registerSimulatorRoutes(app: Api, deps: { db: Db; loopback: LoopbackCarrier }) {
  const tags = ['simulator'];
  const sendRoute = createRoute({
    method: 'post',
    path: '/v1/simulator/messages',
    tags,
    summary: 'A customer texts one of our loopback numbers',
    request: { body: jsonBody(z.object({ from: z.string().min(1).max(40), to: z.string().min(1).max(40), body: z.string().min(1).max(1600) })) },
    responses: { 202: jsonResponse('Accepted by the loopback carrier', z.object({ id: z.string() })), ...commonErrors },
  });
  const phoneRoute = createRoute({
    method: 'get',
    path: '/v1/simulator/messages',
    tags,
    summary: "A customer's phone: everything it sent and received, oldest first",
    request: { query: z.object({ number: z.string().min(1).max(40) }) },
    responses: { 200: jsonResponse('Messages', z.object({ messages: z.array(SimulatorMessage) })), ...commonErrors },
  });
  const numbersRoute = createRoute({
    method: 'get',
    path: '/v1/simulator/numbers',
    tags,
    summary: 'Numbers served by the loopback carrier (what the simulated phone can text)',
    responses: {
      200: jsonResponse(
        'Numbers',
        z.object({ numbers: z.array(z.object({ number: z.string(), channel: z.enum(['sms', 'whatsapp']), label: z.string() })) }),
      ),
    },
  });

  const customer = (value: string, field: string) => {
    const number = normalizeCustomerNumber(value);
    if (!number) throw invalidField(field, `${value} is not a valid phone number`);
    return number;
  };

  app.openapi(sendRoute, async (c) => {
    const { from, to, body } = c.req.valid('json');
    const line = normalizeLineNumber(to);
    const number = line ? await findNumber(deps.db, line) : null;
    if (!number || number.carrier !== 'loopback') throw invalidField('to', `${to} is not a loopback number of this PBX`);
    const { id } = await deps.loopback.receiveFromCustomer(customer(from, 'from'), number.number, body);
    return c.json({ id }, 202);
  });
  app.openapi(phoneRoute, async (c) => {
    const number = customer(c.req.valid('query').number, 'number');
    return c.json({ messages: await deps.loopback.phoneOf(number) }, 200);
  });
  app.openapi(numbersRoute, async (c) => {
    const numbers = await listNumbersByCarrier(deps.db, 'loopback');
    return c.json({ numbers: numbers.map(({ number, channel, label }) => ({ number, channel, label })) }, 200);
  });

  app.get('/simulator', (c) => c.html(PAGE_HTML));
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/simulator',
    tags,
    summary: 'The customer-phone simulator page (HTML)',
    responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
  });
}
