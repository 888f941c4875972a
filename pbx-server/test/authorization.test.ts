import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO, freshCustomer, groupId, http, textFromCustomer, until, useTestServer, type Who } from './harness';

/*
 * Who may do what. Agents see their own conversations and those of their groups and queues;
 * supervisors see all; only a group conversation's designated agent replies, transfers, releases
 * or closes it; only admins manage the directory. A conversation someone may not see answers 404
 * (ids are not secret, contents are); a visible one they may not act on answers 403.
 */

type Row = [who: keyof typeof DEMO, method: string, path: string, body: unknown, status: number];

describe.each(BACKENDS)('authorization matrix and bad input (%s)', (backend) => {
  const t = useTestServer(backend);
  let queued: string; // SMS Support Queue, claimed by Jake
  let jakes: string; // Jake's own line conversation
  let chat: string; // Jake and Amy's group chat
  let support: string;
  beforeAll(async () => {
    const jake = await t.as.token(DEMO.jake);
    support = await groupId(t.server.url, jake, '8000');
    const find = async (customer: string) =>
      until(async () => ((await http(t.server.url, 'GET', '/v1/conversations', { token: jake })).body.conversations as any[]).find((c) => c.customerNumber === customer), customer);
    const a = freshCustomer();
    await textFromCustomer(t.server.url, a, 'queue me', DEMO.queueDid);
    queued = (await find(a)).id;
    expect((await http(t.server.url, 'POST', `/v1/conversations/${queued}/claim`, { token: jake })).status).toBe(200);
    const b = freshCustomer();
    await textFromCustomer(t.server.url, b, 'just Jake', DEMO.did);
    jakes = (await find(b)).id;
    chat = (await http(t.server.url, 'POST', '/v1/conversations/group', { token: jake, json: { title: 'Team', extensions: ['202'] } })).body.conversation.id;
  });

  const run = async ([who, method, path, body, status]: Row) => {
    const res = await http(t.server.url, method, path.replace(':queued', queued).replace(':jakes', jakes).replace(':chat', chat).replace(':support', support), {
      token: await t.as.token(DEMO[who] as Who),
      json: body,
    });
    return { status: res.status, code: res.body?.error?.code, expected: status };
  };
  const check = async (rows: Row[]) => {
    const results = await Promise.all(rows.map(run));
    const wrong = results.map((r, i) => ({ ...r, row: rows[i]!.slice(0, 3).join(' ') })).filter((r) => r.status !== r.expected);
    expect(wrong).toEqual([]);
    for (const r of results) if (r.expected === 403) expect(r.code).toBe('forbidden');
  };
  const key = () => `authz-${Math.random().toString(36).slice(2)}`;

  it('forbidden calls answer 403', async () => {
    await check([
      // Only the designated agent acts on a group conversation; members and supervisors see it.
      ['amy', 'POST', '/v1/conversations/:queued/messages', { body: 'hi', idempotencyKey: key() }, 403],
      ['amy', 'POST', '/v1/conversations/:queued/release', undefined, 403],
      ['amy', 'POST', '/v1/conversations/:queued/close', undefined, 403],
      ['amy', 'POST', '/v1/conversations/:queued/transfer', { groupId: 'x' }, 403],
      ['terry', 'POST', '/v1/conversations/:queued/messages', { body: 'hi', idempotencyKey: key() }, 403],
      ['terry', 'POST', '/v1/conversations/:queued/transfer', { groupId: 'x' }, 403],
      ['terry', 'POST', '/v1/conversations/:queued/claim', undefined, 403],
      ['holt', 'POST', '/v1/conversations/:queued/release', undefined, 403],
      // Supervisors see every conversation but speak only in their own.
      ['terry', 'POST', '/v1/conversations/:jakes/messages', { body: 'hi', idempotencyKey: key() }, 403],
      ['terry', 'PATCH', '/v1/conversations/:chat', { title: 'mine' }, 403],
      ['terry', 'POST', '/v1/conversations/:chat/read', {}, 403],
      // Lists of everything, queue internals, presence in groups one is not in.
      ['jake', 'GET', '/v1/conversations?scope=all', undefined, 403],
      ['rosa', 'GET', '/v1/groups/:support/waiting', undefined, 403],
      ['rosa', 'POST', '/v1/groups/:support/login', undefined, 403],
      ['rosa', 'POST', '/v1/groups/:support/pause', { reason: 'x' }, 403],
      ['jake', 'DELETE', '/v1/contacts/x', undefined, 403],
      // The directory is the admins'.
      ...(['jake', 'terry'] as const).flatMap((who): Row[] => [
        [who, 'GET', '/v1/admin/agents', undefined, 403],
        [who, 'POST', '/v1/admin/agents', { extension: '299', name: 'X', password: 'password-1' }, 403],
        [who, 'PATCH', '/v1/admin/agents/x', { name: 'X' }, 403],
        [who, 'DELETE', '/v1/admin/agents/x', undefined, 403],
        [who, 'GET', '/v1/admin/groups', undefined, 403],
        [who, 'POST', '/v1/admin/groups', { kind: 'queue', extension: '8999', name: 'X' }, 403],
        [who, 'PATCH', '/v1/admin/groups/x', { name: 'X' }, 403],
        [who, 'DELETE', '/v1/admin/groups/x', undefined, 403],
        [who, 'GET', '/v1/admin/numbers', undefined, 403],
        [who, 'POST', '/v1/admin/numbers', { number: '+15035550159', channel: 'sms', inboundRoute: { type: 'agent', extension: '201' } }, 403],
        [who, 'PUT', '/v1/admin/numbers/%2B15035550100', { channel: 'sms', inboundRoute: { type: 'agent', extension: '202' } }, 403],
        [who, 'DELETE', '/v1/admin/numbers/%2B15035550100', undefined, 403],
        [who, 'GET', '/v1/admin/bots', undefined, 403],
        [who, 'POST', '/v1/admin/bots', { name: 'X', reply: 'x' }, 403],
        [who, 'PATCH', '/v1/admin/bots/x', { reply: 'x' }, 403],
        [who, 'DELETE', '/v1/admin/bots/x', undefined, 403],
      ]),
    ]);
    // Nothing of the refused calls happened.
    expect((await http(t.server.url, 'GET', '/v1/admin/agents', { token: await t.as.token(DEMO.holt) })).body.agents.map((a: any) => a.extension)).not.toContain('299');
    const number = (await http(t.server.url, 'GET', '/v1/admin/numbers', { token: await t.as.token(DEMO.holt) })).body.numbers.find((n: any) => n.number === DEMO.did);
    expect(number.inboundRoute.extension).toBe('201');
  });

  it('agents see their own, their groups\' and queues\' conversations; supervisors see all; others get 404', async () => {
    await check([
      ['jake', 'GET', '/v1/conversations/:queued', undefined, 200],
      ['amy', 'GET', '/v1/conversations/:queued', undefined, 200],
      ['wyatt', 'GET', '/v1/conversations/:queued/messages', undefined, 200],
      ['rosa', 'GET', '/v1/conversations/:queued', undefined, 404],
      ['rosa', 'POST', '/v1/conversations/:queued/claim', undefined, 404],
      ['amy', 'GET', '/v1/conversations/:jakes', undefined, 404],
      ['amy', 'POST', '/v1/conversations/:jakes/messages', { body: 'hi', idempotencyKey: key() }, 404],
      ['terry', 'GET', '/v1/conversations/:jakes', undefined, 200],
      ['holt', 'GET', '/v1/conversations/:jakes/messages', undefined, 200],
      ['terry', 'GET', '/v1/conversations?scope=all', undefined, 200],
      ['terry', 'GET', '/v1/groups/:support/waiting', undefined, 200],
      ['rosa', 'GET', '/v1/conversations/:chat', undefined, 404],
      ['rosa', 'POST', '/v1/conversations/:chat/participants', { extensions: ['203'] }, 404],
      ['amy', 'GET', '/v1/conversations/:chat/receipts', undefined, 200],
    ]);
    const all = (await http(t.server.url, 'GET', '/v1/conversations?scope=all&limit=200', { token: await t.as.token(DEMO.terry) })).body.conversations.map((c: any) => c.id);
    expect(all).toEqual(expect.arrayContaining([queued, jakes, chat]));
    const rosas = (await http(t.server.url, 'GET', '/v1/conversations?limit=200', { token: await t.as.token(DEMO.rosa) })).body.conversations.map((c: any) => c.id);
    expect(rosas).not.toEqual(expect.arrayContaining([queued]));
    expect(rosas).not.toContain(jakes);
  });

  it('unknown ids answer 404, invalid numbers 400 naming the field, oversize bodies 413', async () => {
    await check([
      ['jake', 'POST', '/v1/conversations/nope/claim', undefined, 404],
      ['jake', 'POST', '/v1/conversations/nope/read', {}, 404],
      ['jake', 'GET', '/v1/conversations/nope/receipts', undefined, 404],
      ['jake', 'POST', '/v1/conversations/:queued/transfer', { groupId: 'nope' }, 404],
      ['jake', 'GET', '/v1/groups/nope/waiting', undefined, 404],
      ['jake', 'POST', '/v1/groups/nope/pause', { reason: 'x' }, 404],
      ['jake', 'GET', '/v1/contacts/nope', undefined, 404],
      ['holt', 'DELETE', '/v1/admin/agents/nope', undefined, 404],
      ['holt', 'PATCH', '/v1/admin/groups/nope', { name: 'x' }, 404],
      ['holt', 'PATCH', '/v1/admin/bots/nope', { reply: 'x' }, 404],
      ['holt', 'DELETE', '/v1/admin/numbers/%2B15035550198', undefined, 404],
    ]);
    const fields: [string, string, unknown, string][] = [
      ['POST', '/v1/conversations', { customerNumber: '555' }, 'customerNumber'],
      ['POST', '/v1/conversations/group', { title: 'x', externalNumbers: ['+1', '+15035550142'] }, 'externalNumbers.0'],
      ['POST', `/v1/conversations/${chat}/participants`, { externalNumbers: ['nope'] }, 'externalNumbers.0'],
      ['POST', '/v1/contacts', { name: 'x', numbers: [{ number: '0' }] }, 'numbers.0.number'],
      ['POST', '/v1/calls', { direction: 'inbound', number: 'x', status: 'answered', startedAt: new Date().toISOString(), durationSeconds: 1 }, 'number'],
      ['POST', `/v1/conversations/${queued}/transfer`, { agentId: 'a', groupId: 'b' }, 'agentId'],
    ];
    for (const [method, path, json, field] of fields) {
      const res = await http(t.server.url, method, path, { token: await t.as.token(DEMO.jake), json });
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatchObject({ code: 'invalid_request', field });
    }
    const huge = 'x'.repeat(70 * 1024);
    for (const [path, json] of [
      ['/v1/contacts', { name: huge, numbers: [] }],
      ['/v1/conversations/group', { title: huge }],
      [`/v1/conversations/${queued}/transfer`, { agentId: huge }],
      ['/v1/admin/bots', { name: 'big', reply: huge }],
    ] as const) {
      const res = await http(t.server.url, 'POST', path, { token: await t.as.token(DEMO.holt), json });
      expect(res.status, path).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
    }
  });
});
