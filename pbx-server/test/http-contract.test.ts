import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO, freshCustomer, http, login, startTestServer, type TestServer } from './harness';

describe.each(BACKENDS)('HTTP contract: validation, errors, CORS, OpenAPI (%s)', (backend) => {
  let server: TestServer;
  let token: string;
  let conversationId: string;
  beforeAll(async () => {
    server = await startTestServer(backend, { corsOrigins: ['https://crm.example.test'] });
    token = (await login(server.url)).accessToken;
    const opened = await http(server.url, 'POST', '/v1/conversations', { token, json: { customerNumber: freshCustomer() } });
    conversationId = opened.body.conversation.id;
  });
  afterAll(() => server?.stop());

  const post = (path: string, json: unknown) => http(server.url, 'POST', path, { token, json });

  it('answers a malformed message body with 400 naming the field', async () => {
    const missing = await post(`/v1/conversations/${conversationId}/messages`, { idempotencyKey: 'key-00000001' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: { code: 'invalid_request', message: expect.any(String), field: 'body' } });

    const tooLong = await post(`/v1/conversations/${conversationId}/messages`, { body: 'x'.repeat(1601), idempotencyKey: 'key-00000002' });
    expect(tooLong.body.error).toMatchObject({ code: 'invalid_request', field: 'body' });

    const shortKey = await post(`/v1/conversations/${conversationId}/messages`, { body: 'hi', idempotencyKey: 'short' });
    expect(shortKey.status).toBe(400);
    expect(shortKey.body.error.field).toBe('idempotencyKey');

    const notJson = await http(server.url, 'POST', `/v1/conversations/${conversationId}/messages`, { token, rawBody: '{"body": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_request');
  });

  it('rejects an invalid customer number with 400 naming customerNumber, and normalizes valid ones', async () => {
    for (const bad of ['hello', '123', '+1 555']) {
      const res = await post('/v1/conversations', { customerNumber: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'customerNumber' });
    }
    const created = await post('/v1/conversations', { customerNumber: '(555) 010-7788' });
    expect(created.status).toBe(201);
    expect(created.body.conversation).toMatchObject({ type: 'sms', customerNumber: '+15550107788', didNumber: '+15035550100' });
    const again = await post('/v1/conversations', { customerNumber: '+1 555 010 7788', fromNumber: '+15035550100' });
    expect(again.status).toBe(200);
    expect(again.body.conversation.id).toBe(created.body.conversation.id);
  });

  it('answers 403 for a caller ID the agent may not use and for agents without numbers', async () => {
    const res = await post('/v1/conversations', { customerNumber: freshCustomer(), fromNumber: '+15559990000' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    // The supervisor has no caller ID of his own.
    const terry = await login(server.url, DEMO.terry);
    const terryRes = await http(server.url, 'POST', '/v1/conversations', { token: terry.accessToken, json: { customerNumber: freshCustomer() } });
    expect(terryRes.status).toBe(403);
  });

  it('answers 404 not_found for an unknown conversation, and for one the agent is not in', async () => {
    for (const [method, path, json] of [
      ['GET', '/v1/conversations/no-such-id', undefined],
      ['GET', '/v1/conversations/no-such-id/messages', undefined],
      ['POST', '/v1/conversations/no-such-id/messages', { body: 'hi', idempotencyKey: 'unknown-conv-1' }],
    ] as const) {
      const res = await http(server.url, method, path, { token, json });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const amy = await login(server.url, { extension: '202', password: 'parley-202' });
    const foreign = await http(server.url, 'GET', `/v1/conversations/${conversationId}`, { token: amy.accessToken });
    expect(foreign.status).toBe(404);
  });

  it('answers 413 payload_too_large for a body over 64 KiB', async () => {
    const huge = await post(`/v1/conversations/${conversationId}/messages`, { body: 'x'.repeat(70 * 1024), idempotencyKey: 'huge-body-1' });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const hugeLogin = await http(server.url, 'POST', '/v1/auth/login', { rawBody: JSON.stringify({ extension: '201', password: 'p'.repeat(100 * 1024) }) });
    expect(hugeLogin.status).toBe(413);
  });

  it('answers CORS preflights for extension origins and configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/v1/conversations`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://0a1b2c3d-1111-2222-3333-444455556666', 'https://crm.example.test']) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const evil = await preflight('https://evil.example.test');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown paths with the JSON error shape', async () => {
    const res = await http(server.url, 'GET', '/v1/nope', { token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('serves /openapi.json documenting every route the app serves', async () => {
    const res = await http(server.url, 'GET', '/openapi.json');
    expect(res.status).toBe(200);
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    // Every handler registered on the app (middleware is registered as method ALL).
    const served = new Set(
      server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    expect([...served].sort()).toEqual([...documented].sort());
    expect([...documented].sort()).toEqual(
      [
        'GET /openapi.json',
        'GET /simulator',
        'GET /v1/carriers/kannel/dlr',
        'GET /v1/carriers/kannel/inbound',
        'GET /v1/conversations',
        'GET /v1/conversations/{id}',
        'GET /v1/conversations/{id}/messages',
        'GET /v1/events',
        'GET /v1/me',
        'GET /v1/numbers',
        'GET /v1/simulator/messages',
        'GET /v1/simulator/numbers',
        'POST /v1/auth/login',
        'POST /v1/auth/refresh',
        'POST /v1/carriers/twilio/{key}/inbound',
        'POST /v1/carriers/twilio/{key}/status',
        'POST /v1/conversations',
        'POST /v1/conversations/{id}/messages',
        'POST /v1/simulator/messages',
        // Issue 3: queues, chats, read state, groups, contacts and the call log, the admin API.
        'POST /v1/conversations/{id}/claim',
        'POST /v1/conversations/{id}/release',
        'POST /v1/conversations/{id}/close',
        'POST /v1/conversations/{id}/transfer',
        'POST /v1/conversations/direct',
        'POST /v1/conversations/group',
        'PATCH /v1/conversations/{id}',
        'POST /v1/conversations/{id}/participants',
        'POST /v1/conversations/{id}/leave',
        'POST /v1/conversations/{id}/read',
        'GET /v1/conversations/{id}/receipts',
        'GET /v1/conversations/{id}/bots',
        'DELETE /v1/conversations/{id}/bots/{botId}',
        'GET /v1/unread',
        'GET /v1/agents',
        'GET /v1/groups',
        'GET /v1/groups/{id}/waiting',
        'POST /v1/groups/{id}/login',
        'POST /v1/groups/{id}/logout',
        'POST /v1/groups/{id}/pause',
        'POST /v1/groups/{id}/resume',
        'GET /v1/contacts',
        'POST /v1/contacts',
        'GET /v1/contacts/{id}',
        'PATCH /v1/contacts/{id}',
        'DELETE /v1/contacts/{id}',
        'GET /v1/contacts/resolve',
        'GET /v1/contacts/suggest',
        'POST /v1/calls',
        'GET /v1/calls',
        'GET /v1/history',
        // Issue 6: the CRM case a conversation is handled in.
        'PUT /v1/conversations/{id}/case-link',
        'GET /v1/conversations/{id}/case-link',
        // Issue 5: shared reply templates.
        'GET /v1/templates',
        'GET /v1/admin/agents',
        'POST /v1/admin/agents',
        'PATCH /v1/admin/agents/{id}',
        'DELETE /v1/admin/agents/{id}',
        'GET /v1/admin/groups',
        'POST /v1/admin/groups',
        'PATCH /v1/admin/groups/{id}',
        'DELETE /v1/admin/groups/{id}',
        'GET /v1/admin/numbers',
        'POST /v1/admin/numbers',
        'PUT /v1/admin/numbers/{number}',
        'DELETE /v1/admin/numbers/{number}',
        'GET /v1/admin/bots',
        'POST /v1/admin/bots',
        'PATCH /v1/admin/bots/{id}',
        'DELETE /v1/admin/bots/{id}',
      ].sort(),
    );
    expect(res.body.components.schemas).toHaveProperty('Message');
    expect(res.body.components.schemas).toHaveProperty('Conversation');
  });
});
