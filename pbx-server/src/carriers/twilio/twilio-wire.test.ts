import { describe, expect, it } from 'vitest';
import { parseTwilioInbound, parseTwilioStatus } from './twilio-wire';

const SM = 'SM0123456789abcdef0123456789abcdef';
const AC = 'AC0123456789abcdef0123456789abcdef';

/** A real-shaped SMS webhook (Twilio sends more fields; they are ignored). */
const smsForm = {
  ToCountry: 'US',
  SmsMessageSid: SM,
  NumMedia: '0',
  SmsSid: SM,
  SmsStatus: 'received',
  Body: 'Hi, is my order ready?',
  To: '+15550100',
  NumSegments: '1',
  MessageSid: SM,
  AccountSid: AC,
  From: '+15551234567',
  ApiVersion: '2010-04-01',
};

const whatsappForm = {
  MessageSid: SM,
  AccountSid: AC,
  From: 'whatsapp:+447700900123',
  To: 'whatsapp:+15550100',
  Body: 'Olá 👋',
  NumMedia: '0',
  NumSegments: '1',
  ProfileName: 'Ana',
  WaId: '447700900123',
};

describe('parseTwilioInbound', () => {
  it('maps an SMS webhook', () => {
    expect(parseTwilioInbound(smsForm)).toEqual({
      ok: true,
      value: {
        carrierMessageId: SM,
        accountSid: AC,
        from: '+15551234567',
        to: '+15550100',
        channel: 'sms',
        body: 'Hi, is my order ready?',
        media: [],
      },
    });
  });

  it('maps a WhatsApp webhook: prefix removed, channel whatsapp, profile name kept', () => {
    expect(parseTwilioInbound(whatsappForm)).toEqual({
      ok: true,
      value: {
        carrierMessageId: SM,
        accountSid: AC,
        from: '+447700900123',
        to: '+15550100',
        channel: 'whatsapp',
        body: 'Olá 👋',
        profileName: 'Ana',
        media: [],
      },
    });
  });

  it('drops a blank profile name', () => {
    const result = parseTwilioInbound({ ...whatsappForm, ProfileName: '  ' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).not.toHaveProperty('profileName');
  });

  it('accepts an SMS to a short code', () => {
    const result = parseTwilioInbound({ ...smsForm, To: '72345' });
    expect(result).toMatchObject({ ok: true, value: { to: '72345', channel: 'sms' } });
  });

  it('collects MediaUrlN with their content types, and accepts an empty caption', () => {
    const form = {
      ...smsForm,
      MessageSid: 'MM0123456789abcdef0123456789abcdef',
      Body: '',
      NumMedia: '2',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
    };
    expect(parseTwilioInbound(form)).toMatchObject({
      ok: true,
      value: {
        body: '',
        media: [
          { url: form.MediaUrl0, contentType: 'image/jpeg' },
          { url: form.MediaUrl1 },
        ],
      },
    });
  });

  it.each([
    [{ MessageSid: undefined }, /^MessageSid: /],
    [{ MessageSid: 'SM123' }, /^MessageSid: not a Twilio message SID$/],
    [{ AccountSid: 'SM0123456789abcdef0123456789abcdef' }, /^AccountSid: not a Twilio account SID$/],
    [{ From: '5551234567x' }, /^From: not an E.164 number or short code$/],
    [{ To: 'whatsapp:15550100' }, /^To: not whatsapp:\+E.164$/],
    [{ Body: undefined }, /^Body: /],
    [{ NumMedia: 'two' }, /^NumMedia: not a whole number$/],
    [{ NumMedia: '11' }, /^NumMedia: more than 10 media$/],
    [{ NumSegments: undefined }, /^NumSegments: /],
    [{ NumMedia: '1' }, /^MediaUrl0: missing \(NumMedia is 1\)$/],
    [{ NumMedia: '1', MediaUrl0: 'ftp://x.example/a.jpg' }, /^MediaUrl0: not an http\(s\) URL$/],
    [{ To: 'whatsapp:+15550100' }, /^To: "whatsapp:" prefix on one side only$/],
  ])('names the field when %j is wrong', (change, reason) => {
    const form: Record<string, string> = { ...smsForm };
    for (const [name, value] of Object.entries(change)) {
      if (value === undefined) delete form[name];
      else form[name] = value;
    }
    const result = parseTwilioInbound(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseTwilioStatus', () => {
  it.each([
    ['accepted', 'queued'],
    ['scheduled', 'queued'],
    ['queued', 'queued'],
    ['sending', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
  ] as const)('maps %s to %s without a reason', (twilioStatus, status) => {
    expect(parseTwilioStatus({ MessageSid: SM, MessageStatus: twilioStatus, AccountSid: AC })).toEqual({
      ok: true,
      value: { carrierMessageId: SM, status, twilioStatus },
    });
  });

  it('gives a failure its code and Twilio message', () => {
    const result = parseTwilioStatus({ MessageSid: SM, MessageStatus: 'undelivered', ErrorCode: '30005', ErrorMessage: 'Unknown destination handset' });
    expect(result).toEqual({
      ok: true,
      value: { carrierMessageId: SM, status: 'failed', reason: 'Twilio error 30005: Unknown destination handset', twilioStatus: 'undelivered' },
    });
  });

  it('explains a well-known code when Twilio sends no message', () => {
    const result = parseTwilioStatus({ MessageSid: SM, MessageStatus: 'failed', ErrorCode: '63016' });
    expect(result).toMatchObject({ ok: true, value: { status: 'failed', reason: 'Twilio error 63016: outside the WhatsApp 24-hour customer service window' } });
  });

  it('falls back to the bare code, then to the status', () => {
    expect(parseTwilioStatus({ MessageSid: SM, MessageStatus: 'failed', ErrorCode: '12345' })).toMatchObject({
      value: { reason: 'Twilio error 12345' },
    });
    expect(parseTwilioStatus({ MessageSid: SM, MessageStatus: 'undelivered', ErrorCode: '', ErrorMessage: '' })).toMatchObject({
      value: { reason: 'Twilio status undelivered' },
    });
    expect(parseTwilioStatus({ MessageSid: SM, MessageStatus: 'canceled' })).toMatchObject({
      value: { status: 'failed', reason: 'Twilio status canceled' },
    });
  });

  it('ignores an error code on a success', () => {
    expect(parseTwilioStatus({ MessageSid: SM, MessageStatus: 'delivered', ErrorCode: '0' })).toEqual({
      ok: true,
      value: { carrierMessageId: SM, status: 'delivered', twilioStatus: 'delivered' },
    });
  });

  it.each([
    [{ MessageSid: SM }, /^MessageStatus: /],
    [{ MessageSid: SM, MessageStatus: 'received' }, /^MessageStatus: /],
    [{ MessageStatus: 'sent' }, /^MessageSid: /],
    [{ MessageSid: SM, MessageStatus: 'failed', ErrorCode: 'E30005' }, /^ErrorCode: not a number$/],
  ])('names the field when %j is wrong', (form, reason) => {
    const result = parseTwilioStatus(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
