import { describe, expect, it } from 'vitest';
import { wallClockAt } from './wall-clock';

describe('wallClockAt', () => {
  it('reads weekday and time in the given zone, not the machine zone', () => {
    // 2026-07-15 is a Wednesday. 02:30 UTC is still Tuesday evening in New York (UTC-4 in July).
    const instant = new Date(Date.UTC(2026, 6, 15, 2, 30));
    expect(wallClockAt(instant, 'UTC')).toEqual({ weekday: 'wed', minuteOfDay: 2 * 60 + 30 });
    expect(wallClockAt(instant, 'America/New_York')).toEqual({ weekday: 'tue', minuteOfDay: 22 * 60 + 30 });
    expect(wallClockAt(instant, 'Asia/Kolkata')).toEqual({ weekday: 'wed', minuteOfDay: 8 * 60 });
  });

  it('shows midnight as 00:00, never 24:00', () => {
    expect(wallClockAt(new Date(Date.UTC(2026, 6, 15, 0, 0)), 'UTC')).toEqual({ weekday: 'wed', minuteOfDay: 0 });
  });

  it('refuses an invalid Date', () => {
    expect(() => wallClockAt(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});
