import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ParleyConnector } from '../../../utils/pbx/parley';

const agent = { id: 'a201', extension: '201', name: 'Jake Peralta', role: 'agent' as const };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const group = { id: 'g8000', kind: 'queue', extension: '8000', name: 'SMS Support Queue' };
const wireConversation = {
  id: 'c1',
  type: 'sms',
  customerNumber: '+15035550142',
  didNumber: '+15035550111',
  title: '+15035550142',
  createdAt: '2026-11-20T09:00:00.000Z',
  lastMessageAt: null,
  lastMessagePreview: null,
  state: 'assigned',
  group,
  designatedAgent: { id: 'a201', extension: '201', name: 'Jake Peralta' },
};

type Route = (request: Request, body: unknown) => Response;

/** A signed-in connector whose REST calls are answered by `routes`, keyed "METHOD /path"; the calls are recorded. */
async function connected(routes: Record<string, Route>) {
  const calls: Array<{ call: string; body: unknown; auth: string | null }> = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/v1/auth/login') return json(200, { accessToken: 'acc', refreshToken: 'ref', expiresIn: 900, agent });
    const text = await request.text();
    const body = text ? JSON.parse(text) : undefined;
    const call = `${request.method} ${url.pathname}${url.search}`;
    calls.push({ call, body, auth: request.headers.get('authorization') });
    const route = routes[call];
    return route ? route(request, body) : json(404, { error: { code: 'not_found', message: call } });
  };
  const connector = new ParleyConnector({ fetch, createSocket: () => ({ close() {} }) as unknown as WebSocket });
  await connector.login({ serverUrl: 'http://127.0.0.1:8787', extension: '201', password: 'parley-201' });
  return { connector, calls };
}

beforeEach(() => fakeBrowser.reset());

describe('ParleyConnector workspace routes', () => {
  it('claims, releases, closes and transfers, answering with the mapped conversation', async () => {
    const answer = () => json(200, { conversation: wireConversation });
    const { connector, calls } = await connected({
      'POST /v1/conversations/c1/claim': answer,
      'POST /v1/conversations/c1/release': answer,
      'POST /v1/conversations/c1/close': answer,
      'POST /v1/conversations/c1/transfer': answer,
    });
    await expect(connector.claim('c1')).resolves.toMatchObject({ id: 'c1', state: 'assigned', designatedAgentId: 'a201', group });
    await connector.release('c1');
    await connector.close('c1');
    await connector.transfer('c1', { agentId: 'a202' });
    expect(calls.map(({ call, body }) => [call, body])).toEqual([
      ['POST /v1/conversations/c1/claim', undefined],
      ['POST /v1/conversations/c1/release', undefined],
      ['POST /v1/conversations/c1/close', undefined],
      ['POST /v1/conversations/c1/transfer', { agentId: 'a202' }],
    ]);
    expect(calls.every((call) => call.auth === 'Bearer acc')).toBe(true);
  });

  it('reports a lost claim as a refusal carrying the winner', async () => {
    const { connector } = await connected({
      'POST /v1/conversations/c1/claim': () => json(409, { error: { code: 'conflict', message: 'claimed by Amy Santiago (202)' } }),
    });
    await expect(connector.claim('c1')).rejects.toMatchObject({ code: 'rejected', message: 'claimed by Amy Santiago (202)' });
  });

  it('opens direct and group chats, renames, adds, leaves (204) and moves the read mark', async () => {
    const chat = () => json(201, { conversation: { ...wireConversation, id: 'g1', type: 'group', customerNumber: null, title: 'Ops' } });
    const { connector, calls } = await connected({
      'POST /v1/conversations/direct': chat,
      'POST /v1/conversations/group': chat,
      'PATCH /v1/conversations/g1': chat,
      'POST /v1/conversations/g1/participants': chat,
      'POST /v1/conversations/g1/leave': () => new Response(null, { status: 204 }),
      'POST /v1/conversations/g1/read': () => json(200, { conversation: wireConversation }),
      'POST /v1/conversations': () => json(201, { conversation: wireConversation }),
    });
    await connector.openDirect('202');
    await connector.openGroup({ title: 'Ops', extensions: ['202'], externalNumbers: ['+15035550171'] });
    await connector.rename('g1', 'Ops room');
    await connector.addParticipants('g1', { extensions: ['211'] });
    await expect(connector.leave('g1')).resolves.toBeUndefined();
    await connector.markRead('g1');
    await connector.openConversation('+15035550177', '+15035550111');
    expect(calls.map(({ call, body }) => [call, body])).toEqual([
      ['POST /v1/conversations/direct', { extension: '202' }],
      ['POST /v1/conversations/group', { title: 'Ops', extensions: ['202'], externalNumbers: ['+15035550171'] }],
      ['PATCH /v1/conversations/g1', { title: 'Ops room' }],
      ['POST /v1/conversations/g1/participants', { extensions: ['211'] }],
      ['POST /v1/conversations/g1/leave', undefined],
      ['POST /v1/conversations/g1/read', {}],
      ['POST /v1/conversations', { customerNumber: '+15035550177', fromNumber: '+15035550111' }],
    ]);
  });

  it('reads groups, presence, receipts, the directory, caller IDs, suggestions, a contact’s numbers and shared templates', async () => {
    const presence = { loggedIn: true, paused: true, pauseReason: 'Lunch' };
    const { connector, calls } = await connected({
      'GET /v1/groups': () => json(200, { groups: [{ ...group, strategy: 'longest_idle', idleTimeoutSeconds: 300, unclaimedTimeoutSeconds: 900, me: presence, waitingCount: 2, members: [] }] }),
      'POST /v1/groups/g8000/pause': () => json(200, { presence }),
      'POST /v1/groups/g8000/login': () => json(200, { presence: { ...presence, paused: false, pauseReason: null } }),
      'GET /v1/conversations/c1/receipts': () => json(200, { receipts: [{ agent: { id: 'a202', extension: '202', name: 'Amy Santiago' }, lastReadMessageId: 'm4', readAt: '2026-11-20T10:00:00.000Z' }] }),
      'GET /v1/agents': () => json(200, { agents: [{ ...agent }, { id: 'a202', extension: '202', name: 'Amy Santiago', role: 'agent' }] }),
      'GET /v1/numbers': () => json(200, { numbers: [{ number: '+15035550111', channel: 'sms', label: 'SMS Support Queue' }, { number: '+1', channel: 'fax', label: 'future' }] }),
      'GET /v1/contacts/suggest?q=mar&limit=20': () => json(200, { suggestions: [{ number: '+15035550142', name: 'Maria Lopez', source: 'phonebook' }] }),
      'GET /v1/contacts/resolve?number=%2B15035550142': () => json(200, { number: '+15035550142', name: 'Maria Lopez', source: 'phonebook', contactId: 'k1' }),
      'GET /v1/contacts/resolve?number=%2B15035550999': () => json(200, { number: '+15035550999', name: null, source: null, contactId: null }),
      'GET /v1/contacts/k1': () => json(200, { contact: { id: 'k1', name: 'Maria Lopez', company: null, numbers: [{ number: '+15035550142', label: 'Mobile' }, { number: '+15035550177', label: 'Home' }], createdAt: 'x', updatedAt: 'x' } }),
      'GET /v1/templates': () => json(200, { templates: [{ id: 'shared:greeting', name: 'Greeting', body: 'Hi' }] }),
    });
    expect(await connector.listGroups()).toEqual([expect.objectContaining({ ...group, me: presence, waitingCount: 2 })]);
    expect(await connector.setPresence('g8000', { action: 'pause', reason: 'Lunch' })).toEqual(presence);
    expect((await connector.setPresence('g8000', { action: 'login' })).paused).toBe(false);
    expect(await connector.receipts('c1')).toEqual([
      { conversationId: 'c1', agent: { id: 'a202', extension: '202', name: 'Amy Santiago' }, lastReadMessageId: 'm4', readAt: Date.parse('2026-11-20T10:00:00.000Z') },
    ]);
    expect((await connector.listAgents()).map((a) => a.extension)).toEqual(['201', '202']);
    // A caller ID on a channel this client does not know is left out, not fatal.
    expect(await connector.callerIds()).toEqual([{ number: '+15035550111', channel: 'sms', label: 'SMS Support Queue' }]);
    expect(await connector.suggestContacts('mar')).toEqual([{ number: '+15035550142', name: 'Maria Lopez', source: 'phonebook' }]);
    expect(await connector.contactOf('+15035550142')).toEqual({ name: 'Maria Lopez', numbers: [{ number: '+15035550142', label: 'Mobile' }, { number: '+15035550177', label: 'Home' }] });
    expect(await connector.contactOf('+15035550999')).toBeNull();
    expect(await connector.sharedTemplates()).toEqual([{ id: 'shared:greeting', scope: 'shared', name: 'Greeting', body: 'Hi' }]);
    expect(calls.find((call) => call.call.endsWith('/pause'))?.body).toEqual({ reason: 'Lunch' });
  });

  it('lists the bots of a conversation and removes one, answering with the bots left', async () => {
    const owl = { id: 'b1', name: 'Night Owl', routed: true, addedAt: '2026-11-20T09:00:00.000Z' };
    const { connector, calls } = await connected({
      'GET /v1/conversations/c%201/bots': () => json(200, { bots: [owl, { id: 'b/2', name: 'Survey', routed: false, addedAt: '2026-11-20T09:01:00.000Z' }] }),
      'DELETE /v1/conversations/c%201/bots/b%2F2': () => json(200, { bots: [owl] }),
    });
    expect(await connector.conversationBots('c 1')).toEqual([
      { id: 'b1', name: 'Night Owl', routed: true },
      { id: 'b/2', name: 'Survey', routed: false },
    ]);
    // Ids are path-encoded: a bot id never reaches another route.
    expect(await connector.removeBot('c 1', 'b/2')).toEqual([{ id: 'b1', name: 'Night Owl', routed: true }]);
    expect(calls.map((call) => call.call)).toEqual(['GET /v1/conversations/c%201/bots', 'DELETE /v1/conversations/c%201/bots/b%2F2']);
    await expect(connector.removeBot('c 1', 'b9')).rejects.toMatchObject({ code: 'rejected' });
  });
});
