import { describe, expect, it } from 'vitest';
import { BACKENDS, connectEvents, DEMO, freshCustomer, phoneOf, textFromCustomer, until, useTestServer, type Who } from './harness';

/*
 * Seed 002 "Messages": direct chats, named group chats (rename, add, leave, system lines), mixed
 * groups whose external numbers get SMS and answer in their 1:1 thread, read receipts and unread
 * counts per participant.
 */

describe.each(BACKENDS)('chats, receipts and unread counts (%s)', (backend) => {
  const t = useTestServer(backend);
  const call = t.call;
  let keys = 0;
  const send = (who: Who, id: string, body: string) => call(who, 'POST', `/v1/conversations/${id}/messages`, { body, idempotencyKey: `chat-key-${++keys}` });
  const messages = async (who: Who, id: string) => (await call(who, 'GET', `/v1/conversations/${id}/messages?limit=200`)).body.messages as any[];
  const conversationCount = async () => Number((await t.server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM conversations'))[0]!.n);

  it('direct chat: one per pair, delivered at once, unread for the other side only', async () => {
    const first = await call(DEMO.jake, 'POST', '/v1/conversations/direct', { extension: '202' });
    expect(first.status).toBe(201);
    expect(first.body.conversation).toMatchObject({ type: 'direct', customerNumber: null, didNumber: null, title: 'Jake Peralta & Amy Santiago' });
    const id = first.body.conversation.id;
    expect((await call(DEMO.jake, 'POST', '/v1/conversations/direct', { extension: '202' })).status).toBe(200);
    expect((await call(DEMO.amy, 'POST', '/v1/conversations/direct', { extension: '201' })).body.conversation.id).toBe(id);
    expect((await call(DEMO.jake, 'POST', '/v1/conversations/direct', { extension: '201' })).body.error.field).toBe('extension');
    expect((await call(DEMO.jake, 'POST', '/v1/conversations/direct', { extension: '999' })).body.error.field).toBe('extension');

    const amyEvents = await connectEvents(t.server.url, await t.as.token(DEMO.amy));
    try {
      const sent = await send(DEMO.jake, id, 'Coffee?');
      expect(sent.body.message).toMatchObject({ direction: 'outbound', status: 'delivered', from: '201', to: '202', kind: 'text' });
      const frame = await amyEvents.waitFor((c) => c.events.find((f) => f.event.kind === 'message.created' && f.event.message.body === 'Coffee?'), 'Amy gets it');
      expect(frame.event.conversation.unreadCount).toBe(1);
      expect((await call(DEMO.jake, 'GET', `/v1/conversations/${id}`)).body.conversation.unreadCount).toBe(0);
      expect((await call(DEMO.amy, 'GET', `/v1/conversations/${id}`)).body.conversation.unreadCount).toBe(1);
    } finally {
      await amyEvents.close();
    }
  });

  it("mixed group chat: colleagues get it live, external numbers as SMS, and an external's reply lands in the 1:1 SMS thread", async () => {
    const customer = freshCustomer();
    const before = await conversationCount();
    const bad = await call(DEMO.jake, 'POST', '/v1/conversations/group', { title: 'x', extensions: ['202'], externalNumbers: ['not a number'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('externalNumbers.0');
    expect(await conversationCount()).toBe(before);

    const created = await call(DEMO.jake, 'POST', '/v1/conversations/group', { title: 'Parcel escalation', extensions: ['202', '204'], externalNumbers: [customer] });
    expect(created.status).toBe(201);
    const group = created.body.conversation;
    expect(group).toMatchObject({ type: 'group', title: 'Parcel escalation', didNumber: DEMO.did });
    expect(group.participants).toEqual([
      { type: 'agent', id: (await t.as.of(DEMO.jake)).id, extension: '201', name: 'Jake Peralta' },
      { type: 'agent', id: (await t.as.of(DEMO.amy)).id, extension: '202', name: 'Amy Santiago' },
      { type: 'agent', id: (await t.as.of(DEMO.charles)).id, extension: '204', name: 'Charles Boyle' },
      { type: 'external', number: customer, name: null },
    ]);
    expect((await messages(DEMO.amy, group.id)).map((m) => m.body)).toEqual([
      'Jake Peralta created the group "Parcel escalation"',
      'Jake Peralta added Amy Santiago (202)',
      'Jake Peralta added Charles Boyle (204)',
      `Jake Peralta added ${customer}`,
    ]);

    const charlesEvents = await connectEvents(t.server.url, await t.as.token(DEMO.charles));
    try {
      expect((await send(DEMO.jake, group.id, 'Courier arrives at 3 pm')).status).toBe(201);
      await charlesEvents.waitFor((c) => c.events.some((f) => f.event.message?.body === 'Courier arrives at 3 pm' && f.event.conversation.id === group.id), 'live');
    } finally {
      await charlesEvents.close();
    }
    await until(async () => (await phoneOf(t.server.url, customer)).length === 1, 'the SMS');
    expect((await phoneOf(t.server.url, customer))[0]).toMatchObject({ from: DEMO.did, body: 'Courier arrives at 3 pm' });

    await textFromCustomer(t.server.url, customer, 'Great, I will be home', DEMO.did);
    const oneToOne = await until(async () => {
      const sms = ((await call(DEMO.jake, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.type === 'sms' && c.customerNumber === customer);
      return sms?.lastMessagePreview === 'Great, I will be home' && sms;
    }, 'the reply in the 1:1 thread');
    expect((await messages(DEMO.jake, oneToOne.id)).map((m) => [m.direction, m.body])).toEqual([
      ['outbound', 'Courier arrives at 3 pm'],
      ['inbound', 'Great, I will be home'],
    ]);
    expect((await messages(DEMO.jake, group.id)).filter((m) => m.kind === 'text').map((m) => m.body)).toEqual(['Courier arrives at 3 pm']);
  });

  it('group features: rename, add, leave, each with a system line; leaving drops the chat from the leaver', async () => {
    const { id } = (await call(DEMO.jake, 'POST', '/v1/conversations/group', { title: 'Lunch', extensions: ['202'] })).body.conversation;
    expect((await call(DEMO.rosa, 'PATCH', `/v1/conversations/${id}`, { title: 'Mine now' })).status).toBe(404);
    expect((await call(DEMO.amy, 'PATCH', `/v1/conversations/${id}`, { title: 'Lunch on Friday' })).body.conversation.title).toBe('Lunch on Friday');
    expect((await call(DEMO.amy, 'POST', `/v1/conversations/${id}/participants`, { extensions: ['203'] })).body.conversation.participants).toHaveLength(3);
    expect((await call(DEMO.rosa, 'GET', `/v1/conversations/${id}`)).status).toBe(200);

    const amyEvents = await connectEvents(t.server.url, await t.as.token(DEMO.amy));
    try {
      expect((await call(DEMO.amy, 'POST', `/v1/conversations/${id}/leave`)).status).toBe(204);
      await amyEvents.waitFor((c) => c.events.some((f) => f.event.kind === 'conversation.removed' && f.event.conversationId === id), 'conversation.removed');
    } finally {
      await amyEvents.close();
    }
    expect((await call(DEMO.amy, 'GET', `/v1/conversations/${id}`)).status).toBe(404);
    expect((await messages(DEMO.jake, id)).map((m) => m.body)).toEqual([
      'Jake Peralta created the group "Lunch"',
      'Jake Peralta added Amy Santiago (202)',
      'Amy Santiago renamed the group to "Lunch on Friday"',
      'Amy Santiago added Rosa Diaz (203)',
      'Amy Santiago (202) left the group',
    ]);
    // Direct chats and customer threads have no participants to manage.
    const direct = (await call(DEMO.jake, 'POST', '/v1/conversations/direct', { extension: '204' })).body.conversation;
    expect((await call(DEMO.jake, 'POST', `/v1/conversations/${direct.id}/leave`)).status).toBe(409);
  });

  it('read receipts per participant and unread counts per agent and conversation', async () => {
    const { id } = (await call(DEMO.jake, 'POST', '/v1/conversations/group', { title: 'Receipts', extensions: ['202', '204'] })).body.conversation;
    const first = (await send(DEMO.jake, id, 'one')).body.message;
    const second = (await send(DEMO.jake, id, 'two')).body.message;
    const unreadOf = async (who: Who) => (await call(who, 'GET', `/v1/conversations/${id}`)).body.conversation.unreadCount;
    expect([await unreadOf(DEMO.jake), await unreadOf(DEMO.amy), await unreadOf(DEMO.charles)]).toEqual([0, 2, 2]);
    const totals = (await call(DEMO.amy, 'GET', '/v1/unread')).body;
    expect(totals.conversations).toContainEqual({ conversationId: id, unreadCount: 2 });
    expect(totals.total).toBe(totals.conversations.reduce((s: number, c: any) => s + c.unreadCount, 0));

    const jakeEvents = await connectEvents(t.server.url, await t.as.token(DEMO.jake));
    try {
      const read = await call(DEMO.amy, 'POST', `/v1/conversations/${id}/read`, { messageId: first.id });
      expect(read.body.conversation.unreadCount).toBe(1);
      const receipt = await jakeEvents.waitFor((c) => c.events.find((f) => f.event.kind === 'conversation.read' && f.event.conversationId === id), 'receipt');
      expect(receipt.event).toMatchObject({ agent: { extension: '202', name: 'Amy Santiago' }, lastReadMessageId: first.id });
    } finally {
      await jakeEvents.close();
    }
    expect((await call(DEMO.amy, 'POST', `/v1/conversations/${id}/read`, {})).body.conversation.unreadCount).toBe(0);
    // Marks only move forward.
    expect((await call(DEMO.amy, 'POST', `/v1/conversations/${id}/read`, { messageId: first.id })).body.conversation.unreadCount).toBe(0);
    const receipts = (await call(DEMO.jake, 'GET', `/v1/conversations/${id}/receipts`)).body.receipts as any[];
    expect(receipts.map((r) => [r.agent.extension, r.lastReadMessageId])).toEqual([
      ['201', null],
      ['202', second.id],
      ['204', null],
    ]);
    expect((await call(DEMO.amy, 'POST', `/v1/conversations/${id}/read`, { messageId: 'no-such-message' })).status).toBe(404);
    expect((await call(DEMO.terry, 'POST', `/v1/conversations/${id}/read`, {})).status).toBe(403);

    // Customer texts count too, per agent.
    const customer = freshCustomer();
    for (const body of ['a', 'b', 'c']) await textFromCustomer(t.server.url, customer, body, DEMO.did);
    const sms = await until(async () => ((await call(DEMO.jake, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.customerNumber === customer), 'sms');
    expect(sms.unreadCount).toBe(3);
    await send(DEMO.jake, sms.id, 'Hi!');
    expect((await call(DEMO.jake, 'GET', `/v1/conversations/${sms.id}`)).body.conversation.unreadCount).toBe(3);
  });
});
