import { describe, expect, it } from 'vitest';
import { splitForSending } from '../../../utils/sms/segments';

const length = (part: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(part)).length;

describe('splitForSending', () => {
  it('leaves a short message whole', () => {
    expect(splitForSending('Your case 4412 is open.')).toEqual(['Your case 4412 is open.']);
  });

  it('keeps exactly 140 characters in one message and splits 141', () => {
    expect(splitForSending('a'.repeat(140))).toEqual(['a'.repeat(140)]);
    const words = `${'a'.repeat(70)} ${'b'.repeat(69)}`;
    expect(length(words)).toBe(140);
    expect(splitForSending(words)).toEqual([words]);
    expect(splitForSending(`${words}c`)).toEqual(['a'.repeat(70), `${'b'.repeat(69)}c`]);
  });

  it('breaks at the last whitespace before the limit and drops it', () => {
    const text = 'Hello Maria, your replacement router ships today. ' + 'Tracking will follow by email once the carrier scans the parcel at the depot tonight. ' + 'Reply STOP to opt out.';
    const parts = splitForSending(text);
    expect(parts).toEqual([
      'Hello Maria, your replacement router ships today. Tracking will follow by email once the carrier scans the parcel at the depot tonight.',
      'Reply STOP to opt out.',
    ]);
    expect(parts.join(' ')).toBe(text);
  });

  it('breaks at a space that falls right after a full part', () => {
    expect(splitForSending('abcde fgh', 5)).toEqual(['abcde', 'fgh']);
  });

  it('hard-splits only a word longer than the limit', () => {
    const url = 'https://example.com/' + 'x'.repeat(20);
    expect(splitForSending(`See ${url} now`, 15)).toEqual(['See', 'https://example', '.com/xxxxxxxxxx', 'xxxxxxxxxx now']);
  });

  it('never cuts an emoji or grapheme cluster at the boundary', () => {
    const family = '👨‍👩‍👧';
    const parts = splitForSending('a'.repeat(4) + family + 'b'.repeat(3), 5);
    expect(parts).toEqual(['aaaa' + family, 'bbb']);

    const flags = splitForSending('🇫🇷🇩🇪🇪🇸', 2);
    expect(flags).toEqual(['🇫🇷🇩🇪', '🇪🇸']);

    const words = splitForSending('Thanks 👍🏽 for waiting', 9);
    expect(words).toEqual(['Thanks 👍🏽', 'for', 'waiting']);
    for (const part of [...parts, ...flags, ...words]) expect(part).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  it('keeps newlines inside a part and trims whitespace at a break', () => {
    expect(splitForSending('Line one\nLine two\n\nLine three', 20)).toEqual(['Line one\nLine two', 'Line three']);
    expect(splitForSending('Hi,\nyour order   shipped', 12)).toEqual(['Hi,\nyour', 'order', 'shipped']);
  });

  it('produces no empty parts', () => {
    expect(splitForSending('')).toEqual([]);
    expect(splitForSending('   \n  ')).toEqual([]);
    expect(splitForSending('  a  ', 1)).toEqual(['a']);
  });

  it('keeps every part within the limit on long mixed text', () => {
    const text = Array.from({ length: 60 }, (_, index) => (index % 7 === 0 ? 'çafé👍🏽' : `word${index}`)).join(' ');
    const parts = splitForSending(text);
    for (const part of parts) {
      expect(length(part)).toBeLessThanOrEqual(140);
      expect(part).toBe(part.trim());
    }
    expect(parts.join(' ')).toBe(text);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => splitForSending('abc', 0)).toThrow(RangeError);
  });
});
