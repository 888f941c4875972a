import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KEYWORD_REPLIES } from '../src/compliance/keyword-replies';
import { loadConfig } from '../src/config/load';
import { configWith, fakeSid, postAsTwilio, smsLine, startWithTwilioApi, type FakeTwilioApi, type TwilioTestBed } from './carriers-harness';
import { BACKENDS, DEMO, freshCustomer, http, textFromCustomer, until, type EventClient, type TestServer } from './harness';

/*
 * STOP / START / UNSTOP / HELP per (our number, customer number), through the real inbound path: the
 * loopback carrier's simulator for most, the Twilio webhook where a carrier's retries matter.
 */

const HELP = 'Parley Support: call +1 503 555 0100 or reply here. Reply STOP to opt out.';
const LINE_TWO = '+15035550255';
const LINE_TWO_HELP = 'Line two: an agent answers 9-17. Reply STOP to opt out.';
const TWILIO_LINE = '+15035550266';
const ACCOUNT = 'AC00000000000000000000000000000007';
const AUTH_TOKEN = 'compliance-twilio-token';

describe.each(BACKENDS)('STOP/START/HELP keywords (%s)', (backend) => {
  let bed: TwilioTestBed;
  let server: TestServer;
  let api: FakeTwilioApi;
  let token: string;
  let events: EventClient;

  beforeAll(async () => {
    bed = await startWithTwilioApi(backend, { accountSid: ACCOUNT, authToken: AUTH_TOKEN }, (twilio) =>
      configWith({
        keywordReplies: { help: HELP },
        numbers: [
          // Line two's carrier confirms opt-outs itself (say), so Parley sends no STOP confirmation there.
          smsLine(LINE_TWO, 'loopback', { keywordReplies: { help: LINE_TWO_HELP, stop: null } }),
          smsLine(TWILIO_LINE, 'twilio'),
        ],
        carriers: { twilio: { ...twilio, retryDelaysMs: [] } },
      }),
    );
    ({ server, api, token, events } = bed);
  });
  afterAll(() => bed?.stop());

  const phoneOf = async (customer: string) =>
    (await http(server.url, 'GET', `/v1/simulator/messages?number=${encodeURIComponent(customer)}`)).body.messages as {
      direction: string;
      body: string;
      from: string;
    }[];
  const received = async (customer: string) => (await phoneOf(customer)).filter((m) => m.direction === 'to-customer').map((m) => m.body);
  /** Automatic replies leave after the inbound request has been answered: wait for the phone to show them. */
  const phoneShows = async (customer: string, expected: string[]) => {
    await until(async () => JSON.stringify(await received(customer)) === JSON.stringify(expected), `phone to show ${JSON.stringify(expected)}`).catch(() => {});
    expect(await received(customer)).toEqual(expected);
  };
  const conversationWith = async (customer: string, line = DEMO.did) => {
    const res = await http(server.url, 'POST', '/v1/conversations', { token, json: { customerNumber: customer, fromNumber: line } });
    return res.body.conversation as { id: string; optedOut: boolean };
  };
  const send = (conversationId: string, body: string) =>
    http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body, idempotencyKey: `k-${Math.random()}` } });
  const countMessages = async (conversationId: string) =>
    Number((await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [conversationId]))[0]!.n);
  /** The customer texts, and the inbound path (keyword handling included) has finished with it. */
  const customerTexts = async (customer: string, body: string, line = DEMO.did) => {
    await textFromCustomer(server.url, customer, body, line);
  };
  const optedOutUpdates = (conversationId: string) =>
    events.events.filter((f) => f.event.kind === 'conversation.updated' && f.event.conversation.id === conversationId).map((f) => f.event.conversation.optedOut);

  it('STOP opts the customer out: confirmed on their phone, shown to the agent, and sending refused with 403 opted_out', async () => {
    const customer = freshCustomer();
    await customerTexts(customer, 'Hi, question about my bill');
    const conversation = await conversationWith(customer);
    expect(conversation.optedOut).toBe(false);

    await customerTexts(customer, 'Stop.');
    await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop]);
    await events.waitFor(() => optedOutUpdates(conversation.id).includes(true), 'conversation.updated optedOut');
    // The keyword stays in the conversation, followed by the automatic confirmation (no agent as sender).
    const messages = (await http(server.url, 'GET', `/v1/conversations/${conversation.id}/messages`, { token })).body.messages;
    expect(messages.slice(-2).map((m: any) => [m.direction, m.body, m.senderAgentId])).toEqual([
      ['inbound', 'Stop.', null],
      ['outbound', DEFAULT_KEYWORD_REPLIES.stop, null],
    ]);
    expect((await http(server.url, 'GET', `/v1/conversations/${conversation.id}`, { token })).body.conversation.optedOut).toBe(true);
    const listed = (await http(server.url, 'GET', '/v1/conversations', { token })).body.conversations.find((c: any) => c.id === conversation.id);
    expect(listed.optedOut).toBe(true);

    const before = await countMessages(conversation.id);
    const refused = await send(conversation.id, 'Are you sure?');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'opted_out',
      message: `${customer} opted out of texts from ${DEMO.did} (replied STOP); nothing can be sent until they text START or UNSTOP`,
    });
    expect(await countMessages(conversation.id)).toBe(before);
    expect(await received(customer)).toEqual([DEFAULT_KEYWORD_REPLIES.stop]);
  });

  it('START and UNSTOP opt back in, each confirmed; texts go out again', async () => {
    for (const optIn of ['START', 'unstop!']) {
      const customer = freshCustomer();
      await customerTexts(customer, 'STOP');
      const conversation = await conversationWith(customer);
      expect(conversation.optedOut).toBe(true);
      await customerTexts(customer, optIn);
      await events.waitFor(() => optedOutUpdates(conversation.id).at(-1) === false, `optedOut false after ${optIn}`);
      expect((await http(server.url, 'GET', `/v1/conversations/${conversation.id}`, { token })).body.conversation.optedOut).toBe(false);

      const res = await send(conversation.id, 'Welcome back');
      expect(res.status).toBe(201);
      await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop, DEFAULT_KEYWORD_REPLIES.start, 'Welcome back']);
    }
  });

  it('recognises the common variants, and only as the whole message', async () => {
    for (const variant of ['opt-out', 'UNSUBSCRIBE', 'Cancel', 'ＳＴＯＰ', 'stop all']) {
      const customer = freshCustomer();
      await customerTexts(customer, variant);
      expect((await conversationWith(customer)).optedOut, variant).toBe(true);
    }
    const chatty = freshCustomer();
    await customerTexts(chatty, "please don't stop the service");
    await customerTexts(chatty, 'I need help');
    expect((await conversationWith(chatty)).optedOut).toBe(false);
    expect(await received(chatty)).toEqual([]); // nothing was dispatched: no reply was stored (checked below)
    const conv = await conversationWith(chatty);
    expect(await countMessages(conv.id)).toBe(2);
  });

  it('HELP gets the configured reply and changes nothing, opted out or not', async () => {
    const customer = freshCustomer();
    await customerTexts(customer, 'help');
    const conversation = await conversationWith(customer);
    expect(conversation.optedOut).toBe(false);
    await phoneShows(customer, [HELP]);
    expect((await send(conversation.id, 'How can I help?')).status).toBe(201);

    const optedOut = freshCustomer();
    await customerTexts(optedOut, 'STOP');
    await customerTexts(optedOut, 'Info?');
    await phoneShows(optedOut, [DEFAULT_KEYWORD_REPLIES.stop, HELP]);
    expect((await conversationWith(optedOut)).optedOut).toBe(true);
  });

  it('is per number: opted out of one line, still reachable from another; each line has its own replies', async () => {
    const customer = freshCustomer();
    await customerTexts(customer, 'STOP', DEMO.did);
    const first = await conversationWith(customer, DEMO.did);
    const second = await conversationWith(customer, LINE_TWO);
    expect([first.optedOut, second.optedOut]).toEqual([true, false]);
    expect((await send(first.id, 'nope')).status).toBe(403);
    expect((await send(second.id, 'From line two')).status).toBe(201);
    await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop, 'From line two']);

    // Line two: STOP takes effect without a confirmation (configured null), HELP has its own text.
    await customerTexts(customer, 'HELP', LINE_TWO);
    await customerTexts(customer, 'STOP', LINE_TWO);
    expect((await conversationWith(customer, LINE_TWO)).optedOut).toBe(true);
    expect((await send(second.id, 'nope')).status).toBe(403);
    await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop, 'From line two', LINE_TWO_HELP]);
    const texts = (await phoneOf(customer)).filter((m) => m.direction === 'to-customer').map((m) => [m.from, m.body]);
    expect(texts).toEqual([
      [DEMO.did, DEFAULT_KEYWORD_REPLIES.stop],
      [LINE_TWO, 'From line two'],
      [LINE_TWO, LINE_TWO_HELP],
    ]);
  });

  it('answers concurrent copies of one STOP (a retry racing the original) with one confirmation', async () => {
    const customer = freshCustomer();
    const path = `/v1/carriers/twilio/${ACCOUNT}/inbound`;
    const stop = { MessageSid: fakeSid(), AccountSid: ACCOUNT, From: customer, To: TWILIO_LINE, Body: 'STOP', NumMedia: '0', NumSegments: '1' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => postAsTwilio(server.url, { path, params: stop, authToken: AUTH_TOKEN })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const conversation = await conversationWith(customer, TWILIO_LINE);
    expect(conversation.optedOut).toBe(true);
    const outbound = await server.db.query<{ body: string }>(`SELECT body FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`, [conversation.id]);
    expect(outbound.map((m) => m.body)).toEqual([DEFAULT_KEYWORD_REPLIES.stop]);
  });

  it('keeps automated texts (a bot) from an opted-out customer, and the bot does not answer keywords', async () => {
    const botReply = loadConfig().bots[0]!.reply;
    const customer = freshCustomer();
    await customerTexts(customer, 'STOP', DEMO.botDid);
    await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop]);
    await customerTexts(customer, 'hello?', DEMO.botDid);
    await customerTexts(customer, 'START', DEMO.botDid);
    await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop, DEFAULT_KEYWORD_REPLIES.start]);
    await customerTexts(customer, 'hello again', DEMO.botDid);
    await phoneShows(customer, [DEFAULT_KEYWORD_REPLIES.stop, DEFAULT_KEYWORD_REPLIES.start, botReply]);
  });

  it('a carrier retrying an old STOP after the customer texted START does not opt them out again', async () => {
    const customer = freshCustomer();
    const path = `/v1/carriers/twilio/${ACCOUNT}/inbound`;
    const form = (body: string, sid = fakeSid()) => ({ MessageSid: sid, AccountSid: ACCOUNT, From: customer, To: TWILIO_LINE, Body: body, NumMedia: '0', NumSegments: '1' });
    const stop = form('STOP');
    const post = (params: Record<string, string>) => postAsTwilio(server.url, { path, params, authToken: AUTH_TOKEN });
    expect((await post(stop)).status).toBe(200);
    expect((await post(form('START'))).status).toBe(200);
    expect((await post(stop)).status).toBe(200); // Twilio never saw our 200 for the STOP and tries again
    const conversation = await conversationWith(customer, TWILIO_LINE);
    expect(conversation.optedOut).toBe(false);
    // One confirmation per keyword, not one per delivery attempt.
    const outbound = await server.db.query<{ body: string }>(`SELECT body FROM messages WHERE conversation_id = $1 AND direction = 'outbound' ORDER BY seq`, [conversation.id]);
    expect(outbound.map((m) => m.body)).toEqual([DEFAULT_KEYWORD_REPLIES.stop, DEFAULT_KEYWORD_REPLIES.start]);
    await until(async () => api.requests.filter((r) => r.form.To === customer).length >= 2, 'two confirmations');
    expect(api.requests.filter((r) => r.form.To === customer).map((r) => r.form.Body)).toEqual([DEFAULT_KEYWORD_REPLIES.stop, DEFAULT_KEYWORD_REPLIES.start]);
  });
});
