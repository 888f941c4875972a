import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/db';
import { findNumber } from '../../directory/numbers';
import type { Api } from '../../http/api';
import { ApiError, forbidden, invalidField } from '../../http/errors';
import { commonErrors, ErrorSchema } from '../../http/schemas';
import { normalizeLineNumber } from '../../phone/normalize';
import type { CarrierSink } from '../carrier';
import type { CarrierRegistry } from '../registry';
import { findNumberOfCarrier, webhookInputError } from '../webhook-input';
import type { TwilioCarrier } from './twilio-carrier';
import type { TwilioFormParams } from './twilio-signature';
import { parseTwilioInbound, parseTwilioStatus } from './twilio-wire';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's webhooks: a customer's text (inbound) and status callbacks for texts Parley sent. The path
 * names the account, by SID or by one of its numbers, so the right auth token checks the signature;
 * nothing in the body is read before X-Twilio-Signature has been verified.
 */
export function registerTwilioRoutes(app: Api, deps: { db: Db; carriers: CarrierRegistry; sink: CarrierSink }) {
  /** The account the {key} of the path names: an account SID, or a number served by a Twilio carrier. */
  const carrierFor = async (key: string): Promise<TwilioCarrier> => {
    const byAccount = /^AC[0-9a-fA-F]{32}$/.test(key) ? deps.carriers.twilioByAccount(key) : undefined;
    if (byAccount) return byAccount;
    const line = normalizeLineNumber(key.replace(/^whatsapp:/, ''));
    const number = line ? await findNumber(deps.db, line) : null;
    const carrier = number?.carrier ? deps.carriers.byName.get(number.carrier) : undefined;
    const twilio = deps.carriers.twilio.find((t) => t === carrier);
    if (!twilio) throw new ApiError(404, 'not_found', `no Twilio account or number ${key}`);
    return twilio;
  };

  /** The form, once its signature is proven; the same record is checked and then parsed. */
  const signedForm = async (c: Context, carrier: TwilioCarrier): Promise<TwilioFormParams> => {
    const params: Record<string, string> = {};
    // Twilio sends each name once; should a name repeat, the first value is the one signed and used.
    for (const [name, value] of new URLSearchParams(await c.req.text())) if (!(name in params)) params[name] = value;
    if (!carrier.hasValidSignature(c.req.url, params, c.req.header('x-twilio-signature'))) {
      throw forbidden('missing or invalid X-Twilio-Signature');
    }
    return params;
  };

  app.post('/v1/carriers/twilio/:key/inbound', async (c) => {
    const carrier = await carrierFor(c.req.param('key'));
    const parsed = parseTwilioInbound(await signedForm(c, carrier));
    if (!parsed.ok) throw webhookInputError(parsed.reason);
    const text = parsed.value;
    if (text.accountSid.toLowerCase() !== carrier.accountSid.toLowerCase()) throw forbidden(`AccountSid ${text.accountSid} is not this carrier's account`);
    const number = await findNumberOfCarrier(deps.db, carrier.name, text.to, 'To');
    if (number.channel !== text.channel) throw invalidField('To', `${number.number} is a ${number.channel} number, this text came by ${text.channel}`);
    await deps.sink.receiveInbound({
      carrier: carrier.name,
      carrierMessageId: text.carrierMessageId,
      from: text.from,
      to: number.number,
      // Parley stores text only; an agent should still see that something arrived.
      body: text.body !== '' || text.media.length === 0 ? text.body : `(${text.media.length} attachment(s) not shown)`,
    });
    return c.body(EMPTY_TWIML, 200, { 'content-type': 'text/xml; charset=utf-8' });
  });

  app.post('/v1/carriers/twilio/:key/status', async (c) => {
    const carrier = await carrierFor(c.req.param('key'));
    const parsed = parseTwilioStatus(await signedForm(c, carrier));
    if (!parsed.ok) throw webhookInputError(parsed.reason);
    const { carrierMessageId, status, reason } = parsed.value;
    // Parley's id rides on the callback URL it gave Twilio (signed with the rest).
    const messageId = c.req.query('mid');
    const ref = messageId ? { messageId } : { carrierMessageId };
    await deps.sink.reportDelivery({ carrier: carrier.name, status, ...ref, ...(reason ? { reason } : {}) });
    return c.body(null, 204);
  });

  const key = z.string().openapi({ param: { name: 'key', in: 'path' }, description: 'The Twilio account SID, or one of its numbers' });
  const form = (schema: z.ZodType) => ({ content: { 'application/x-www-form-urlencoded': { schema } } });
  const signatureErrors = {
    403: { description: 'Missing or invalid X-Twilio-Signature (nothing is stored)', content: { 'application/json': { schema: ErrorSchema } } },
    404: { description: 'No such Twilio account or number', content: { 'application/json': { schema: ErrorSchema } } },
  };
  const signature = z.object({ 'x-twilio-signature': z.string().openapi({ description: 'base64 HMAC-SHA1 of URL + sorted params, keyed by the auth token' }) });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/carriers/twilio/{key}/inbound',
    tags: ['carriers'],
    summary: "Twilio messaging webhook: a customer's SMS or WhatsApp text (whatsapp:+… -> WhatsApp)",
    description: 'Idempotent on MessageSid: a retried webhook stores nothing new. Answers empty TwiML.',
    request: {
      params: z.object({ key }),
      headers: signature,
      body: form(
        z.object({
          MessageSid: z.string(),
          AccountSid: z.string(),
          From: z.string(),
          To: z.string(),
          Body: z.string(),
          NumMedia: z.string(),
          NumSegments: z.string(),
          ProfileName: z.string().optional(),
        }),
      ),
    },
    responses: { 200: { description: 'Stored', content: { 'text/xml': { schema: z.string() } } }, ...commonErrors, ...signatureErrors },
  });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/carriers/twilio/{key}/status',
    tags: ['carriers'],
    summary: 'Twilio status callback for a text Parley sent (?mid= is the Parley message id)',
    description:
      'accepted/scheduled/queued/sending -> queued, sent -> sent, delivered/read -> delivered, undelivered/failed/canceled -> failed ' +
      "with Twilio's error as reason. Status never moves back from delivered or failed.",
    request: {
      params: z.object({ key }),
      query: z.object({ mid: z.string().optional() }),
      headers: signature,
      body: form(z.object({ MessageSid: z.string(), MessageStatus: z.string(), ErrorCode: z.string().optional(), ErrorMessage: z.string().optional() })),
    },
    responses: { 204: { description: 'Applied (or ignored as stale)' }, ...commonErrors, ...signatureErrors },
  });
}
