import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, DEMO, http, login, startTestServer, type TestServer } from './harness';

describe.each(BACKENDS)('auth (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server?.stop());

  it('rejects a wrong password with 401 invalid_credentials', async () => {
    const res = await http(server.url, 'POST', '/v1/auth/login', { json: { extension: '201', password: 'wrong' } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
  });

  it('rejects an unknown extension the same way', async () => {
    const res = await http(server.url, 'POST', '/v1/auth/login', { json: { extension: '999', password: 'parley-201' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
  });

  it('logs in with the right password and returns tokens and the agent', async () => {
    const tokens = await login(server.url, DEMO.jake);
    expect(tokens.accessToken.split('.')).toHaveLength(3);
    expect(tokens.refreshToken.length).toBeGreaterThan(20);
    expect(tokens.expiresIn).toBe(900);
    expect(tokens.agent).toEqual({ id: expect.any(String), extension: '201', name: 'Jake Peralta', role: 'agent' });
    const header = JSON.parse(Buffer.from(tokens.accessToken.split('.')[0]!, 'base64url').toString());
    expect(header.alg).toBe('HS256');

    const me = await http(server.url, 'GET', '/v1/me', { token: tokens.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.agent).toEqual(tokens.agent);

    const numbers = await http(server.url, 'GET', '/v1/numbers', { token: tokens.accessToken });
    // The first caller ID is the default one.
    expect(numbers.body).toEqual({
      numbers: [
        { number: DEMO.did, channel: 'sms', label: 'Support line' },
        { number: DEMO.queueDid, channel: 'sms', label: 'SMS Support Queue' },
        { number: '+15035550118', channel: 'sms', label: 'Support (business hours)' },
      ],
    });
  });

  it('rotates the refresh token: the new pair works, the old refresh token stops working', async () => {
    const first = await login(server.url, DEMO.amy);
    const refreshed = await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: first.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
    expect(refreshed.body.agent.extension).toBe('202');
    expect((await http(server.url, 'GET', '/v1/me', { token: refreshed.body.accessToken })).status).toBe(200);

    const replay = await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('unauthorized');

    const again = await http(server.url, 'POST', '/v1/auth/refresh', { json: { refreshToken: refreshed.body.refreshToken } });
    expect(again.status).toBe(200);
  });

  it('answers 401 unauthorized without, with a forged, or with an expired bearer token', async () => {
    expect((await http(server.url, 'GET', '/v1/me')).body).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) },
    });
    const { accessToken } = await login(server.url);
    const forged = accessToken.slice(0, -2) + (accessToken.endsWith('AA') ? 'BB' : 'AA');
    expect((await http(server.url, 'GET', '/v1/me', { token: forged })).status).toBe(401);

    server.clock.offsetMs = 16 * 60_000;
    try {
      const expired = await http(server.url, 'GET', '/v1/me', { token: accessToken });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('unauthorized');
    } finally {
      server.clock.offsetMs = 0;
    }
  });

  it('validates the login body', async () => {
    const res = await http(server.url, 'POST', '/v1/auth/login', { json: { extension: '201' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_request', field: 'password' });
  });
});
