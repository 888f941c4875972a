import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, connectEvents, DEMO, demoWith, type EventClient, fence, freshCustomer, groupId, http, phoneOf, textFromCustomer, until, useTestServer } from './harness';

/*
 * Seed 003 "Routing Settings" (a number routes to an agent, a group of agents or a bot), seed 000/001
 * (ring group / queue: every member sees, one designated agent gets the @mention, later texts go to
 * it), seed 002 (SMS queue: waiting list, "Entered SMS Support Queue").
 */

const IDLE_DID = '+15035550188';
const IDLE = [
  { extension: '501', name: 'Idle One', password: 'parley-501' },
  { extension: '502', name: 'Idle Two', password: 'parley-502' },
  { extension: '503', name: 'Idle Three', password: 'parley-503' },
];

describe.each(BACKENDS)('inbound rules: ring group, queue, bot (%s)', (backend) => {
  const t = useTestServer(backend, {
      config: demoWith({
        agents: IDLE,
        groups: [{ kind: 'ring_group', extension: '6100', name: 'Idle Desk', strategy: 'longest_idle', members: IDLE.map((a) => a.extension) }],
        numbers: [{ number: IDLE_DID, channel: 'sms', label: 'Idle desk', inboundRoute: { type: 'ring_group', extension: '6100' } }],
      }),
    });
  let sales: string;
  let support: string;
  let idleDesk: string;
  beforeAll(async () => {
    const jake = await t.as.token(DEMO.jake);
    sales = await groupId(t.server.url, jake, '6000');
    support = await groupId(t.server.url, jake, '8000');
    idleDesk = await groupId(t.server.url, jake, '6100');
  });

  const get = async (who: typeof DEMO.jake, path: string) => (await http(t.server.url, 'GET', path, { token: await t.as.token(who) })).body;
  const post = async (who: typeof DEMO.jake, path: string, json: unknown = {}) => http(t.server.url, 'POST', path, { token: await t.as.token(who), json });
  /** The conversation a customer's text started, as the agent sees it. */
  const conversationOf = async (who: typeof DEMO.jake, customer: string) =>
    until(async () => ((await get(who, '/v1/conversations?limit=200')).conversations as any[]).find((c) => c.customerNumber === customer), `conversation with ${customer}`);
  const bodiesOf = async (who: typeof DEMO.jake, conversationId: string) =>
    ((await get(who, `/v1/conversations/${conversationId}/messages`)).messages as any[]).map((m) => [m.kind, m.body]);
  const newCustomerTexts = async (did: string, body = 'Hello?') => {
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, body, did);
    return customer;
  };

  it('ring group: every member sees the conversation and its history, round robin designates the next available member, only it gets the @mention', async () => {
    const members = [DEMO.amy, DEMO.rosa, DEMO.charles];
    const clients = await Promise.all(members.map(async (m) => connectEvents(t.server.url, await t.as.token(m))));
    const jakeClient = await connectEvents(t.server.url, await t.as.token(DEMO.jake));
    try {
      const customer = await newCustomerTexts(DEMO.salesDid, 'Do you ship to Canada?');
      const conversation = await conversationOf(DEMO.amy, customer);
      expect(conversation).toMatchObject({ state: 'assigned', group: { extension: '6000', name: 'Sales', kind: 'ring_group' } });
      const designated = conversation.designatedAgent;
      expect(designated.extension).toBe('202'); // round robin starts at the first member
      expect(conversation.mentionedAgentId).toBe(designated.id);
      expect(conversation.participants.map((p: any) => p.extension).sort()).toEqual(['202', '203', '204']);
      expect(await bodiesOf(DEMO.rosa, conversation.id)).toEqual([
        ['system', 'Entered Sales'],
        ['system', 'Conversation assigned to Amy Santiago (202)'],
        ['text', 'Do you ship to Canada?'],
      ]);

      for (const client of clients) {
        await client.waitFor((c) => c.events.some((f) => f.event.kind === 'message.created' && f.event.message.body === 'Do you ship to Canada?'), 'every member gets the text');
      }
      const assigned = (c: EventClient) => c.events.filter((f) => f.event.kind === 'conversation.assigned' && f.event.conversation.id === conversation.id);
      await clients[0]!.waitFor((c) => assigned(c).length === 1, '@mention for Amy');
      expect(assigned(clients[0]!)[0]!.event.reason).toBe('routed');
      for (const [i, who] of [DEMO.rosa, DEMO.charles].entries()) await fence(t.server.url, clients[i + 1]!, await t.as.token(who), sales);
      expect(assigned(clients[1]!)).toEqual([]);
      expect(assigned(clients[2]!)).toEqual([]);
      await fence(t.server.url, jakeClient, await t.as.token(DEMO.jake), support);
      expect(jakeClient.events.filter((f) => f.event.conversation?.id === conversation.id)).toEqual([]);
      expect((await http(t.server.url, 'GET', `/v1/conversations/${conversation.id}`, { token: await t.as.token(DEMO.jake) })).status).toBe(404);

      // Round robin continues: Rosa, Charles, then Amy again; Rosa paused is skipped.
      const next = async () => (await conversationOf(DEMO.amy, await newCustomerTexts(DEMO.salesDid))).designatedAgent.extension;
      expect([await next(), await next(), await next()]).toEqual(['203', '204', '202']);
      expect((await post(DEMO.rosa, `/v1/groups/${sales}/pause`, { reason: 'Lunch' })).status).toBe(200);
      expect([await next(), await next()]).toEqual(['204', '202']);
      await post(DEMO.rosa, `/v1/groups/${sales}/resume`);
      expect(await next()).toBe('203');

      // The customer's later texts go to the same designated agent; every member still sees them.
      await textFromCustomer(t.server.url, customer, 'Also, do you have it in blue?', DEMO.salesDid);
      const again = await conversationOf(DEMO.charles, customer);
      expect(again.id).toBe(conversation.id);
      expect(again.designatedAgent.extension).toBe('202');
      expect((await bodiesOf(DEMO.charles, conversation.id)).at(-1)).toEqual(['text', 'Also, do you have it in blue?']);
    } finally {
      await Promise.all([...clients, jakeClient].map((c) => c.close()));
    }
  });

  it('longest idle designates the available member whose last assignment is oldest', async () => {
    const next = async () => (await conversationOf(IDLE[0]!, await newCustomerTexts(IDLE_DID))).designatedAgent.extension;
    expect([await next(), await next(), await next()]).toEqual(['501', '502', '503']);
    expect(await next()).toBe('501');
    // 502 is the idlest now, but logged out of the group: 503 is next.
    await post(IDLE[1]!, `/v1/groups/${idleDesk}/logout`);
    expect(await next()).toBe('503');
    await post(IDLE[1]!, `/v1/groups/${idleDesk}/login`);
    expect(await next()).toBe('502');
  });

  it('a ring group with nobody available leaves the conversation waiting; the next text goes to whoever is back', async () => {
    for (const who of IDLE) await post(who, `/v1/groups/${idleDesk}/logout`);
    const customer = await newCustomerTexts(IDLE_DID, 'Anyone there?');
    const waiting = await conversationOf(IDLE[0]!, customer);
    expect(waiting).toMatchObject({ state: 'waiting', designatedAgent: null, mentionedAgentId: null });
    expect(waiting.waitingSince).not.toBeNull();

    await post(IDLE[2]!, `/v1/groups/${idleDesk}/login`);
    await textFromCustomer(t.server.url, customer, 'Hello again', IDLE_DID);
    await until(async () => (await conversationOf(IDLE[0]!, customer)).state === 'assigned', 'assigned on the next text');
    expect((await conversationOf(IDLE[0]!, customer)).designatedAgent.extension).toBe('503');
    for (const who of IDLE) await post(who, `/v1/groups/${idleDesk}/login`);
  });

  it('an SMS queue puts the conversation on its waiting list, alerts its available members only and @mentions the strategy\'s pick', async () => {
    await post(DEMO.wyatt, `/v1/groups/${support}/logout`);
    const connect = async (who: typeof DEMO.jake) => connectEvents(t.server.url, await t.as.token(who));
    const [jake, amy, wyatt] = [await connect(DEMO.jake), await connect(DEMO.amy), await connect(DEMO.wyatt)];
    try {
      const customer = await newCustomerTexts(DEMO.queueDid, 'My parcel never arrived');
      const conversation = await conversationOf(DEMO.jake, customer);
      expect(conversation).toMatchObject({ state: 'waiting', designatedAgent: null, group: { name: 'SMS Support Queue', kind: 'queue' } });
      expect([(await t.as.of(DEMO.jake)).id, (await t.as.of(DEMO.amy)).id]).toContain(conversation.mentionedAgentId);
      expect(await bodiesOf(DEMO.jake, conversation.id)).toEqual([
        ['system', 'Entered SMS Support Queue'],
        ['text', 'My parcel never arrived'],
      ]);
      // Clients order a thread by time: the line and the text that caused it must not share a millisecond.
      const times = ((await get(DEMO.jake, `/v1/conversations/${conversation.id}/messages`)).messages as any[]).map((m) => Date.parse(m.createdAt));
      expect(times[1]).toBeGreaterThan(times[0]!);
      const waitingFor = (c: EventClient) => c.events.filter((f) => f.event.kind === 'queue.waiting' && f.event.conversation.id === conversation.id);
      for (const c of [jake, amy]) await c.waitFor(() => waitingFor(c).length === 1, 'queue.waiting');
      expect(waitingFor(jake)[0]!.event).toMatchObject({ group: { id: support, name: 'SMS Support Queue' }, conversation: { lastMessagePreview: 'My parcel never arrived' } });
      // Wyatt is logged out of the queue: he sees the conversation but is not alerted.
      await wyatt.waitFor((c) => c.events.some((f) => f.event.kind === 'message.created' && f.event.conversation.id === conversation.id), 'Wyatt sees it');
      await fence(t.server.url, wyatt, await t.as.token(DEMO.wyatt), await groupId(t.server.url, await t.as.token(DEMO.wyatt), '8001'));
      expect(waitingFor(wyatt)).toEqual([]);

      // The waiting list shows it with its wait time (by the server's clock).
      await t.server.advance(90_000);
      const list = (await get(DEMO.amy, `/v1/groups/${support}/waiting`)).waiting as any[];
      const entry = list.find((w) => w.conversation.id === conversation.id);
      expect(entry.waitingSeconds).toBeGreaterThanOrEqual(90);
      expect((await get(DEMO.amy, '/v1/groups')).groups.find((g: any) => g.id === support).waitingCount).toBeGreaterThanOrEqual(1);

      // More texts while waiting join the same waiting conversation.
      await textFromCustomer(t.server.url, customer, 'Hello??', DEMO.queueDid);
      await until(async () => (await bodiesOf(DEMO.amy, conversation.id)).length === 3, 'second text');
      expect((await conversationOf(DEMO.amy, customer)).state).toBe('waiting');
    } finally {
      await Promise.all([jake, amy, wyatt].map((c) => c.close()));
      await post(DEMO.wyatt, `/v1/groups/${support}/login`);
    }
  });

  it('a bot answers every text with its configured reply', async () => {
    const customer = await newCustomerTexts(DEMO.botDid, 'Are you open?');
    await until(async () => (await phoneOf(t.server.url, customer)).length === 2, 'the bot reply on the phone');
    const phone = await phoneOf(t.server.url, customer);
    expect(phone[1]).toMatchObject({ direction: 'to-customer', from: DEMO.botDid });
    expect(phone[1]!.body).toMatch(/^Hi, this is the Parley after-hours line/);
    // Nobody is routed a bot conversation; supervisors see it among all conversations.
    const all = (await get(DEMO.terry, '/v1/conversations?scope=all&limit=200')).conversations as any[];
    const conversation = all.find((c) => c.customerNumber === customer);
    expect(conversation).toMatchObject({ state: 'open', participants: [] });
    const messages = (await get(DEMO.terry, `/v1/conversations/${conversation.id}/messages`)).messages as any[];
    expect(messages.map((m) => [m.direction, m.senderAgentId])).toEqual([
      ['inbound', null],
      ['outbound', null],
    ]);
  });

  it('a number without messaging takes no texts', async () => {
    const res = await http(t.server.url, 'POST', '/v1/simulator/messages', { json: { from: freshCustomer(), to: '+15035550150', body: 'hi' } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('to');
  });
});
