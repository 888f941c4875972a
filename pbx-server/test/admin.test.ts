import { describe, expect, it } from 'vitest';
import { BACKENDS, DEMO, freshCustomer, http, login, phoneOf, textFromCustomer, until, useTestServer } from './harness';

/* The admin API: agents, ring groups and queues, numbers with inbound rules and caller IDs, bots. */

describe.each(BACKENDS)('admin API (%s)', (backend) => {
  const t = useTestServer(backend);
  const call = t.call;
  const admin = (method: string, path: string, json?: unknown) => call(DEMO.holt, method, path, json);
  const numberCount = async () => Number((await t.server.db.query<{ n: unknown }>('SELECT count(*) AS n FROM numbers'))[0]!.n);
  const path = (number: string) => `/v1/admin/numbers/${encodeURIComponent(number)}`;

  it('builds a working line: new agents, a queue with them, a number routed to it; a customer text is claimed and answered', async () => {
    for (const [extension, name] of [['221', 'Kevin Cozner'], ['222', 'Doug Judy']]) {
      const res = await admin('POST', '/v1/admin/agents', { extension, name, password: `secret-${extension}`, role: 'agent' });
      expect(res.status).toBe(201);
      expect(res.body.agent).toMatchObject({ extension, name, role: 'agent', active: true });
    }
    const queue = await admin('POST', '/v1/admin/groups', {
      kind: 'queue',
      extension: '8200',
      name: 'Returns Queue',
      strategy: 'longest_idle',
      members: ['221', '222'],
      idleTimeoutSeconds: 120,
    });
    expect(queue.status).toBe(201);
    expect(queue.body.group).toMatchObject({ name: 'Returns Queue', members: ['221', '222'], idleTimeoutSeconds: 120, unclaimedTimeoutSeconds: null });
    const line = await admin('POST', '/v1/admin/numbers', {
      number: '+1 (503) 555-0144',
      channel: 'sms',
      label: 'Returns',
      inboundRoute: { type: 'queue', extension: '8200' },
      senders: ['221', '222'],
    });
    expect(line.status).toBe(201);
    expect(line.body.number).toMatchObject({ number: '+15035550144', carrier: 'loopback', inboundRoute: { type: 'queue', extension: '8200', name: 'Returns Queue' }, senders: ['221', '222'] });

    const kevin = { extension: '221', password: 'secret-221' };
    expect((await call(kevin, 'GET', '/v1/numbers')).body.numbers).toEqual([{ number: '+15035550144', channel: 'sms', label: 'Returns' }]);
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'I want to return a lamp', '+15035550144');
    const waiting = await until(async () => ((await call(kevin, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.customerNumber === customer), 'queued');
    expect(waiting).toMatchObject({ state: 'waiting', group: { name: 'Returns Queue' } });
    expect((await call(kevin, 'POST', `/v1/conversations/${waiting.id}/claim`)).status).toBe(200);
    expect((await call(kevin, 'POST', `/v1/conversations/${waiting.id}/messages`, { body: 'Sure, here is the label', idempotencyKey: 'returns-0001' })).status).toBe(201);
    await until(async () => (await phoneOf(t.server.url, customer)).some((m) => m.body === 'Sure, here is the label' && m.from === '+15035550144'), 'the answer');
  });

  it('rejects bad numbers with 400 naming the field and stores nothing', async () => {
    const before = await numberCount();
    const base = { channel: 'sms', label: 'x', inboundRoute: { type: 'agent', extension: '201' } };
    const cases: [unknown, string][] = [
      [{ ...base, number: '555' }, 'number'],
      [{ ...base, number: '+15035550145', inboundRoute: { type: 'queue', extension: '6000' } }, 'inboundRoute.extension'],
      [{ ...base, number: '+15035550145', inboundRoute: { type: 'bot', bot: 'Nobody' } }, 'inboundRoute.bot'],
      [{ ...base, number: '+15035550145', senders: ['201', '999'] }, 'senders.1'],
      [{ ...base, number: '+15035550145', carrier: 'carrier-pigeon' }, 'carrier'],
      [{ ...base, number: '+15035550145', messagingEnabled: false, senders: ['201'] }, 'senders'],
      [{ ...base, number: '+15035550145', channel: 'fax' }, 'channel'],
    ];
    for (const [body, field] of cases) {
      const res = await admin('POST', '/v1/admin/numbers', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await numberCount()).toBe(before);
    expect((await admin('POST', '/v1/admin/numbers', { ...base, number: DEMO.did })).status).toBe(409);
    expect((await admin('PUT', path('+15035550146'), base)).status).toBe(404);
  });

  it('changes a number: a new route and new caller IDs apply to the next text', async () => {
    const res = await admin('PUT', path('+15035550144'), { channel: 'sms', label: 'Returns (Amy)', inboundRoute: { type: 'agent', extension: '202' }, senders: ['202'] });
    expect(res.status).toBe(200);
    expect(res.body.number).toMatchObject({ label: 'Returns (Amy)', inboundRoute: { type: 'agent', extension: '202', name: 'Amy Santiago' }, senders: ['202'] });
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'Hi Amy', '+15035550144');
    const sms = await until(async () => ((await call(DEMO.amy, 'GET', '/v1/conversations')).body.conversations as any[]).find((c) => c.customerNumber === customer), 'Amy gets it');
    expect(sms).toMatchObject({ state: 'open', group: null });
  });

  it('groups: settings checked as a whole, members replaced keeping presence, deletion only when unused', async () => {
    expect((await admin('POST', '/v1/admin/groups', { kind: 'ring_group', extension: '6300', name: 'R', idleTimeoutSeconds: 60 })).body.error.field).toBe('idleTimeoutSeconds');
    expect((await admin('POST', '/v1/admin/groups', { kind: 'queue', extension: '201', name: 'Clash' })).status).toBe(409);
    expect((await admin('POST', '/v1/admin/groups', { kind: 'queue', extension: '8300', name: 'Q', members: ['201', 'nobody'] })).body.error.field).toBe('members.1');
    expect((await admin('GET', '/v1/admin/groups')).body.groups.some((g: any) => g.extension === '8300')).toBe(false);

    const created = (await admin('POST', '/v1/admin/groups', { kind: 'queue', extension: '8300', name: 'Spare', members: ['201', '202'] })).body.group;
    await call(DEMO.jake, 'POST', `/v1/groups/${created.id}/pause`, { reason: 'Meeting' });
    const changed = await admin('PATCH', `/v1/admin/groups/${created.id}`, { name: 'Spare Queue', members: ['203', '201'], unclaimedTimeoutSeconds: 600 });
    expect(changed.body.group).toMatchObject({ name: 'Spare Queue', members: ['203', '201'], unclaimedTimeoutSeconds: 600, kind: 'queue' });
    const mine = (await call(DEMO.jake, 'GET', '/v1/groups')).body.groups.find((g: any) => g.id === created.id);
    expect(mine.me).toEqual({ loggedIn: true, paused: true, pauseReason: 'Meeting' });
    expect((await call(DEMO.amy, 'GET', '/v1/groups')).body.groups.find((g: any) => g.id === created.id).me).toBeNull();
    expect((await admin('PATCH', `/v1/admin/groups/${created.id}`, { idleTimeoutSeconds: 0 })).body.error.field).toBe('idleTimeoutSeconds');

    const support = (await admin('GET', '/v1/admin/groups')).body.groups.find((g: any) => g.extension === '8000');
    expect((await admin('DELETE', `/v1/admin/groups/${support.id}`)).status).toBe(409);
    expect((await admin('DELETE', `/v1/admin/groups/${created.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/v1/admin/groups/${created.id}`)).status).toBe(404);
  });

  it('deactivates an agent: no login, old tokens refused, out of groups and the directory; reactivation restores login', async () => {
    const created = (await admin('POST', '/v1/admin/agents', { extension: '230', name: 'Scully', password: 'scully-230' })).body.agent;
    expect((await admin('POST', '/v1/admin/agents', { extension: '230', name: 'Hitchcock', password: 'hitch-230' })).status).toBe(409);
    expect((await admin('POST', '/v1/admin/agents', { extension: '231', name: 'Short', password: 'short' })).body.error.field).toBe('password');
    const sales = (await admin('GET', '/v1/admin/groups')).body.groups.find((g: any) => g.extension === '6000');
    await admin('PATCH', `/v1/admin/groups/${sales.id}`, { members: [...sales.members, '230'] });
    const scully = await login(t.server.url, { extension: '230', password: 'scully-230' });

    expect((await admin('DELETE', `/v1/admin/agents/${created.id}`)).body.agent.active).toBe(false);
    expect((await http(t.server.url, 'POST', '/v1/auth/login', { json: { extension: '230', password: 'scully-230' } })).status).toBe(401);
    expect((await http(t.server.url, 'GET', '/v1/me', { token: scully.accessToken })).status).toBe(401);
    expect((await http(t.server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: scully.refreshToken } })).status).toBe(401);
    expect((await admin('GET', '/v1/admin/groups')).body.groups.find((g: any) => g.extension === '6000').members).not.toContain('230');
    expect((await call(DEMO.jake, 'GET', '/v1/agents')).body.agents.map((a: any) => a.extension)).not.toContain('230');

    const jake = await t.as.of(DEMO.jake);
    expect((await admin('DELETE', `/v1/admin/agents/${jake.id}`)).status).toBe(409); // +15035550100 routes to Jake
    expect((await admin('DELETE', `/v1/admin/agents/${(await t.as.of(DEMO.holt)).id}`)).status).toBe(409);
    expect((await admin('PATCH', `/v1/admin/agents/${created.id}`, { active: true, name: 'Michael Scully' })).body.agent).toMatchObject({ active: true, name: 'Michael Scully' });
    expect((await http(t.server.url, 'POST', '/v1/auth/login', { json: { extension: '230', password: 'scully-230' } })).status).toBe(200);
    expect((await admin('PATCH', '/v1/admin/agents/no-such-agent', { name: 'x' })).status).toBe(404);
  });

  it('bots: a number routed to a new bot answers with its reply; a bot in use cannot be deleted', async () => {
    const bot = (await admin('POST', '/v1/admin/bots', { name: 'Holiday bot', reply: 'Closed for the holidays.' })).body.bot;
    expect((await admin('POST', '/v1/admin/bots', { name: 'Holiday bot', reply: 'again' })).status).toBe(409);
    expect((await admin('POST', '/v1/admin/numbers', { number: '+15035550155', channel: 'sms', inboundRoute: { type: 'bot', bot: 'Holiday bot' } })).status).toBe(201);
    await admin('PATCH', `/v1/admin/bots/${bot.id}`, { reply: 'Closed until January 2.' });
    const customer = freshCustomer();
    await textFromCustomer(t.server.url, customer, 'Open today?', '+15035550155');
    await until(async () => (await phoneOf(t.server.url, customer)).some((m) => m.body === 'Closed until January 2.'), 'bot reply');
    expect((await admin('DELETE', `/v1/admin/bots/${bot.id}`)).status).toBe(409);
    expect((await admin('DELETE', path('+15035550155'))).status).toBe(409);
    const spare = (await admin('POST', '/v1/admin/bots', { name: 'Spare bot', reply: 'Hi' })).body.bot;
    expect((await admin('DELETE', `/v1/admin/bots/${spare.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/v1/admin/bots/${spare.id}`)).status).toBe(404);
    expect((await admin('POST', '/v1/admin/numbers', { number: '+15035550156', channel: 'sms', inboundRoute: { type: 'agent', extension: '201' } })).status).toBe(201);
    expect((await admin('DELETE', path('+15035550156'))).status).toBe(204);
  });
});
