import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSms } from './kannel-client';
import { startKannel, type KannelHarness } from './kannel-process';
import { parseKannelDlr, parseKannelInbound, type KannelDlr } from './kannel-wire';
import { pollUntil } from './poll';

/*
 * Parley <-> a real Kannel 1.4 (Debian's bearerbox and smsbox) <-> Kannel's fake SMSC, whose fakesmsc
 * client plays the customer's handset. A node:http listener stands in for Parley's two endpoints.
 * Fails - does not skip - when Kannel is not installed: startKannel throws KannelNotInstalledError.
 */

type Hit = { path: string; rawQuery: string };

let parley: Server | undefined;
let parleyBaseUrl = '';
const hits: Hit[] = [];
let kannel: KannelHarness | undefined;

beforeAll(async () => {
  parley = createServer((req, res) => {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    hits.push({ path: q === -1 ? url : url.slice(0, q), rawQuery: q === -1 ? '' : url.slice(q + 1) });
    // Parley answers MO and DLR callbacks with an empty 200: nothing for Kannel to send back.
    res.writeHead(200, { 'content-type': 'text/plain' }).end();
  });
  await new Promise<void>((resolve) => parley!.listen(0, '127.0.0.1', resolve));
  parleyBaseUrl = `http://127.0.0.1:${(parley.address() as AddressInfo).port}`;
  kannel = await startKannel({ parleyBaseUrl });
}, 60_000);

afterAll(async () => {
  // Everything is stopped even when a test (or beforeAll half-way) failed.
  await kannel?.stop();
  await new Promise((resolve) => (parley ? parley.close(resolve) : resolve(undefined)));
}, 30_000);

const CUSTOMER = '+15551234';
const OUR_NUMBER = '5550100';

/** Wraps a bounded wait so a timeout shows what Kannel logged. */
async function waitWithLogs<T>(what: string, check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  try {
    return await pollUntil(what, check, { timeoutMs });
  } catch (err) {
    throw new Error(`${(err as Error).message}\nParley saw: ${JSON.stringify(hits)}\n${await kannel!.diagnostics()}`);
  }
}

describe('Kannel gateway (real bearerbox + smsbox + fakesmsc)', () => {
  it('MO: a text from the handset reaches Parley on the get-url with its sender, receiver and text', async () => {
    await kannel!.sendMo({ from: CUSTOMER, to: OUR_NUMBER, text: 'hello from the handset' });
    const hit = await waitWithLogs('the inbound get-url', () => hits.find((h) => h.path === '/v1/carriers/kannel/inbound'));
    const inbound = parseKannelInbound(hit.rawQuery);
    expect(inbound).toMatchObject({
      ok: true,
      value: { from: CUSTOMER, to: OUR_NUMBER, text: 'hello from the handset', smscId: 'handset-mo' },
    });
    if (inbound.ok) expect(inbound.value.carrierMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('MO: a non-GSM text with a newline arrives intact (UCS-2 from the handset, recoded by smsbox)', async () => {
    const before = hits.length;
    await kannel!.sendMo({ from: CUSTOMER, to: OUR_NUMBER, text: 'ça va?\nmerci ☕' });
    const hit = await waitWithLogs('the second inbound get-url', () =>
      hits.slice(before).find((h) => h.path === '/v1/carriers/kannel/inbound'),
    );
    expect(parseKannelInbound(hit.rawQuery)).toMatchObject({ ok: true, value: { text: 'ça va?\nmerci ☕', from: CUSTOMER } });
  });

  it('MT + DLR: sendsms delivers the exact text to the handset, and the DLRs come back with Parley’s id', async () => {
    const text = 'Thanks, we are on it — café ☕';
    const messageId = 'parley-msg-7f3a/1';
    const result = await sendSms(
      {
        sendsmsUrl: kannel!.sendsmsUrl,
        username: kannel!.username,
        password: kannel!.password,
        dlrUrl: `${parleyBaseUrl}/v1/carriers/kannel/dlr`,
      },
      { messageId, from: OUR_NUMBER, to: CUSTOMER, text },
    );
    expect(result).toEqual({ ok: true, outcome: 'accepted', answer: '0: Accepted for delivery' });

    const onHandset = await waitWithLogs('the handset to receive the MT', () =>
      kannel!.receivedMt().find((m) => m.to === CUSTOMER),
    );
    expect(onHandset).toMatchObject({ from: OUR_NUMBER, to: CUSTOMER, type: 'ucs-2', text });

    // The fake SMSC acknowledges at once (8, "sent") and then reports delivery (1).
    const dlrs = await waitWithLogs('the delivered DLR', () => {
      const parsed = hits
        .filter((h) => h.path === '/v1/carriers/kannel/dlr')
        .map((h) => parseKannelDlr(h.rawQuery))
        .flatMap((r) => (r.ok ? [r.value] : []));
      return parsed.some((d) => d.status === 'delivered') ? parsed : undefined;
    });
    expect(dlrs.every((d: KannelDlr) => d.messageId === messageId)).toBe(true);
    expect(dlrs.map((d) => [d.status, d.dlrValue])).toEqual([
      ['sent', 8],
      ['delivered', 1],
    ]);
    expect(dlrs.find((d) => d.status === 'delivered')).toMatchObject({ smscId: 'handset' });
  });

  it('rejects bad credentials with a non-retryable auth error', async () => {
    const result = await sendSms(
      { sendsmsUrl: kannel!.sendsmsUrl, username: kannel!.username, password: 'wrong', dlrUrl: `${parleyBaseUrl}/v1/carriers/kannel/dlr` },
      { messageId: 'x', from: OUR_NUMBER, to: CUSTOMER, text: 'nope' },
    );
    expect(result).toMatchObject({ ok: false, kind: 'auth', retryable: false, httpStatus: 403 });
  });
});
