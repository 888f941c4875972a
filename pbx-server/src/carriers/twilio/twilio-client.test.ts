import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSendRequest, interpretSendAnswer, sendTwilioMessage, type TwilioClientConfig } from './twilio-client';

const AC = 'AC0123456789abcdef0123456789abcdef';
const SM = 'SM0123456789abcdef0123456789abcdef';
const TOKEN = 'auth:token/with&odd=chars';

const config: TwilioClientConfig = {
  baseUrl: 'https://api.twilio.com/',
  accountSid: AC,
  authToken: TOKEN,
  statusCallbackUrl: 'https://parley.example/v1/carriers/twilio/status',
};

function messageJson(status: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ sid: SM, status, error_code: null, error_message: null, account_sid: AC, num_segments: '1', ...extra });
}

describe('buildSendRequest', () => {
  it('posts the form to the account Messages resource with basic auth', () => {
    const request = buildSendRequest(config, { channel: 'sms', from: '+15550100', to: '+15551234567', body: 'See you at 5 & bring ID' });
    expect(request.url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${AC}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${AC}:${TOKEN}`).toString('base64')}`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      To: '+15551234567',
      From: '+15550100',
      Body: 'See you at 5 & bring ID',
      StatusCallback: 'https://parley.example/v1/carriers/twilio/status',
    });
  });

  it('prefixes both WhatsApp numbers and leaves StatusCallback out when none is configured', () => {
    const { statusCallbackUrl: _none, ...withoutCallback } = config;
    const request = buildSendRequest(withoutCallback, { channel: 'whatsapp', from: '+15550100', to: '+447700900123', body: 'Olá' });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ To: 'whatsapp:+447700900123', From: 'whatsapp:+15550100', Body: 'Olá' });
  });
});

describe('interpretSendAnswer', () => {
  it('takes the SID and status of a created message', () => {
    expect(interpretSendAnswer(201, messageJson('queued'))).toEqual({ ok: true, carrierMessageId: SM, status: 'queued' });
    expect(interpretSendAnswer(201, messageJson('accepted'))).toEqual({ ok: true, carrierMessageId: SM, status: 'queued' });
  });

  it('reports a message Twilio created already failed', () => {
    expect(interpretSendAnswer(201, messageJson('failed', { error_code: 30007, error_message: null }))).toEqual({
      ok: true,
      carrierMessageId: SM,
      status: 'failed',
      reason: 'Twilio error 30007: message filtered by the carrier',
    });
  });

  it('does not retry a 2xx it cannot read, since the message may have been sent', () => {
    expect(interpretSendAnswer(201, '<html>proxy</html>')).toEqual({
      ok: false,
      kind: 'unexpected',
      retryable: false,
      httpStatus: 201,
      reason: 'unreadable Twilio answer: <html>proxy</html>',
    });
  });

  it('rejects for good on a 400 with the Twilio code and message', () => {
    const body = JSON.stringify({ code: 21211, message: "The 'To' number +1555 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    expect(interpretSendAnswer(400, body)).toEqual({
      ok: false,
      kind: 'rejected',
      retryable: false,
      httpStatus: 400,
      twilioCode: 21211,
      reason: "Twilio error 21211: The 'To' number +1555 is not a valid phone number.",
    });
  });

  it('reports 401 and 403 as an authentication problem', () => {
    for (const status of [401, 403]) {
      expect(interpretSendAnswer(status, JSON.stringify({ code: 20003, message: 'Authenticate', status }))).toMatchObject({
        ok: false,
        kind: 'auth',
        retryable: false,
        twilioCode: 20003,
      });
    }
  });

  it('retries 429 and 5xx, passing Retry-After on', () => {
    expect(interpretSendAnswer(429, JSON.stringify({ code: 20429, message: 'Too Many Requests' }), '3')).toEqual({
      ok: false,
      kind: 'throttled',
      retryable: true,
      httpStatus: 429,
      twilioCode: 20429,
      reason: 'Twilio error 20429: Too Many Requests',
      retryAfterMs: 3000,
    });
    expect(interpretSendAnswer(503, 'Service Unavailable', 'Wed, 21 Oct 2026 07:28:00 GMT')).toEqual({
      ok: false,
      kind: 'unavailable',
      retryable: true,
      httpStatus: 503,
      reason: 'Service Unavailable',
    });
    expect(interpretSendAnswer(500, '')).toMatchObject({ kind: 'unavailable', retryable: true, reason: 'HTTP 500' });
  });
});

describe('sendTwilioMessage against a local HTTP server', () => {
  let server: Server | undefined;
  afterEach(async () => {
    // closeAllConnections first: the deadline test leaves a request the server never answers.
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  type Seen = { method?: string; url?: string; authorization?: string; contentType?: string; form: Record<string, string> };

  async function startServer(answer: (seen: Seen, res: ServerResponse) => void): Promise<{ baseUrl: string; seen: Seen[] }> {
    const seen: Seen[] = [];
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (raw += chunk));
      req.on('end', () => {
        const request: Seen = {
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          form: Object.fromEntries(new URLSearchParams(raw)),
        };
        seen.push(request);
        answer(request, res);
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, seen };
  }

  /** Answers like Twilio: 401 unless the credentials are right, else 201 with a queued message. */
  function twilioLike(seen: Seen, res: ServerResponse): void {
    const expected = `Basic ${Buffer.from(`${AC}:${TOKEN}`).toString('base64')}`;
    res.setHeader('content-type', 'application/json');
    if (seen.authorization !== expected) {
      res.writeHead(401).end(JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }));
    } else if (seen.method !== 'POST' || seen.url !== `/2010-04-01/Accounts/${AC}/Messages.json`) {
      res.writeHead(404).end(JSON.stringify({ code: 20404, message: 'Not found', status: 404 }));
    } else {
      res.writeHead(201).end(messageJson('queued'));
    }
  }

  it('sends the form with basic auth and returns the SID', async () => {
    const { baseUrl, seen } = await startServer(twilioLike);
    const result = await sendTwilioMessage({ ...config, baseUrl }, { channel: 'whatsapp', from: '+15550100', to: '+447700900123', body: 'Olá & até já' });
    expect(result).toEqual({ ok: true, carrierMessageId: SM, status: 'queued' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.contentType).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.form).toEqual({
      To: 'whatsapp:+447700900123',
      From: 'whatsapp:+15550100',
      Body: 'Olá & até já',
      StatusCallback: config.statusCallbackUrl,
    });
  });

  it('reports wrong credentials as auth', async () => {
    const { baseUrl } = await startServer(twilioLike);
    const result = await sendTwilioMessage({ ...config, baseUrl, authToken: 'wrong' }, { channel: 'sms', from: '+15550100', to: '+15551234567', body: 'hi' });
    expect(result).toEqual({ ok: false, kind: 'auth', retryable: false, httpStatus: 401, twilioCode: 20003, reason: 'Twilio error 20003: Authenticate' });
  });

  it('retries a 503 from the server', async () => {
    const { baseUrl } = await startServer((_seen, res) => res.writeHead(503, { 'retry-after': '2' }).end('busy'));
    const result = await sendTwilioMessage({ ...config, baseUrl }, { channel: 'sms', from: '+15550100', to: '+15551234567', body: 'hi' });
    expect(result).toEqual({ ok: false, kind: 'unavailable', retryable: true, httpStatus: 503, reason: 'busy', retryAfterMs: 2000 });
  });

  it('treats a refused connection as retryable', async () => {
    const { baseUrl } = await startServer(twilioLike);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const result = await sendTwilioMessage({ ...config, baseUrl }, { channel: 'sms', from: '+15550100', to: '+15551234567', body: 'hi' });
    expect(result).toMatchObject({ ok: false, kind: 'unreachable', retryable: true });
    if (!result.ok) expect(result.reason).toMatch(/^Twilio unreachable: /);
  });

  it('gives up after the deadline and treats it as retryable', async () => {
    const { baseUrl } = await startServer(() => {
      // Never answers.
    });
    const result = await sendTwilioMessage({ ...config, baseUrl, timeoutMs: 200 }, { channel: 'sms', from: '+15550100', to: '+15551234567', body: 'hi' });
    expect(result).toMatchObject({ ok: false, kind: 'unreachable', retryable: true });
    if (!result.ok) expect(result.reason).toMatch(/timeout/i);
  });
});
