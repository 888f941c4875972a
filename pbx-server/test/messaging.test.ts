import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  connectEvents,
  DEMO,
  freshCustomer,
  http,
  login,
  startTestServer,
  textFromCustomer,
  until,
  type TestServer,
} from './harness';

describe.each(BACKENDS)('messaging through the loopback carrier (%s)', (backend) => {
  let server: TestServer;
  let token: string;
  let agentId: string;
  beforeAll(async () => {
    server = await startTestServer(backend);
    const session = await login(server.url);
    token = session.accessToken;
    agentId = session.agent.id;
  });
  afterAll(() => server?.stop());

  const openConversation = async (customerNumber: string) => {
    const res = await http(server.url, 'POST', '/v1/conversations', { token, json: { customerNumber } });
    expect([200, 201]).toContain(res.status);
    return res.body.conversation as { id: string };
  };
  const send = (conversationId: string, body: string, idempotencyKey: string) =>
    http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, json: { body, idempotencyKey } });
  const messagesOf = async (conversationId: string) =>
    (await http(server.url, 'GET', `/v1/conversations/${conversationId}/messages`, { token })).body.messages as any[];
  const phoneOf = async (number: string) =>
    (await http(server.url, 'GET', `/v1/simulator/messages?number=${encodeURIComponent(number)}`)).body.messages as any[];

  it('stores a simulator inbound text and pushes it to the routed agent over the WebSocket', async () => {
    const client = await connectEvents(server.url, token);
    try {
      const customer = freshCustomer();
      const text = 'Hi, is my <order> ready? & "soon"?';
      await textFromCustomer(server.url, customer, text);

      const frame = await client.waitFor(
        (c) => c.events.find((f) => f.event.kind === 'message.created' && f.event.message.from === customer),
        'message.created for the inbound text',
      );
      expect(frame.event.message).toMatchObject({ direction: 'inbound', body: text, to: DEMO.did, status: 'received', senderAgentId: null });
      expect(frame.event.conversation).toMatchObject({
        type: 'sms',
        customerNumber: customer,
        didNumber: DEMO.did,
        lastMessagePreview: text,
      });

      const listed = (await http(server.url, 'GET', '/v1/conversations', { token })).body.conversations;
      expect(listed[0]).toMatchObject({ id: frame.event.conversation.id, customerNumber: customer });
      const stored = await messagesOf(frame.event.conversation.id);
      expect(stored).toEqual([frame.event.message]);
    } finally {
      await client.close();
    }
  });

  it('delivers an agent reply to the simulated phone with exactly that text; status goes queued -> sent -> delivered', async () => {
    const customer = freshCustomer();
    await textFromCustomer(server.url, customer, 'hello?');
    const conversation = await openConversation(customer);
    const client = await connectEvents(server.url, token);
    try {
      const reply = 'Yes — it ships today. <b>Thanks</b> 🙂';
      const res = await send(conversation.id, reply, 'reply-key-0001');
      expect(res.status).toBe(201);
      expect(res.body.message).toMatchObject({
        direction: 'outbound',
        body: reply,
        from: DEMO.did,
        to: customer,
        status: 'queued',
        senderAgentId: agentId,
        idempotencyKey: 'reply-key-0001',
        failureReason: null,
      });
      const id = res.body.message.id;

      await client.waitFor(
        (c) => c.events.some((f) => f.event.kind === 'message.updated' && f.event.message.id === id && f.event.message.status === 'delivered'),
        'delivered update',
      );
      const statuses = client.events
        .filter((f) => f.event.message?.id === id)
        .map((f) => `${f.event.kind}:${f.event.message.status}`);
      expect(statuses).toEqual(['message.created:queued', 'message.updated:sent', 'message.updated:delivered']);

      const phone = await phoneOf(customer);
      expect(phone.map((m) => [m.direction, m.body, m.from, m.to])).toEqual([
        ['from-customer', 'hello?', customer, DEMO.did],
        ['to-customer', reply, DEMO.did, customer],
      ]);
      expect((await messagesOf(conversation.id)).at(-1)).toMatchObject({ id, status: 'delivered' });
    } finally {
      await client.close();
    }
  });

  it('stores and sends one message for the same idempotency key sent twice', async () => {
    const customer = freshCustomer();
    const conversation = await openConversation(customer);
    const first = await send(conversation.id, 'only once', 'same-key-0001');
    const second = await send(conversation.id, 'only once', 'same-key-0001');
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.message.id).toBe(first.body.message.id);
    await until(async () => (await messagesOf(conversation.id))[0]?.status === 'delivered', 'delivery');
    expect(await messagesOf(conversation.id)).toHaveLength(1);
    expect(await phoneOf(customer)).toHaveLength(1);
  });

  it('stores and sends one message when the same idempotency key arrives concurrently', async () => {
    const customer = freshCustomer();
    const conversation = await openConversation(customer);
    const replies = await Promise.all(Array.from({ length: 12 }, () => send(conversation.id, 'racing', 'race-key-0001')));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(11);
    expect(new Set(replies.map((r) => r.body.message.id)).size).toBe(1);
    await until(async () => (await messagesOf(conversation.id))[0]?.status === 'delivered', 'delivery');
    expect(await messagesOf(conversation.id)).toHaveLength(1);
    expect(await phoneOf(customer)).toHaveLength(1);
  });

  it('pages messages oldest first with before=<messageId>', async () => {
    const customer = freshCustomer();
    for (const body of ['one', 'two', 'three', 'four']) await textFromCustomer(server.url, customer, body);
    const conversation = await openConversation(customer);
    const all = await messagesOf(conversation.id);
    expect(all.map((m) => m.body)).toEqual(['one', 'two', 'three', 'four']);
    const page = await http(server.url, 'GET', `/v1/conversations/${conversation.id}/messages?before=${all[3].id}&limit=2`, { token });
    expect(page.body.messages.map((m: any) => m.body)).toEqual(['two', 'three']);
  });

  it('rejects simulator texts to a number that is not ours', async () => {
    const res = await http(server.url, 'POST', '/v1/simulator/messages', { json: { from: freshCustomer(), to: '+15559998888', body: 'hi' } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('to');
  });

  it('serves the simulator page, which renders message text with textContent only', async () => {
    const res = await fetch(`${server.url}/simulator`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('/v1/simulator/messages');
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
