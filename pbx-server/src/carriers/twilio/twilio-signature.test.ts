import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, isValidTwilioSignature } from './twilio-signature';

// The worked example of Twilio's security documentation.
const docsToken = '12345';
const docsUrl = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const docsParams = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const docsSignature = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

describe('computeTwilioSignature', () => {
  it("yields the signature of Twilio's documented example", () => {
    expect(computeTwilioSignature(docsToken, docsUrl, docsParams)).toBe(docsSignature);
  });

  it('matches an HMAC computed by hand over the URL and the sorted name+value pairs', () => {
    // Written out literally rather than derived, so a sorting or joining mistake cannot cancel out.
    const signed = `${docsUrl}CallSidCA1234567890ABCDECaller+12349013030Digits1234From+12349013030To+18005551212`;
    const byHand = createHmac('sha1', docsToken).update(signed).digest('base64');
    expect(byHand).toBe(docsSignature);
    // Parameter order in the record must not matter.
    const shuffled = { To: docsParams.To, Digits: docsParams.Digits, CallSid: docsParams.CallSid, From: docsParams.From, Caller: docsParams.Caller };
    expect(computeTwilioSignature(docsToken, docsUrl, shuffled)).toBe(byHand);
  });

  it('signs UTF-8 values and sorts names by code unit (uppercase before lowercase)', () => {
    const params = { body: 'x', Body: 'Olá ☕', NumMedia: '0' };
    const byHand = createHmac('sha1', 'secret').update(Buffer.from('https://p.example/in' + 'BodyOlá ☕NumMedia0bodyx', 'utf8')).digest('base64');
    expect(computeTwilioSignature('secret', 'https://p.example/in', params)).toBe(byHand);
  });

  it('signs the URL alone when there are no POST parameters', () => {
    const byHand = createHmac('sha1', 'secret').update('https://p.example/status?mid=1').digest('base64');
    expect(computeTwilioSignature('secret', 'https://p.example/status?mid=1', {})).toBe(byHand);
  });
});

describe('isValidTwilioSignature', () => {
  it('accepts the documented example', () => {
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, docsSignature)).toBe(true);
  });

  it('rejects a tampered body', () => {
    expect(isValidTwilioSignature(docsToken, docsUrl, { ...docsParams, Digits: '1235' }, docsSignature)).toBe(false);
    expect(isValidTwilioSignature(docsToken, docsUrl, { ...docsParams, Extra: '' }, docsSignature)).toBe(false);
    const { Digits: _dropped, ...withoutDigits } = docsParams;
    expect(isValidTwilioSignature(docsToken, docsUrl, withoutDigits, docsSignature)).toBe(false);
  });

  it('rejects a tampered URL', () => {
    expect(isValidTwilioSignature(docsToken, 'https://mycompany.com/myapp.php?foo=1&bar=3', docsParams, docsSignature)).toBe(false);
    expect(isValidTwilioSignature(docsToken, 'http://mycompany.com/myapp.php?foo=1&bar=2', docsParams, docsSignature)).toBe(false);
    expect(isValidTwilioSignature(docsToken, 'https://mycompany.com/myapp.php', docsParams, docsSignature)).toBe(false);
  });

  it('rejects the right request signed with another token', () => {
    expect(isValidTwilioSignature('54321', docsUrl, docsParams, docsSignature)).toBe(false);
  });

  it('rejects a missing or empty header', () => {
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, undefined)).toBe(false);
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, null)).toBe(false);
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, '')).toBe(false);
  });

  it('rejects a header of the wrong length, or of the right byte length in non-ASCII, without throwing', () => {
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, docsSignature.slice(0, -1))).toBe(false);
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, `${docsSignature}=`)).toBe(false);
    expect(isValidTwilioSignature(docsToken, docsUrl, docsParams, 'é'.repeat(14))).toBe(false);
  });
});
