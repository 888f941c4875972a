import { describe, expect, it } from 'vitest';
import { libphonenumberE164 } from '../../../utils/sms/detect/find';
import type { SupportedCountry } from '../../../utils/sms/detect/metadata';
import { nanpE164 } from '../../../utils/sms/detect/nanp';

// The North American shortcut must never say yes where libphonenumber says otherwise: generated
// numbers (real and impossible area codes and exchanges) in every way people write them, read
// with several default countries.
let seed = 20261122;
const random = (below: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % below;
};
const digits = (count: number) => Array.from({ length: count }, () => random(10)).join('');

const SHAPES: Array<(a: string, e: string, n: string) => string> = [
  (a, e, n) => `(${a}) ${e}-${n}`,
  (a, e, n) => `${a}-${e}-${n}`,
  (a, e, n) => `${a}.${e}.${n}`,
  (a, e, n) => `${a} ${e} ${n}`,
  (a, e, n) => `${a}${e}${n}`,
  (a, e, n) => `+1 ${a} ${e} ${n}`,
  (a, e, n) => `+1 (${a}) ${e}-${n}`,
  (a, e, n) => `+1-${a}-${e}-${n}`,
  (a, e, n) => `+1${a}${e}${n}`,
  (a, e, n) => `(+1) ${a} ${e} ${n}`,
  (a, e, n) => `1 ${a} ${e} ${n}`,
  (a, e, n) => `1-${a}-${e}-${n}`,
  (a, e, n) => `1 (${a}) ${e}-${n}`,
  (a, e, n) => `001 ${a} ${e} ${n}`,
  (a, e, n) => `011 ${a} ${e} ${n}`,
  (a, e, n) => `${a}) ${e}-${n}`,
  (a, e, n) => `(${a} ${e}) ${n}`,
  (a, e, n) => `+${a} ${e} ${n}`,
  (a, e, n) => `+44 ${a} ${e} ${n}`,
  (a, e, n) => `0${a} ${e} ${n}`,
  (a, e, n) => `${a} ${e} ${n}0`,
  (a, e, n) => `${a.slice(1)} ${e} ${n}`,
];
const COUNTRIES: SupportedCountry[] = ['US', 'CA', 'GB', 'MX', 'DE', 'IN', 'AU'];
const REAL_AREA_CODES = ['212', '415', '503', '720', '312', '416', '604', '514', '800', '888', '900', '555', '911', '011', '123'];

describe('the North American shortcut', () => {
  it('says yes only where libphonenumber says the same, for every shape and default country', () => {
    let shortcuts = 0;
    let valid = 0;
    for (let sample = 0; sample < 4000; sample += 1) {
      const area = sample % 3 === 0 ? digits(3) : REAL_AREA_CODES[random(REAL_AREA_CODES.length)]!;
      const exchange = sample % 5 === 0 ? digits(3) : `${2 + random(8)}${digits(2)}`;
      const raw = SHAPES[random(SHAPES.length)]!(area, exchange, digits(4));
      const country = COUNTRIES[random(COUNTRIES.length)]!;
      const allDigits = raw.replace(/\D/g, '');
      const expected = libphonenumberE164(raw, allDigits, country);
      const fast = nanpE164(raw, allDigits, country);
      if (expected) valid += 1;
      if (fast === undefined) continue;
      shortcuts += 1;
      expect(fast, `${raw} in ${country}`).toBe(expected);
    }
    // Not vacuous: most valid numbers took the shortcut.
    expect(shortcuts).toBeGreaterThan(valid * 0.6);
  });
});
