import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDlrUrl, buildSendSmsUrl, interpretSendSmsAnswer, isGsm7, sendSms, type KannelClientConfig } from './kannel-client';

const config: KannelClientConfig = {
  sendsmsUrl: 'http://127.0.0.1:13013/cgi-bin/sendsms',
  username: 'parley',
  password: 'p&ss word',
  dlrUrl: 'http://127.0.0.1:3000/v1/carriers/kannel/dlr',
};

/** What Kannel does to a dlr-url pattern's escapes that we care about: %% -> %, %d etc. filled. */
function kannelFill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/%(.)/g, (whole, code: string) => (code === '%' ? '%' : (values[code] ?? whole)));
}

describe('isGsm7', () => {
  it('accepts the GSM alphabet and ASCII extension characters', () => {
    expect(isGsm7('Hello, café! {ok} [1] ~ ^ | \\ @£$¥ ÄÖÑÜ äöñüà\n')).toBe(true);
  });
  it('rejects what GSM 7-bit cannot carry', () => {
    for (const text of ['—', '☕', '“quoted”', 'ç', '€', '😀', 'ł']) expect(isGsm7(text), text).toBe(false);
  });
});

describe('buildDlrUrl', () => {
  it('doubles every % of the static part so Kannel does not read "%C3" as the charset code', () => {
    const pattern = buildDlrUrl(config.dlrUrl, 'msg/é 1');
    expect(pattern).toBe(
      'http://127.0.0.1:3000/v1/carriers/kannel/dlr?mid=msg%%2F%%C3%%A9%%201&status=%d&reply=%A&smsc=%i&kid=%F&ts=%T',
    );
    const filled = kannelFill(pattern, { d: '1', A: '', i: 'smsc', F: 'k', T: '0' });
    expect(new URL(filled).searchParams.get('mid')).toBe('msg/é 1');
    expect(new URL(filled).searchParams.get('status')).toBe('1');
  });
});

describe('buildDlrUrl with a query in the endpoint', () => {
  it('keeps the shared token and adds the message id after it', () => {
    const pattern = buildDlrUrl(`${config.dlrUrl}?token=abc_DEF-123`, 'm1');
    expect(pattern).toBe('http://127.0.0.1:3000/v1/carriers/kannel/dlr?token=abc_DEF-123&mid=m1&status=%d&reply=%A&smsc=%i&kid=%F&ts=%T');
  });
});

describe('buildSendSmsUrl', () => {
  it('sends GSM text as coding 0 with every parameter URL-encoded', () => {
    const url = new URL(buildSendSmsUrl(config, { messageId: 'm1', from: '5550100', to: '+15551234', text: 'See you at 5 & bring ID' }));
    expect(url.origin + url.pathname).toBe(config.sendsmsUrl);
    const q = url.searchParams;
    expect(Object.fromEntries(q)).toEqual({
      username: 'parley',
      password: 'p&ss word',
      from: '5550100',
      to: '+15551234',
      text: 'See you at 5 & bring ID',
      charset: 'UTF-8',
      coding: '0',
      'dlr-mask': '31',
      'dlr-url': 'http://127.0.0.1:3000/v1/carriers/kannel/dlr?mid=m1&status=%d&reply=%A&smsc=%i&kid=%F&ts=%T',
    });
    expect(url.search).toContain('to=%2B15551234');
  });

  it('sends non-GSM text as UCS-2 (coding=2) from UTF-8', () => {
    const q = new URL(buildSendSmsUrl(config, { messageId: 'm2', from: '1', to: '2', text: 'on it — café ☕' })).searchParams;
    expect(q.get('coding')).toBe('2');
    expect(q.get('charset')).toBe('UTF-8');
    expect(q.get('text')).toBe('on it — café ☕');
  });

  it('honours a dlr-mask and smsc route, and refuses empty fields', () => {
    const q = new URL(buildSendSmsUrl({ ...config, dlrMask: 3, smscId: 'op1' }, { messageId: 'm', from: '1', to: '2', text: 'x' })).searchParams;
    expect(q.get('dlr-mask')).toBe('3');
    expect(q.get('smsc')).toBe('op1');
    expect(() => buildSendSmsUrl(config, { messageId: 'm', from: '1', to: '', text: 'x' })).toThrow(/to/);
    expect(() => buildSendSmsUrl(config, { messageId: 'm', from: '1', to: '2', text: '' })).toThrow(/empty/);
  });
});

describe('interpretSendSmsAnswer', () => {
  it('maps Kannel 1.4.5 answers', () => {
    expect(interpretSendSmsAnswer(202, '0: Accepted for delivery')).toEqual({ ok: true, outcome: 'accepted', answer: '0: Accepted for delivery' });
    expect(interpretSendSmsAnswer(202, '3: Queued for later delivery')).toMatchObject({ ok: true, outcome: 'queued' });
    expect(interpretSendSmsAnswer(403, 'Authorization failed for sendsms')).toMatchObject({ ok: false, kind: 'auth', retryable: false });
    expect(interpretSendSmsAnswer(400, 'Charset or body misformed, rejected')).toMatchObject({ ok: false, kind: 'rejected', retryable: false });
    expect(interpretSendSmsAnswer(503, 'Sender missing and no global set, rejected')).toMatchObject({ ok: false, kind: 'unavailable', retryable: true });
    expect(interpretSendSmsAnswer(202, 'something else')).toMatchObject({ ok: false, kind: 'unexpected', retryable: false });
  });
});

describe('sendSms', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/cgi-bin/sendsms`;
  }

  it('sends the built request and maps the answer', async () => {
    let seen = '';
    const sendsmsUrl = await listen((req, res) => {
      seen = req.url ?? '';
      res.writeHead(202).end('0: Accepted for delivery');
    });
    const result = await sendSms({ ...config, sendsmsUrl }, { messageId: 'm1', from: '1', to: '2', text: 'hi' });
    expect(result).toEqual({ ok: true, outcome: 'accepted', answer: '0: Accepted for delivery' });
    expect(new URL(seen, 'http://x').searchParams.get('text')).toBe('hi');
  });

  it('reports an unreachable smsbox as retryable', async () => {
    const sendsmsUrl = await listen((_req, res) => res.end());
    const closed = sendsmsUrl;
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const result = await sendSms({ ...config, sendsmsUrl: closed, timeoutMs: 2_000 }, { messageId: 'm', from: '1', to: '2', text: 'x' });
    expect(result).toMatchObject({ ok: false, kind: 'unreachable', retryable: true });
  });
});
