import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PbxError } from '../../../utils/pbx/errors';
import { ParleyConnector } from '../../../utils/pbx/parley';

const agent = { id: 'a1', extension: '201', name: 'Jake Peralta', role: 'agent' as const };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => fakeBrowser.reset());

describe('ParleyConnector over REST', () => {
  it('logs in and returns the tokens, never the password, with the access token\'s renewal time', async () => {
    const seen: Array<[string, unknown]> = [];
    const fetch = async (request: Request) => {
      seen.push([request.url, await request.json()]);
      return json(200, { accessToken: 'acc', refreshToken: 'ref', expiresIn: 900, agent });
    };
    const before = Date.now();
    const session = await new ParleyConnector({ fetch }).login({ serverUrl: 'http://127.0.0.1:8787', extension: '201', password: 'parley-201' });
    expect(session).toEqual({ serverUrl: 'http://127.0.0.1:8787', refreshToken: 'ref', agent, access: { accessToken: 'acc', renewAt: expect.any(Number) } });
    expect(session.access!.renewAt - before).toBeGreaterThanOrEqual(810_000);
    expect(JSON.stringify(session)).not.toContain('parley-201');
    expect(seen).toEqual([['http://127.0.0.1:8787/v1/auth/login', { extension: '201', password: 'parley-201' }]]);
  });

  it('reports wrong credentials and an unreachable server distinctly', async () => {
    const wrong = new ParleyConnector({ fetch: async () => json(401, { error: { code: 'invalid_credentials', message: 'Wrong extension or password' } }) });
    await expect(wrong.login({ serverUrl: 'http://x', extension: '201', password: 'no' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    const down = new ParleyConnector({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(down.login({ serverUrl: 'http://x', extension: '201', password: 'no' })).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('sends with the idempotency key and a bearer token, renewing once on 401', async () => {
    const calls: string[] = [];
    const fetch = async (request: Request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('authorization') ?? ''}`);
      if (request.url.endsWith('/auth/login')) return json(200, { accessToken: 'old', refreshToken: 'r1', expiresIn: 900, agent });
      if (request.url.endsWith('/auth/refresh')) return json(200, { accessToken: 'new', refreshToken: 'r2', expiresIn: 900, agent });
      if (request.headers.get('authorization') === 'Bearer old') return json(401, { error: { code: 'unauthorized', message: 'expired' } });
      const body = (await request.json()) as { body: string; idempotencyKey: string };
      return json(201, {
        message: { id: 'm1', conversationId: 'c1', direction: 'outbound', body: body.body, from: '+15550100', to: '+15035550142', status: 'queued', failureReason: null, senderAgentId: 'a1', idempotencyKey: body.idempotencyKey, createdAt: '2026-11-20T10:00:00Z' },
      });
    };
    const connector = new ParleyConnector({ fetch, createSocket: () => ({ close() {} }) as unknown as WebSocket });
    const renewed = vi.fn();
    connector.on('session', renewed);
    const session = await connector.login({ serverUrl: 'http://127.0.0.1:8787', extension: '201', password: 'p' });
    await connector.connect(session, 0);
    const message = await connector.send('c1', 'On its way', 'key-123456789');
    expect(message).toMatchObject({ id: 'm1', idempotencyKey: 'key-123456789', createdAt: Date.parse('2026-11-20T10:00:00Z') });
    expect(calls.filter((c) => c.includes('/messages'))).toEqual(['POST /v1/conversations/c1/messages Bearer old', 'POST /v1/conversations/c1/messages Bearer new']);
    expect(renewed).toHaveBeenCalledWith({ serverUrl: 'http://127.0.0.1:8787', refreshToken: 'r2', agent, access: { accessToken: 'new', renewAt: expect.any(Number) } });
    connector.disconnect();
  });

  it('resumes with a kept access token without spending the refresh token, and renews one that is due', async () => {
    const calls: string[] = [];
    const fetch = async (request: Request) => {
      calls.push(`${new URL(request.url).pathname} ${request.headers.get('authorization') ?? ''}`);
      if (request.url.endsWith('/auth/refresh')) return json(200, { accessToken: 'fresh', refreshToken: 'r2', expiresIn: 900, agent });
      return json(200, { conversations: [] });
    };
    const kept = new ParleyConnector({ fetch, createSocket: () => ({ close() {} }) as unknown as WebSocket });
    await kept.connect({ serverUrl: 'http://x', refreshToken: 'r1', agent, access: { accessToken: 'kept', renewAt: Date.now() + 60_000 } }, 0);
    await kept.listConversations();
    expect(calls).toEqual(['/v1/conversations Bearer kept']);
    kept.disconnect();

    calls.length = 0;
    const due = new ParleyConnector({ fetch, createSocket: () => ({ close() {} }) as unknown as WebSocket });
    await due.connect({ serverUrl: 'http://x', refreshToken: 'r1', agent, access: { accessToken: 'stale', renewAt: Date.now() - 1 } }, 0);
    await due.listConversations();
    expect(calls).toContain('/v1/auth/refresh ');
    expect(calls).toContain('/v1/conversations Bearer fresh');
    expect(calls).not.toContain('/v1/conversations Bearer stale');
    due.disconnect();
  });

  it('surfaces a validation error with its field', async () => {
    const fetch = async (request: Request) =>
      request.url.endsWith('/auth/login')
        ? json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900, agent })
        : json(400, { error: { code: 'invalid_request', message: 'Not a phone number', field: 'customerNumber' } });
    const connector = new ParleyConnector({ fetch, createSocket: () => ({ close() {} }) as unknown as WebSocket });
    await connector.login({ serverUrl: 'http://x', extension: '201', password: 'p' });
    const error = await connector.openConversation('banana').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PbxError);
    expect(error).toMatchObject({ code: 'rejected', field: 'customerNumber' });
    connector.disconnect();
  });
});
