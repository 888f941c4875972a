import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, startKannel, type KannelHarness } from '../src/carriers/kannel/kannel-process';
import { configWith, conversationsOf, messagesWithCarrierId, smsLine } from './carriers-harness';
import { BACKENDS, connectEvents, freshCustomer, http, login, startTestServer, until, type EventClient, type TestServer } from './harness';

/*
 * The Kannel carrier end to end: a real bearerbox + smsbox, with the fake SMSC's fakesmsc client as
 * the customer's handset, talking to the real server through its own routes (sms-service get-url in,
 * sendsms out, dlr-url back). Fails, does not skip, when Kannel is not installed.
 */

const LINE = '+15035550233';
const TOKEN = 'kannel-shared-token-0123456789';
// A second gateway that keeps every text queued ("3: Queued for later delivery", as Kannel answers
// with no SMSC connected), so its delivery reports are the test's to give.
const HELD_LINE = '+15035550244';
const HELD_TOKEN = 'kannel-held-token-0123456789';

describe.each(BACKENDS)('Kannel carrier through a real gateway (%s)', (backend) => {
  let kannel: KannelHarness;
  let server: TestServer;
  let token: string;
  let events: EventClient;
  let held: Server;

  beforeAll(async () => {
    held = createServer((_req, res) => res.writeHead(202, { 'content-type': 'text/plain' }).end('3: Queued for later delivery'));
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const heldUrl = `http://127.0.0.1:${(held.address() as AddressInfo).port}/cgi-bin/sendsms`;
    // Kannel needs the server's URL and the server needs Kannel's credentials: fix the port first.
    const [port] = await freePorts(1);
    kannel = await startKannel({ parleyBaseUrl: `http://127.0.0.1:${port}`, parleyToken: TOKEN });
    server = await startTestServer(backend, {
      port,
      config: configWith({
        numbers: [smsLine(LINE, 'kannel'), smsLine(HELD_LINE, 'kannel-held')],
        carriers: {
          kannel: { type: 'kannel', sendsmsUrl: kannel.sendsmsUrl, username: kannel.username, password: kannel.password, token: TOKEN, retryDelaysMs: [] },
          'kannel-held': { type: 'kannel', sendsmsUrl: heldUrl, username: 'u', password: 'p', token: HELD_TOKEN, retryDelaysMs: [] },
        },
      }),
    });
    token = (await login(server.url)).accessToken;
    events = await connectEvents(server.url, token);
  }, 60_000);
  afterAll(async () => {
    await events?.close();
    await server?.stop();
    await kannel?.stop();
    await new Promise((resolve) => (held ? held.close(resolve) : resolve(undefined)));
  }, 30_000);

  /** A bounded wait that shows Kannel's logs when it times out. */
  const waitWithLogs = async <T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> => {
    try {
      return await events.waitFor(() => probe(), what, timeoutMs);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${await kannel.diagnostics()}`);
    }
  };
  const createdFrom = (customer: string, body: string) =>
    waitWithLogs(`message.created "${body}"`, () =>
      events.events.find((f) => f.event.kind === 'message.created' && f.event.message.from === customer && f.event.message.body === body),
    );
  const updatesOf = (messageId: string) =>
    events.events.filter((f) => f.event.kind === 'message.updated' && f.event.message.id === messageId).map((f) => f.event.message);
  const kannelGet = (path: string, query: Record<string, string>) => fetch(`${server.url}${path}?${new URLSearchParams(query)}`);

  it("MO: a customer's text, non-GSM characters and newline included, reaches the agent through the get-url", async () => {
    const customer = freshCustomer();
    await kannel.sendMo({ from: customer, to: LINE, text: 'Is my order ready?' });
    const first = await createdFrom(customer, 'Is my order ready?');
    expect(first.event.message).toMatchObject({ direction: 'inbound', to: LINE, status: 'received' });
    expect(first.event.conversation).toMatchObject({ type: 'sms', didNumber: LINE, customerNumber: customer });

    await kannel.sendMo({ from: customer, to: LINE, text: 'ça va?\nmerci ☕' });
    const second = await createdFrom(customer, 'ça va?\nmerci ☕');
    expect(second.event.conversation.id).toBe(first.event.conversation.id);
  });

  it('MT + DLR: an agent reply reaches the handset with its exact text and walks queued -> sent -> delivered', async () => {
    const customer = freshCustomer();
    await kannel.sendMo({ from: customer, to: LINE, text: 'hello' });
    const conversationId = (await createdFrom(customer, 'hello')).event.conversation.id;

    const text = 'Thanks, we are on it — café ☕ & more';
    const res = await http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body: text, idempotencyKey: `mt-${customer}` } });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ status: 'queued', from: LINE, to: customer });
    const id = res.body.message.id as string;

    const onHandset = await waitWithLogs('the handset to receive the reply', () => kannel.receivedMt().find((m) => m.to === customer));
    expect(onHandset).toMatchObject({ from: LINE, to: customer, type: 'ucs-2', text });
    // DLR 8 (accepted by the SMSC) then 1 (delivered), each through /v1/carriers/kannel/dlr.
    await waitWithLogs('delivered', () => updatesOf(id).some((m) => m.status === 'delivered'));
    expect(updatesOf(id).map((m) => m.status)).toEqual(['sent', 'delivered']);
  });

  it('stores a burst of texts from one new customer in one conversation', async () => {
    const customer = freshCustomer();
    const bodies = ['one', 'two', 'three', 'four', 'five'].map((w) => `burst ${w}`);
    for (const body of bodies) await kannel.sendMo({ from: customer, to: LINE, text: body });
    for (const body of bodies) await createdFrom(customer, body);
    const conversations = await conversationsOf(server.db, LINE, customer);
    expect(conversations).toHaveLength(1);
    const stored = await server.db.query<{ body: string }>('SELECT body FROM messages WHERE conversation_id = $1 ORDER BY seq', [conversations[0]!.id]);
    expect(stored.map((m) => m.body).sort()).toEqual([...bodies].sort());
  });

  describe('the routes Kannel calls (requests made here as smsbox would make them)', () => {
    const inboundQuery = (customer: string, id: string, text: string) => ({ token: TOKEN, from: customer, to: LINE, text, coding: '0', charset: 'UTF-8', id, smsc: 'handset-mo' });

    it('refuses a missing or wrong token with 403 and stores nothing', async () => {
      const customer = freshCustomer();
      const id = crypto.randomUUID();
      const { token: _token, ...noToken } = inboundQuery(customer, id, 'no token');
      for (const query of [noToken, { ...noToken, token: 'kannel-shared-token-0123456780' }]) {
        const res = await kannelGet('/v1/carriers/kannel/inbound', query);
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('forbidden');
      }
      expect(await messagesWithCarrierId(server.db, id)).toHaveLength(0);
      expect((await kannelGet('/v1/carriers/kannel/dlr', { mid: 'x', status: '1' })).status).toBe(403);
    });

    it('answers 400 naming the field for bad input, and for a number of another carrier', async () => {
      const customer = freshCustomer();
      const { id: _id, ...noId } = inboundQuery(customer, 'x', 'no id');
      const missing = await kannelGet('/v1/carriers/kannel/inbound', noId);
      expect(missing.status).toBe(400);
      expect((await missing.json()).error).toMatchObject({ code: 'invalid_request', field: 'id' });
      const other = await kannelGet('/v1/carriers/kannel/inbound', { ...inboundQuery(customer, crypto.randomUUID(), 'x'), to: '+15035550100' });
      expect(other.status).toBe(400);
      expect((await other.json()).error).toMatchObject({ field: 'to' });
      const badDlr = await kannelGet('/v1/carriers/kannel/dlr', { token: TOKEN, mid: 'x', status: 'delivered' });
      expect((await badDlr.json()).error).toMatchObject({ field: 'status' });
    });

    it('stores a retried get-url once, also when copies arrive at the same time, and a concurrent burst in one conversation', async () => {
      const customer = freshCustomer();
      const id = crypto.randomUUID();
      const copies = await Promise.all(Array.from({ length: 8 }, () => kannelGet('/v1/carriers/kannel/inbound', inboundQuery(customer, id, 'retried'))));
      expect(copies.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(await messagesWithCarrierId(server.db, id)).toHaveLength(1);

      const newcomer = freshCustomer();
      const ids = Array.from({ length: 10 }, () => crypto.randomUUID());
      const burst = await Promise.all(ids.map((mo, i) => kannelGet('/v1/carriers/kannel/inbound', inboundQuery(newcomer, mo, `part ${i}`))));
      expect(burst.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(await conversationsOf(server.db, LINE, newcomer)).toHaveLength(1);
      expect((await Promise.all(ids.map((mo) => messagesWithCarrierId(server.db, mo)))).map((rows) => rows.length)).toEqual(Array(10).fill(1));
    });

    it("fails a send the gateway refuses with Kannel's answer, and a later delivery report changes nothing", async () => {
      // An alphanumeric sender id can text in, but Kannel refuses to send to one.
      const sender = `ACME${Date.now() % 100_000}`;
      await kannel.sendMo({ from: sender, to: LINE, text: 'Your code is 1234' });
      const conversationId = (await createdFrom(sender, 'Your code is 1234')).event.conversation.id;
      const res = await http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body: 'hello?', idempotencyKey: `to-${sender}` } });
      const id = res.body.message.id as string;
      const failed = await waitWithLogs('failed', () => updatesOf(id).find((m) => m.status === 'failed'));
      expect(failed.failureReason).toBe('Kannel rejected: Number(s) has/have been denied by white- and/or black-lists.');
      expect((await kannelGet('/v1/carriers/kannel/dlr', { token: TOKEN, mid: id, status: '1' })).status).toBe(200);
      expect((await server.db.query('SELECT status FROM messages WHERE id = $1', [id]))[0]).toEqual({ status: 'failed' });
      expect(updatesOf(id).map((m) => m.status)).toEqual(['failed']);
    });

    it('a late failure report never moves a delivered text back', async () => {
      const customer = freshCustomer();
      await kannel.sendMo({ from: customer, to: LINE, text: 'hi there' });
      const conversationId = (await createdFrom(customer, 'hi there')).event.conversation.id;
      const res = await http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body: 'delivered for sure', idempotencyKey: `late-${customer}` } });
      const id = res.body.message.id as string;
      await waitWithLogs('delivered', () => updatesOf(id).some((m) => m.status === 'delivered'));
      const late = await kannelGet('/v1/carriers/kannel/dlr', { token: TOKEN, mid: id, status: '16', reply: 'NACK/0x0000000b/Invalid Destination' });
      expect(late.status).toBe(200);
      expect((await server.db.query('SELECT status, failure_reason FROM messages WHERE id = $1', [id]))[0]).toEqual({ status: 'delivered', failure_reason: null });
      expect(updatesOf(id).map((m) => m.status)).toEqual(['sent', 'delivered']);
    });

    it("a failure report carries the SMSC's reason to the agent, and later reports change nothing", async () => {
      const opened = await http(server.url, 'POST', '/v1/conversations', { token, json: { customerNumber: freshCustomer(), fromNumber: HELD_LINE } });
      const conversationId = opened.body.conversation.id as string;
      const res = await http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body: 'to a phone that is off', idempotencyKey: `held-${conversationId}` } });
      const id = res.body.message.id as string;
      await until(async () => (await server.db.query('SELECT 1 FROM messages WHERE id = $1 AND carrier_message_id IS NOT NULL', [id])).length > 0, 'accepted');
      const dlr = (status: string, reply = '') => kannelGet('/v1/carriers/kannel/dlr', { token: HELD_TOKEN, mid: id, status, reply, smsc: 'operator', kid: '', ts: '1795331185' });

      expect((await dlr('4')).status).toBe(200); // buffered on the SMSC: still queued
      expect((await dlr('8', 'ACK/')).status).toBe(200);
      expect((await dlr('2', 'id:77 stat:UNDELIV err:001')).status).toBe(200);
      const failed = await waitWithLogs('failed', () => updatesOf(id).find((m) => m.status === 'failed'));
      expect(failed.failureReason).toBe('id:77 stat:UNDELIV err:001');
      expect((await dlr('1')).status).toBe(200);
      expect((await dlr('8', 'ACK/')).status).toBe(200);
      expect(updatesOf(id).map((m) => [m.status, m.failureReason])).toEqual([
        ['sent', null],
        ['failed', 'id:77 stat:UNDELIV err:001'],
      ]);
      expect((await server.db.query('SELECT status FROM messages WHERE id = $1', [id]))[0]).toEqual({ status: 'failed' });
      // The other gateway's token does not reach this gateway's messages.
      expect((await kannelGet('/v1/carriers/kannel/dlr', { token: TOKEN, mid: id, status: '1' })).status).toBe(200);
      expect((await server.db.query('SELECT status FROM messages WHERE id = $1', [id]))[0]).toEqual({ status: 'failed' });
    });

    it('ignores a report for a message of another carrier', async () => {
      const loopbackConversation = await http(server.url, 'POST', '/v1/conversations', { token, json: { customerNumber: freshCustomer() } });
      const sent = await http(server.url, 'POST', `/v1/conversations/${loopbackConversation.body.conversation.id}/messages`, {
        token,
        json: { body: 'via loopback', idempotencyKey: `loop-${Date.now()}` },
      });
      const id = sent.body.message.id as string;
      await until(async () => updatesOf(id).some((m) => m.status === 'delivered'), 'loopback delivery');
      expect((await kannelGet('/v1/carriers/kannel/dlr', { token: TOKEN, mid: id, status: '2' })).status).toBe(200);
      expect((await server.db.query('SELECT status FROM messages WHERE id = $1', [id]))[0]).toEqual({ status: 'delivered' });
    });
  });
});
