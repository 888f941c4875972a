import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/db';
import type { Api } from '../../http/api';
import { forbidden } from '../../http/errors';
import { commonErrors, ErrorSchema } from '../../http/schemas';
import type { CarrierSink } from '../carrier';
import type { CarrierRegistry } from '../registry';
import { findNumberOfCarrier, webhookInputError } from '../webhook-input';
import { KANNEL_DLR_PATH, KANNEL_INBOUND_PATH, type KannelCarrier } from './kannel-carrier';
import { parseKannelDlr, parseKannelInbound, parseRawQuery } from './kannel-wire';

/**
 * smsbox's two calls into Parley: the sms-service get-url (a customer's text) and the dlr-url (a
 * delivery report). Both carry the carrier's shared token; without the right one nothing is read.
 * Parley answers an empty 200 once the text or report is stored, so Kannel sends no reply SMS and
 * retries only what was not stored.
 */
export function registerKannelRoutes(app: Api, deps: { db: Db; carriers: CarrierRegistry; sink: CarrierSink }) {
  /** The raw query, needed byte for byte: %b is the text's bytes in the SMSC's charset. */
  const rawQuery = (c: Context) => {
    const url = c.req.url;
    const at = url.indexOf('?');
    return at === -1 ? '' : url.slice(at + 1);
  };
  const authenticate = (raw: string): KannelCarrier => {
    const carrier = deps.carriers.kannelByToken(parseRawQuery(raw).get('token')?.toString('utf8'));
    if (!carrier) throw forbidden('missing or wrong Kannel token');
    return carrier;
  };

  app.get(KANNEL_INBOUND_PATH, async (c) => {
    const raw = rawQuery(c);
    const carrier = authenticate(raw);
    const parsed = parseKannelInbound(raw);
    if (!parsed.ok) throw webhookInputError(parsed.reason);
    const number = await findNumberOfCarrier(deps.db, carrier.name, parsed.value.to, 'to');
    await deps.sink.receiveInbound({
      carrier: carrier.name,
      carrierMessageId: parsed.value.carrierMessageId,
      from: parsed.value.from,
      to: number.number,
      body: parsed.value.text,
    });
    return c.text('', 200);
  });

  app.get(KANNEL_DLR_PATH, async (c) => {
    const raw = rawQuery(c);
    const carrier = authenticate(raw);
    const parsed = parseKannelDlr(raw);
    if (!parsed.ok) throw webhookInputError(parsed.reason);
    const { messageId, status, reason } = parsed.value;
    await deps.sink.reportDelivery({ carrier: carrier.name, messageId, status, ...(reason ? { reason } : {}) });
    return c.text('', 200);
  });

  const token = z.string().openapi({ description: "The carrier's shared secret (carriers.<name>.token)" });
  const stored = { 200: { description: 'Stored (empty body: Kannel sends no reply SMS)', content: { 'text/plain': { schema: z.string() } } } };
  const wrongToken = { 403: { description: 'Missing or wrong token (nothing is read)', content: { 'application/json': { schema: ErrorSchema } } } };
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: KANNEL_INBOUND_PATH,
    tags: ['carriers'],
    summary: "Kannel sms-service get-url: a customer's text (see pbx-server/kannel/README.md)",
    description: 'Idempotent on id: a retried call stores nothing new. The text is read from its raw bytes using coding and charset.',
    request: {
      query: z.object({
        token,
        from: z.string().openapi({ description: '%p: the customer' }),
        to: z.string().openapi({ description: '%P: our number (E.164, "+" optional)' }),
        text: z.string().openapi({ description: '%b: the message bytes, URL-encoded' }),
        coding: z.enum(['0', '1', '2']).optional().openapi({ description: '%c: 0 7-bit, 1 8-bit (refused), 2 UCS-2' }),
        charset: z.string().optional().openapi({ description: '%C' }),
        id: z.string().openapi({ description: "%I: Kannel's id of the message" }),
        smsc: z.string().optional(),
        ts: z.string().optional(),
      }),
    },
    responses: { ...stored, ...commonErrors, ...wrongToken },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: KANNEL_DLR_PATH,
    tags: ['carriers'],
    summary: 'Kannel dlr-url: a delivery report for a text Parley sent',
    description: 'DLR 8 -> sent, 1 -> delivered, 2/16 -> failed (with the SMSC reply as reason), 4 -> still queued. Status never moves back from delivered or failed.',
    request: {
      query: z.object({
        token,
        mid: z.string().openapi({ description: "Parley's message id (fixed in the dlr-url)" }),
        status: z.string().openapi({ description: '%d: the DLR type' }),
        reply: z.string().optional().openapi({ description: "%A: the SMSC's reply" }),
        smsc: z.string().optional(),
        kid: z.string().optional(),
        ts: z.string().optional(),
      }),
    },
    responses: { ...stored, ...commonErrors, ...wrongToken },
  });
}
