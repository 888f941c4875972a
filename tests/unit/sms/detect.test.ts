import { describe, expect, it } from 'vitest';
import { findPhoneNumbers, normalizeToE164, type SupportedCountry } from '../../../utils/sms/detect';

const e164s = (text: string, defaultCountry: SupportedCountry = 'US') => findPhoneNumbers(text, { defaultCountry }).map((match) => match.e164);

describe('findPhoneNumbers — matches', () => {
  it('reports offsets and the raw text of each number', () => {
    const text = 'Call me at (503) 555-0142 after 5pm';
    expect(findPhoneNumbers(text, { defaultCountry: 'US' })).toEqual([{ start: 11, end: 25, raw: '(503) 555-0142', e164: '+15035550142' }]);
    expect(text.slice(11, 25)).toBe('(503) 555-0142');
  });

  it('returns the extension separately, keeps it out of E.164 and inside the span', () => {
    for (const [text, extension] of [
      ['Office 503-555-0142 ext. 12', '12'],
      ['Office 503-555-0142 x12', '12'],
      ['Office 503-555-0142 #12', '12'],
      ['Office 503-555-0142, extension 204', '204'],
      ['Office 503-555-0142x7', '7'],
    ] as const) {
      const [match] = findPhoneNumbers(text, { defaultCountry: 'US' });
      expect(match, text).toMatchObject({ e164: '+15035550142', extension, start: 7, end: text.length });
    }
    expect(findPhoneNumbers('Office 503-555-0142', { defaultCountry: 'US' })[0]).not.toHaveProperty('extension');
  });

  it('reads national formats with the default country and international ones with any', () => {
    expect(e164s('020 7946 0123', 'GB')).toEqual(['+442079460123']);
    expect(e164s('030/1234567', 'DE')).toEqual(['+49301234567']);
    expect(e164s('01.23.45.67.89', 'FR')).toEqual(['+33123456789']);
    expect(e164s('98765 43210', 'IN')).toEqual(['+919876543210']);
    expect(e164s('0412 345 678', 'AU')).toEqual(['+61412345678']);
    expect(e164s('(11) 91234-5678', 'BR')).toEqual(['+5511912345678']);
    expect(e164s('55 1234 5678', 'MX')).toEqual(['+525512345678']);
    expect(e164s('612 34 56 78', 'ES')).toEqual(['+34612345678']);
    expect(e164s('06 1234 5678', 'IT')).toEqual(['+390612345678']);
    expect(e164s('06-12345678', 'NL')).toEqual(['+31612345678']);
    expect(e164s('+44 (0)20 7946 0123 and 0049 30 1234567', 'US')).toEqual(['+442079460123', '+49301234567']);
    expect(e164s('011 44 20 7946 0123', 'US')).toEqual(['+442079460123']);
  });

  it('separates numbers written side by side', () => {
    expect(e164s('503-555-0142 / 503-555-0199')).toEqual(['+15035550142', '+15035550199']);
    expect(e164s('503-555-0142, 503-555-0143')).toEqual(['+15035550142', '+15035550143']);
    expect(e164s('Call 503 555 0142 2 times')).toEqual(['+15035550142']);
  });

  it('ignores a German or British digit run written without its trunk zero', () => {
    expect(e164s('30 1234567', 'DE')).toEqual([]);
    expect(e164s('20 7946 0123', 'GB')).toEqual([]);
  });

  it('finds numbers in one text node at a time with node-relative offsets', () => {
    const nodes = ['Customer: Dana Ruiz', 'Phone: 503-555-0142', 'Mobile: 971.555.0159'];
    expect(nodes.map((node) => findPhoneNumbers(node, { defaultCountry: 'US' }).map((match) => [match.start, match.e164]))).toEqual([
      [],
      [[7, '+15035550142']],
      [[8, '+19715550159']],
    ]);
  });
});

describe('findPhoneNumbers — no false positives', () => {
  const cases: [string, string, SupportedCountry][] = [
    ['ISO date', 'Due 2026-11-02', 'DE'],
    ['US date', 'Due 11/02/2026', 'US'],
    ['European date', 'Fällig 02.11.2026', 'DE'],
    ['time range', 'Geöffnet 10.30-11.45', 'DE'],
    ['order number after #', 'Order #48213-77', 'US'],
    ['invoice number', 'INV-2026-00042', 'DE'],
    ['order keyword', 'Order 5035550142', 'US'],
    ['UPS tracking', '1Z999AA10123456784', 'US'],
    ['US amount', '$1,299.00', 'US'],
    ['European amount', '1.234,56 €', 'DE'],
    ['French amount', '1 234 567,89 €', 'FR'],
    ['ZIP', 'Portland OR 97201', 'US'],
    ['ZIP+4', 'Portland OR 97201-1234', 'US'],
    ['UK postcode', 'SW1A 1AA', 'GB'],
    ['IPv4', '192.168.10.254', 'DE'],
    ['version', 'Chrome 131.0.6778.204', 'US'],
    ['card', '4111 1111 1111 1111', 'DE'],
    ['IBAN', 'DE89 3704 0044 0532 0130 00', 'DE'],
    ['ISBN', '978-3-16-148410-0', 'DE'],
    ['year range', '2019-2026', 'DE'],
    ['invalid US area code', '123-456-7890', 'US'],
  ];
  it.each(cases)('%s: %s', (_, text, defaultCountry) => {
    expect(findPhoneNumbers(text, { defaultCountry })).toEqual([]);
  });

  it('finds nothing in text without digits', () => {
    expect(findPhoneNumbers('Call me when you are free', { defaultCountry: 'US' })).toEqual([]);
  });
});

describe('findPhoneNumbers — verdicts kept across calls', () => {
  it("finds the same numbers and remembers libphonenumber's verdict on each candidate, per default country", () => {
    const verdicts = new Map<string, string | null>();
    const text = 'Mobile (503) 555-0142, order 2026-11-02, fax 030 1234567';
    expect(findPhoneNumbers(text, { defaultCountry: 'US', verdicts })).toEqual(findPhoneNumbers(text, { defaultCountry: 'US' }));
    // A North American number takes the shortcut (utils/sms/detect/shortcut.ts), quicker than a kept verdict.
    expect(verdicts.has('US (503) 555-0142')).toBe(false);
    expect(verdicts.get('US 030 1234567')).toBeNull();
    expect(findPhoneNumbers(text, { defaultCountry: 'DE', verdicts }).map((match) => match.e164)).toEqual(['+49301234567']);
    expect(verdicts.get('DE 030 1234567')).toBe('+49301234567');
  });

  it('answers from a kept verdict without validating again', () => {
    // A verdict planted for a digit run libphonenumber would reject proves the map is read.
    const verdicts = new Map([['US 555 0100 0000', '+15550100000']]);
    expect(findPhoneNumbers('call 555 0100 0000', { defaultCountry: 'US', verdicts }).map((match) => match.e164)).toEqual(['+15550100000']);
    expect(findPhoneNumbers('call 555 0100 0000', { defaultCountry: 'US' })).toEqual([]);
  });
});

describe('normalizeToE164', () => {
  it('accepts visual separators, + and 00', () => {
    expect(normalizeToE164('(503) 555-0142', 'US')).toBe('+15035550142');
    expect(normalizeToE164('+44 20 7946 0123')).toBe('+442079460123');
    expect(normalizeToE164('0044 20 7946 0123', 'US')).toBe('+442079460123');
    expect(normalizeToE164('030 1234567', 'DE')).toBe('+49301234567');
  });

  it('accepts tel: URIs and drops their parameters', () => {
    expect(normalizeToE164('tel:+1-503-555-0142')).toBe('+15035550142');
    expect(normalizeToE164('TEL:+1.503.555.0142;ext=12')).toBe('+15035550142');
    expect(normalizeToE164('tel:%2B44%2020%207946%200123')).toBe('+442079460123');
    expect(normalizeToE164('tel:503-555-0142;phone-context=+1', 'US')).toBe('+15035550142');
  });

  it('returns null for what is not one valid number', () => {
    expect(normalizeToE164('503 555 0142')).toBeNull();
    expect(normalizeToE164('call me', 'US')).toBeNull();
    expect(normalizeToE164('123-456-7890', 'US')).toBeNull();
    expect(normalizeToE164('tel:%E0%A4%A', 'US')).toBeNull();
    expect(normalizeToE164('', 'US')).toBeNull();
  });
});
