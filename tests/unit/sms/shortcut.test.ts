import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { libphonenumberE164 } from '../../../utils/sms/detect/find';
import { phoneMetadata, SUPPORTED_COUNTRIES, type SupportedCountry } from '../../../utils/sms/detect/metadata';
import { shortcutE164 } from '../../../utils/sms/detect/shortcut';

// The shortcut must never say yes where libphonenumber says otherwise: generated numbers (every
// supported country's calling code with libphonenumber's example numbers, variants of them and
// random digits; North American numbers with real and impossible area codes) in every way people
// write them, read with every supported default country.
let seed = 20261122;
const random = (below: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % below;
};
const digits = (count: number) => Array.from({ length: count }, () => random(10)).join('');
const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;

/** Writes a digit string the way people do: grouped by spaces, dashes, dots, or with the first group in parentheses. */
function written(number: string): string {
  const groups: string[] = [];
  for (let rest = number; rest; ) {
    const size = 2 + random(3);
    groups.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  const separator = pick([' ', '-', '.', '', ' - ']);
  if (random(4) === 0 && groups.length > 1) return `(${groups[0]}) ${groups.slice(1).join(separator)}`;
  return groups.join(separator);
}

const NANP_SHAPES: Array<(a: string, e: string, n: string) => string> = [
  (a, e, n) => `(${a}) ${e}-${n}`,
  (a, e, n) => `${a}-${e}-${n}`,
  (a, e, n) => `${a}.${e}.${n}`,
  (a, e, n) => `${a}${e}${n}`,
  (a, e, n) => `+1 (${a}) ${e}-${n}`,
  (a, e, n) => `(+1) ${a} ${e} ${n}`,
  (a, e, n) => `1 ${a} ${e} ${n}`,
  (a, e, n) => `1-${a}-${e}-${n}`,
  (a, e, n) => `001 ${a} ${e} ${n}`,
  (a, e, n) => `011 ${a} ${e} ${n}`,
  (a, e, n) => `${a}) ${e}-${n}`,
  (a, e, n) => `(${a} ${e}) ${n}`,
  (a, e, n) => `0${a} ${e} ${n}`,
  (a, e, n) => `${a.slice(1)} ${e} ${n}`,
];
const AREA_CODES = ['212', '415', '503', '720', '416', '604', '514', '800', '888', '900', '555', '911', '011', '123'];
const callingCodes = Object.keys(phoneMetadata.country_calling_codes);
const exampleOf = (country: string) => (examples as Record<string, string>)[country] ?? digits(9);

function sample(index: number): string {
  if (index % 3 === 0) {
    const area = index % 2 ? digits(3) : pick(AREA_CODES);
    return pick(NANP_SHAPES)(area, index % 5 ? `${2 + random(8)}${digits(2)}` : digits(3), digits(4));
  }
  const code = pick(callingCodes);
  const country = pick((phoneMetadata.country_calling_codes as Record<string, string[]>)[code]!);
  const example = exampleOf(country);
  const national = [
    example,
    example.slice(0, -3) + digits(3),
    example.slice(0, -1),
    `${example}${digits(1)}`,
    `0${example}`,
    digits(6 + random(8)),
  ][random(6)]!;
  return [`+${code} ${written(national)}`, `+${code}${national}`, `00${code} ${written(national)}`, written(national), `+${code} (0) ${written(national)}`][random(5)]!;
}

describe('the detection shortcut', () => {
  it('says yes only where libphonenumber says the same, for every shape and default country', () => {
    let shortcuts = 0;
    let valid = 0;
    for (let index = 0; index < 6000; index += 1) {
      const raw = sample(index);
      const country: SupportedCountry = pick(SUPPORTED_COUNTRIES);
      const allDigits = raw.replace(/\D/g, '');
      const expected = libphonenumberE164(raw, allDigits, country);
      const quick = shortcutE164(raw, allDigits, country);
      if (expected) valid += 1;
      if (quick === undefined) continue;
      shortcuts += 1;
      expect(quick, `${raw} in ${country}`).toBe(expected);
    }
    // Not vacuous: a good part of the valid numbers took the shortcut (not national numbers outside
    // North America, nor "00" or "(0)" forms, which libphonenumber reads).
    expect(shortcuts).toBeGreaterThan(valid * 0.3);
  });

  it('takes the numbers of the detection benchmark and of every supported country written internationally', () => {
    expect(shortcutE164('(503) 555-0142', '5035550142', 'US')).toBe('+15035550142');
    expect(shortcutE164('+1 415 555 0142', '14155550142', 'GB')).toBe('+14155550142');
    expect(shortcutE164('+44 20 7946 0958', '442079460958', 'US')).toBe('+442079460958');
    for (const country of SUPPORTED_COUNTRIES) {
      const code = Object.entries(phoneMetadata.country_calling_codes).find(([, ids]) => ids.includes(country))![0];
      const e164 = `+${code}${exampleOf(country)}`;
      expect(shortcutE164(e164, e164.slice(1), 'US'), country).toBe(libphonenumberE164(e164, e164.slice(1), 'US'));
    }
  });
});
