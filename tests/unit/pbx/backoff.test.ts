import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../utils/pbx/backoff';

const options = { baseMs: 1_000, maxMs: 30_000 };

describe('backoffDelay', () => {
  it('doubles per attempt within [half, full] of the nominal delay', () => {
    expect(backoffDelay(0, { ...options, random: () => 0 })).toBe(500);
    expect(backoffDelay(0, { ...options, random: () => 1 })).toBe(1_000);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(4_000);
    expect(backoffDelay(3, { ...options, random: () => 1 })).toBe(8_000);
  });

  it('caps at maxMs', () => {
    expect(backoffDelay(20, { ...options, random: () => 1 })).toBe(30_000);
    expect(backoffDelay(20, { ...options, random: () => 0 })).toBe(15_000);
  });

  it('spreads clients apart (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, options)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
