import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '../src/carriers/twilio/twilio-signature';
import { conversationsOf, configWith, fakeSid, messagesWithCarrierId, postAsTwilio, smsLine, startWithTwilioApi, type FakeTwilioApi, type TwilioTestBed } from './carriers-harness';
import { BACKENDS, freshCustomer, http, until, type EventClient, type TestServer } from './harness';

/*
 * The Twilio-compatible carrier through the server's real routes: signed webhooks in (inbound texts
 * and status callbacks), the Messages API out (a stand-in on loopback speaking Twilio's protocol).
 */

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'twilio-auth-token-for-tests';
const PUBLIC = 'https://pbx.example.com';
const SMS_LINE = '+15035550211';
const WHATSAPP_LINE = '+15035550222';

describe.each(BACKENDS)('Twilio-compatible carrier (%s)', (backend) => {
  let bed: TwilioTestBed;
  let server: TestServer;
  let api: FakeTwilioApi;
  let token: string;
  let events: EventClient;

  beforeAll(async () => {
    bed = await startWithTwilioApi(backend, { accountSid: ACCOUNT, authToken: AUTH_TOKEN }, (twilio) =>
      configWith({
        numbers: [smsLine(SMS_LINE, 'twilio'), { ...smsLine(WHATSAPP_LINE, 'twilio'), channel: 'whatsapp' }],
        carriers: { twilio: { ...twilio, webhookBaseUrl: PUBLIC, retryDelaysMs: [0] } },
      }),
    );
    ({ server, api, token, events } = bed);
  });
  afterAll(() => bed?.stop());

  const inboundPath = `/v1/carriers/twilio/${ACCOUNT}/inbound`;
  const inboundForm = (from: string, body: string, extra: Record<string, string> = {}) => ({
    MessageSid: fakeSid(),
    AccountSid: ACCOUNT,
    From: from,
    To: SMS_LINE,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    ...extra,
  });
  /** Posted as Twilio does: signed over the public URL it was configured with. */
  const twilioSends = (path: string, params: Record<string, string>, more: { signUrl?: string; signature?: string | null } = {}) =>
    postAsTwilio(server.url, { path, params, authToken: AUTH_TOKEN, signUrl: `${PUBLIC}${path}`, ...more });
  const createdFor = (sid: string) =>
    events.waitFor((c) => c.events.find((f) => f.event.kind === 'message.created' && f.event.message.body.includes(sid)), `message.created ${sid}`);

  describe('webhook signature (X-Twilio-Signature over the public URL)', () => {
    it('accepts a validly signed webhook, stores the text and pushes it to the agent', async () => {
      const customer = freshCustomer();
      const form = inboundForm(customer, 'valid signature');
      const res = await twilioSends(inboundPath, form);
      expect(res).toEqual({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' });
      const frame = await events.waitFor(
        (c) => c.events.find((f) => f.event.kind === 'message.created' && f.event.message.from === customer),
        'the inbound message.created',
      );
      expect(frame.event.message).toMatchObject({ direction: 'inbound', body: 'valid signature', to: SMS_LINE, status: 'received' });
      expect(frame.event.conversation).toMatchObject({ type: 'sms', didNumber: SMS_LINE, customerNumber: customer });
      expect(await messagesWithCarrierId(server.db, form.MessageSid)).toHaveLength(1);
    });

    it('refuses a tampered body with 403 and stores nothing', async () => {
      const form = inboundForm(freshCustomer(), 'what Twilio sent');
      const signature = computeTwilioSignature(AUTH_TOKEN, `${PUBLIC}${inboundPath}`, form);
      const res = await twilioSends(inboundPath, { ...form, Body: 'what an attacker sent' }, { signature });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/X-Twilio-Signature/) });
      expect(await messagesWithCarrierId(server.db, form.MessageSid)).toHaveLength(0);
    });

    it('refuses a signature made for another URL (the local one, another path, another query) with 403', async () => {
      const form = inboundForm(freshCustomer(), 'signed for elsewhere');
      for (const signUrl of [`${server.url}${inboundPath}`, `${PUBLIC}/v1/carriers/twilio/${ACCOUNT}/status`, `${PUBLIC}${inboundPath}?x=1`]) {
        const res = await twilioSends(inboundPath, form, { signUrl });
        expect(res.status, signUrl).toBe(403);
      }
      expect(await messagesWithCarrierId(server.db, form.MessageSid)).toHaveLength(0);
    });

    it('refuses a missing header, an empty one and one signed with another token with 403', async () => {
      const form = inboundForm(freshCustomer(), 'unsigned');
      expect((await twilioSends(inboundPath, form, { signature: null })).status).toBe(403);
      expect((await twilioSends(inboundPath, form, { signature: '' })).status).toBe(403);
      const otherToken = computeTwilioSignature('not-the-auth-token', `${PUBLIC}${inboundPath}`, form);
      expect((await twilioSends(inboundPath, form, { signature: otherToken })).status).toBe(403);
      expect(await messagesWithCarrierId(server.db, form.MessageSid)).toHaveLength(0);
    });

    it('also serves the account under one of its numbers, and 404s an unknown account', async () => {
      const byNumber = `/v1/carriers/twilio/${encodeURIComponent(SMS_LINE)}/inbound`;
      const form = inboundForm(freshCustomer(), 'addressed by number');
      expect((await twilioSends(byNumber, form)).status).toBe(200);
      expect(await messagesWithCarrierId(server.db, form.MessageSid)).toHaveLength(1);
      const unknown = `/v1/carriers/twilio/AC${'f'.repeat(32)}/inbound`;
      expect((await twilioSends(unknown, inboundForm(freshCustomer(), 'x'))).status).toBe(404);
    });

    it('answers 400 naming the field for a signed but malformed form, and for a number of another carrier', async () => {
      const bad = await twilioSends(inboundPath, { ...inboundForm(freshCustomer(), 'x'), MessageSid: 'nope' });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body).error).toMatchObject({ code: 'invalid_request', field: 'MessageSid' });
      const loopbackLine = await twilioSends(inboundPath, inboundForm(freshCustomer(), 'x', { To: '+15035550100' }));
      expect(loopbackLine.status).toBe(400);
      expect(JSON.parse(loopbackLine.body).error).toMatchObject({ field: 'To', message: expect.stringMatching(/not a number of carrier "twilio"/) });
    });
  });

  describe('inbound idempotency and bursts', () => {
    it('stores a retried webhook once, also when the retries arrive at the same time', async () => {
      const form = inboundForm(freshCustomer(), 'sent once, delivered many times');
      expect((await twilioSends(inboundPath, form)).status).toBe(200);
      const retries = await Promise.all(Array.from({ length: 8 }, () => twilioSends(inboundPath, form)));
      expect(retries.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(await messagesWithCarrierId(server.db, form.MessageSid)).toHaveLength(1);

      const concurrent = inboundForm(freshCustomer(), 'racing copies');
      const racing = await Promise.all(Array.from({ length: 8 }, () => twilioSends(inboundPath, concurrent)));
      expect(racing.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(await messagesWithCarrierId(server.db, concurrent.MessageSid)).toHaveLength(1);
    });

    it('puts a burst of texts from one new customer into one conversation', async () => {
      const customer = freshCustomer();
      const forms = Array.from({ length: 10 }, (_, i) => inboundForm(customer, `burst ${i}`));
      const answers = await Promise.all(forms.map((form) => twilioSends(inboundPath, form)));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      const conversations = await conversationsOf(server.db, SMS_LINE, customer);
      expect(conversations).toHaveLength(1);
      const stored = await Promise.all(forms.map((f) => messagesWithCarrierId(server.db, f.MessageSid)));
      expect(stored.map((rows) => rows.map((r) => r.conversation_id))).toEqual(forms.map(() => [conversations[0]!.id]));
    });
  });

  describe('WhatsApp', () => {
    it('maps whatsapp:+… to the WhatsApp channel both ways', async () => {
      const customer = '+447700900123';
      const form = { ...inboundForm(`whatsapp:${customer}`, 'Olá from WhatsApp ☕'), To: `whatsapp:${WHATSAPP_LINE}`, ProfileName: 'Ana' };
      expect((await twilioSends(inboundPath, form)).status).toBe(200);
      const frame = await events.waitFor(
        (c) => c.events.find((f) => f.event.kind === 'message.created' && f.event.message.body === 'Olá from WhatsApp ☕'),
        'the WhatsApp message',
      );
      expect(frame.event.conversation).toMatchObject({ type: 'whatsapp', didNumber: WHATSAPP_LINE, customerNumber: customer });

      const before = api.requests.length;
      const reply = await http(server.url, 'POST', `/v1/conversations/${frame.event.conversation.id}/messages`, {
        token,
        json: { body: 'Tudo bem!', idempotencyKey: 'whatsapp-reply-1' },
      });
      expect(reply.status).toBe(201);
      const request = await until(async () => api.requests[before], 'the Messages API call');
      expect(request.form).toMatchObject({ To: `whatsapp:${customer}`, From: `whatsapp:${WHATSAPP_LINE}`, Body: 'Tudo bem!' });
    });

    it('refuses a WhatsApp text to an SMS line with 400 naming To', async () => {
      const form = { ...inboundForm('whatsapp:+447700900124', 'wrong channel'), To: `whatsapp:${SMS_LINE}` };
      const res = await twilioSends(inboundPath, form);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).error).toMatchObject({ field: 'To', message: expect.stringMatching(/sms number.*whatsapp/) });
    });
  });

  describe('outbound through the Messages API, status callbacks', () => {
    /** A conversation on the Twilio SMS line with a new customer, opened by a text from them. */
    const conversationWithNewCustomer = async () => {
      const customer = freshCustomer();
      const form = inboundForm(customer, `hello ${customer}`);
      expect((await twilioSends(inboundPath, form)).status).toBe(200);
      const frame = await createdFor(customer);
      return { customer, conversationId: frame.event.conversation.id as string };
    };
    const send = (conversationId: string, body: string) =>
      http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body, idempotencyKey: `key-${body}` } });
    const updatesOf = (messageId: string) =>
      events.events.filter((f) => f.event.kind === 'message.updated' && f.event.message.id === messageId).map((f) => f.event.message);
    const storedStatus = async (messageId: string) =>
      (await server.db.query<{ status: string; failure_reason: string | null }>('SELECT status, failure_reason FROM messages WHERE id = $1', [messageId]))[0];
    /** Twilio calling the StatusCallback URL Parley gave it, signed over that (public) URL. */
    const callback = (statusCallback: string, params: Record<string, string>) => {
      expect(statusCallback.startsWith(PUBLIC)).toBe(true);
      const path = statusCallback.slice(PUBLIC.length);
      return twilioSends(path, { AccountSid: ACCOUNT, ApiVersion: '2010-04-01', ...params });
    };

    it('sends with basic auth and a status callback naming the message; sent then delivered reach the agent', async () => {
      const { customer, conversationId } = await conversationWithNewCustomer();
      const before = api.requests.length;
      const res = await send(conversationId, 'Your order shipped & is on its way');
      expect(res.status).toBe(201);
      const id = res.body.message.id as string;
      const request = await until(async () => api.requests[before], 'the Messages API call');
      expect(request.form).toEqual({
        To: customer,
        From: SMS_LINE,
        Body: 'Your order shipped & is on its way',
        StatusCallback: `${PUBLIC}/v1/carriers/twilio/${ACCOUNT}/status?mid=${id}`,
      });
      // Accepted by Twilio ("queued"): the SID is kept, the status is unchanged until a callback.
      const sid = await until(
        async () => (await server.db.query<{ carrier_message_id: string | null }>('SELECT carrier_message_id FROM messages WHERE id = $1', [id]))[0]?.carrier_message_id,
        'the SID to be stored',
      );
      expect(await storedStatus(id)).toEqual({ status: 'queued', failure_reason: null });

      expect((await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'sending' })).status).toBe(204);
      expect((await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'sent' })).status).toBe(204);
      expect((await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(204);
      await events.waitFor(() => updatesOf(id).some((m) => m.status === 'delivered'), 'delivered');
      expect(updatesOf(id).map((m) => m.status)).toEqual(['sent', 'delivered']);

      // A late "sent" (callbacks can arrive out of order) never moves a final status back.
      expect((await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'sent' })).status).toBe(204);
      expect((await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '30008' })).status).toBe(204);
      expect(await storedStatus(id)).toEqual({ status: 'delivered', failure_reason: null });
      expect(updatesOf(id).map((m) => m.status)).toEqual(['sent', 'delivered']);
    });

    it("marks an undelivered text failed with Twilio's reason and pushes it to the agent", async () => {
      const { conversationId } = await conversationWithNewCustomer();
      const before = api.requests.length;
      const id = (await send(conversationId, 'to a phone that is off')).body.message.id as string;
      const request = await until(async () => api.requests[before], 'the Messages API call');
      const sid = fakeSid();
      await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', ErrorMessage: '' });
      const failed = await events.waitFor(() => updatesOf(id).find((m) => m.status === 'failed'), 'failed update');
      expect(failed.failureReason).toBe('Twilio error 30003: unreachable destination handset');
      await callback(request.form.StatusCallback!, { MessageSid: sid, MessageStatus: 'delivered' });
      expect(await storedStatus(id)).toEqual({ status: 'failed', failure_reason: 'Twilio error 30003: unreachable destination handset' });
    });

    it('applies a callback without mid by its MessageSid', async () => {
      const { conversationId } = await conversationWithNewCustomer();
      const sid = fakeSid();
      api.answerNext({ status: 201, json: { sid, status: 'queued', error_code: null, error_message: null } });
      const id = (await send(conversationId, 'matched by SID')).body.message.id as string;
      await until(async () => (await server.db.query('SELECT 1 FROM messages WHERE id = $1 AND carrier_message_id = $2', [id, sid])).length > 0, 'SID stored');
      const res = await twilioSends(`/v1/carriers/twilio/${ACCOUNT}/status`, { MessageSid: sid, MessageStatus: 'delivered', AccountSid: ACCOUNT });
      expect(res.status).toBe(204);
      await events.waitFor(() => updatesOf(id).some((m) => m.status === 'delivered'), 'delivered by SID');
    });

    it('refuses unsigned status callbacks with 403 and changes nothing', async () => {
      const { conversationId } = await conversationWithNewCustomer();
      const before = api.requests.length;
      const id = (await send(conversationId, 'nobody may fake my status')).body.message.id as string;
      const request = await until(async () => api.requests[before], 'the Messages API call');
      const path = request.form.StatusCallback!.slice(PUBLIC.length);
      const forged = await postAsTwilio(server.url, { path, params: { MessageSid: fakeSid(), MessageStatus: 'failed' }, authToken: 'guess' });
      expect(forged.status).toBe(403);
      expect((await storedStatus(id))!.status).toBe('queued');
    });

    it("fails a text Twilio rejects with Twilio's words, and retries one it could not take then", async () => {
      const { conversationId } = await conversationWithNewCustomer();
      api.answerNext({ status: 400, json: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } });
      const rejected = (await send(conversationId, 'rejected for good')).body.message.id as string;
      const failed = await events.waitFor(() => updatesOf(rejected).find((m) => m.status === 'failed'), 'failed update');
      expect(failed.failureReason).toBe("Twilio error 21211: The 'To' number is not a valid phone number.");

      const before = api.requests.length;
      api.answerNext({ status: 503, json: { message: 'busy' } }, { status: 201, json: { sid: fakeSid(), status: 'sent', error_code: null, error_message: null } });
      const retried = (await send(conversationId, 'accepted on the second try')).body.message.id as string;
      await events.waitFor(() => updatesOf(retried).some((m) => m.status === 'sent'), 'sent after a retry');
      expect(api.requests.length - before).toBe(2);
    });
  });
});
