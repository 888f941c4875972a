import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configWith, smsLine } from './carriers-harness';
import { BACKENDS, DEMO, freshCustomer, http, login, startTestServer, textFromCustomer, until, type TestServer } from './harness';

/*
 * Seed 003, "Outgoing SMS / WhatsApp messages routing": the conversation's number with a carrier of
 * its own first, then the agent's default caller ID (the first number they may send from that has a
 * carrier for the channel).
 */

const VOICE_DID = '+15035550277'; // Jake's, no carrier of its own
const WHATSAPP_DID = '+15035550288'; // Jake's, WhatsApp, no carrier of its own
// Terry's only number (the demo supervisor has no caller ID otherwise), no carrier.
const TERRY_DID = '+15035550299';

describe.each(BACKENDS)('outbound routing order (%s)', (backend) => {
  let server: TestServer;
  let jake: string;
  let terry: string;

  beforeAll(async () => {
    server = await startTestServer(backend, {
      config: configWith({
        numbers: [
          smsLine(VOICE_DID, null),
          { ...smsLine(WHATSAPP_DID, null), channel: 'whatsapp' },
          { ...smsLine(TERRY_DID, null), inboundRoute: { type: 'agent', extension: '300' } },
        ],
      }),
    });
    jake = (await login(server.url, DEMO.jake)).accessToken;
    terry = (await login(server.url, DEMO.terry)).accessToken;
  });
  afterAll(() => server?.stop());

  const open = async (token: string, customerNumber: string, fromNumber: string) => {
    const res = await http(server.url, 'POST', '/v1/conversations', { token, json: { customerNumber, fromNumber } });
    expect(res.status).toBe(201);
    return res.body.conversation.id as string;
  };
  const send = (token: string, conversationId: string, body: string) =>
    http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body, idempotencyKey: `route-${body}-${conversationId}` } });
  const phoneOf = async (customer: string) =>
    (await http(server.url, 'GET', `/v1/simulator/messages?number=${encodeURIComponent(customer)}`)).body.messages as { from: string; body: string }[];
  const countMessages = async (conversationId: string) =>
    Number((await server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM messages WHERE conversation_id = $1', [conversationId]))[0]!.n);

  it("sends from the conversation's own number when it has a carrier", async () => {
    const customer = freshCustomer();
    const res = await send(jake, await open(jake, customer, DEMO.did), 'from the line itself');
    expect(res.status).toBe(201);
    expect(res.body.message.from).toBe(DEMO.did);
  });

  it("falls back to the agent's default caller ID when the number has no carrier of its own", async () => {
    const customer = freshCustomer();
    const conversationId = await open(jake, customer, VOICE_DID);
    const res = await send(jake, conversationId, 'from my default caller ID');
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ from: DEMO.did, to: customer, conversationId });
    await until(async () => (await phoneOf(customer)).length > 0, 'the text on the phone');
    expect((await phoneOf(customer)).map((m) => [m.from, m.body])).toEqual([[DEMO.did, 'from my default caller ID']]);
  });

  it('answers 409 no_outbound_route, storing nothing, when neither has a carrier for the channel', async () => {
    const whatsapp = await open(jake, freshCustomer(), WHATSAPP_DID);
    const noWhatsapp = await send(jake, whatsapp, 'hola');
    expect(noWhatsapp.status).toBe(409);
    expect(noWhatsapp.body.error).toEqual({
      code: 'no_outbound_route',
      message: `${WHATSAPP_DID} has no whatsapp carrier of its own and you have no whatsapp caller ID with one`,
    });
    expect(await countMessages(whatsapp)).toBe(0);

    const terrys = await open(terry, freshCustomer(), TERRY_DID);
    expect((await send(terry, terrys, 'hello')).status).toBe(409);
    expect(await countMessages(terrys)).toBe(0);
  });

  it('refuses the fallback too when the customer opted out of the number it would leave from', async () => {
    const customer = freshCustomer();
    await textFromCustomer(server.url, customer, 'STOP', DEMO.did);
    const conversationId = await open(jake, customer, VOICE_DID);
    const res = await send(jake, conversationId, 'sneaking around the opt-out');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('opted_out');
    expect(await countMessages(conversationId)).toBe(0);
  });
});
