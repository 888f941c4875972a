import { describe, expect, it } from 'vitest';
import { decodeKannelText, dlrStatus, parseKannelDlr, parseKannelInbound, percentDecodeBytes } from './kannel-wire';

describe('percentDecodeBytes', () => {
  it('reads + as a space and %XX as one byte, leaving a stray % alone', () => {
    expect([...percentDecodeBytes('a+b%00%FF%')]).toEqual([0x61, 0x20, 0x62, 0x00, 0xff, 0x25]);
  });
});

describe('decodeKannelText', () => {
  it('decodes UTF-16BE for UCS-2 without a charset', () => {
    expect(decodeKannelText(Buffer.from([0x00, 0x63, 0x26, 0x15]), 2, undefined)).toEqual({ ok: true, text: 'c☕' });
  });
  it('refuses 8-bit binary, invalid UTF-8 and unknown charsets', () => {
    expect(decodeKannelText(Buffer.from('x'), 1, '8-BIT').ok).toBe(false);
    expect(decodeKannelText(Buffer.from([0xc3]), 0, 'UTF-8').ok).toBe(false);
    expect(decodeKannelText(Buffer.from('x'), 0, 'KOI8-R')).toEqual({ ok: false, reason: 'unsupported charset KOI8-R' });
  });
  it('reads ISO-8859-1', () => {
    expect(decodeKannelText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 0, 'ISO-8859-1')).toEqual({ ok: true, text: 'café' });
  });
});

describe('parseKannelInbound', () => {
  // Exactly what smsbox 1.4.5 called the get-url with for a fakesmsc "text" MO.
  const real =
    'from=%2B15551234&to=5550100&text=hello++from+the+handset&coding=0&charset=UTF-8&id=f26807d8-bbc6-4b1b-ae36-ddbdde6f6f51&smsc=handset-mo&ts=1795328560';

  it('maps the get-url query to a plain inbound text, keeping runs of spaces', () => {
    expect(parseKannelInbound(real)).toEqual({
      ok: true,
      value: {
        from: '+15551234',
        to: '5550100',
        text: 'hello  from the handset',
        carrierMessageId: 'f26807d8-bbc6-4b1b-ae36-ddbdde6f6f51',
        smscId: 'handset-mo',
        receivedAt: new Date(1795328560 * 1000),
      },
    });
  });

  it('accepts a leading ?', () => {
    expect(parseKannelInbound(`?${real}`).ok).toBe(true);
  });

  it('decodes a UCS-2 text that smsbox did not recode', () => {
    const result = parseKannelInbound('from=1&to=2&text=%00h%00i%00%0A%26%15&coding=2&charset=UTF-16BE&id=x');
    expect(result).toMatchObject({ ok: true, value: { text: 'hi\n☕' } });
  });

  it('decodes UTF-8 bytes (what mo-recode gives)', () => {
    const result = parseKannelInbound('from=1&to=2&text=caf%C3%A9+%E2%98%95&coding=0&charset=UTF-8&id=x');
    expect(result).toMatchObject({ ok: true, value: { text: 'café ☕' } });
  });

  it('rejects missing or malformed fields with a reason', () => {
    expect(parseKannelInbound('to=2&text=x&id=1')).toEqual({ ok: false, reason: expect.stringContaining('from') });
    expect(parseKannelInbound('from=1&to=2&id=1')).toEqual({ ok: false, reason: 'text: missing' });
    expect(parseKannelInbound('from=1+2&to=2&text=x&id=1')).toEqual({ ok: false, reason: expect.stringContaining('from') });
    expect(parseKannelInbound('from=1&to=2&text=x&id=1&coding=7')).toEqual({ ok: false, reason: expect.stringContaining('coding') });
    expect(parseKannelInbound('from=1&to=2&text=x&id=1&coding=1&charset=8-BIT')).toEqual({
      ok: false,
      reason: 'text: binary (8-bit) message',
    });
  });
});

describe('dlrStatus', () => {
  it('maps the five dlr-mask bits to Parley statuses', () => {
    expect(dlrStatus(1)).toBe('delivered');
    expect(dlrStatus(2)).toBe('failed');
    expect(dlrStatus(4)).toBe('queued');
    expect(dlrStatus(8)).toBe('sent');
    expect(dlrStatus(16)).toBe('failed');
  });
  it('lets failure win in composed values (expired 0x22, unknown 0x42) and knows nothing of 0', () => {
    expect(dlrStatus(0x22)).toBe('failed');
    expect(dlrStatus(0x42)).toBe('failed');
    expect(dlrStatus(0)).toBeUndefined();
  });
});

describe('parseKannelDlr', () => {
  it('maps the two reports Kannel sent for one message through the fake SMSC', () => {
    // Verbatim from smsbox 1.4.5: first "accepted by the SMSC", then "delivered".
    expect(parseKannelDlr('mid=msg-1&status=8&reply=ACK%2F&smsc=handset&kid=&ts=1795328565')).toEqual({
      ok: true,
      value: { messageId: 'msg-1', status: 'sent', dlrValue: 8, smscId: 'handset', at: new Date(1795328565 * 1000) },
    });
    expect(parseKannelDlr('mid=msg-1&status=1&reply=&smsc=handset&kid=d2a5b87c-6f4b-4d89-bdb0-e5ceed97afaf&ts=1795328565')).toEqual({
      ok: true,
      value: {
        messageId: 'msg-1',
        status: 'delivered',
        dlrValue: 1,
        smscMessageId: 'd2a5b87c-6f4b-4d89-bdb0-e5ceed97afaf',
        smscId: 'handset',
        at: new Date(1795328565 * 1000),
      },
    });
  });

  it('gives failures a reason: the SMSC reply when there is one, else the meaning of the code', () => {
    expect(parseKannelDlr('mid=m&status=2&reply=id%3A1+stat%3AUNDELIV+err%3A001')).toMatchObject({
      ok: true,
      value: { status: 'failed', reason: 'id:1 stat:UNDELIV err:001' },
    });
    expect(parseKannelDlr('mid=m&status=16&reply=')).toMatchObject({ ok: true, value: { status: 'failed', reason: 'rejected by the SMSC' } });
    expect(parseKannelDlr('mid=m&status=34')).toMatchObject({ ok: true, value: { status: 'failed', reason: 'expired before delivery' } });
  });

  it('decodes a percent-encoded Parley id', () => {
    expect(parseKannelDlr('mid=a%2Fb%C3%A9&status=1')).toMatchObject({ ok: true, value: { messageId: 'a/bé' } });
  });

  it('rejects a report without id or with an unknown status', () => {
    expect(parseKannelDlr('status=1')).toEqual({ ok: false, reason: expect.stringContaining('mid') });
    expect(parseKannelDlr('mid=m&status=abc')).toEqual({ ok: false, reason: expect.stringContaining('status') });
    expect(parseKannelDlr('mid=m&status=0')).toEqual({ ok: false, reason: 'status: unknown DLR value 0' });
  });
});
