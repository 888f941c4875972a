import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours } from './is-within-working-hours';
import { WEEKDAYS, type WorkingHoursRule, type WorkingHoursSchedule } from './schedule';

/*
 * Every instant is built in UTC from a local time and a UTC offset written out by hand, so the
 * expectations come from the zone rules themselves, not from the Intl code under test, and nothing
 * depends on the machine's zone.
 */
function at(localIso: string, offset: string): Date {
  const date = new Date(`${localIso}:00${offset}`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${localIso}${offset}`);
  return date;
}

const utc = (iso: string): Date => new Date(`${iso}:00Z`);

const WEEKDAYS_ONLY: WorkingHoursRule['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const officeHours = (timeZone: string): WorkingHoursSchedule => ({
  timeZone,
  rules: [
    { days: WEEKDAYS_ONLY, from: '08:00', to: '18:00' },
    { days: ['sat'], from: '10:00', to: '15:00' },
  ],
});
const everyDay = (timeZone: string, from: string, to: string): WorkingHoursSchedule => ({
  timeZone,
  rules: [{ days: [...WEEKDAYS], from, to }],
});

// July 2026, away from every DST change: 15th Wednesday, 18th Saturday, 19th Sunday.
const JULY_OFFSETS = [
  ['America/New_York', '-04:00'],
  ['Europe/London', '+01:00'],
  ['Asia/Kolkata', '+05:30'],
  ['Australia/Sydney', '+10:00'],
  ['America/Sao_Paulo', '-03:00'],
  // POSIX sign convention: Etc/GMT+3 is three hours *behind* UTC, the "GMT-03:00" of admin screens.
  ['Etc/GMT+3', '-03:00'],
] as const;

const JULY_CASES = [
  ['2026-07-15T08:00', true, 'weekday opening minute (from is inclusive)'],
  ['2026-07-15T07:59', false, 'weekday minute before opening'],
  ['2026-07-15T12:00', true, 'weekday midday'],
  ['2026-07-15T17:59', true, 'weekday last minute'],
  ['2026-07-15T18:00', false, 'weekday closing minute (to is exclusive)'],
  ['2026-07-18T10:00', true, 'Saturday opening'],
  ['2026-07-18T09:59', false, 'Saturday before its later opening'],
  ['2026-07-18T14:59', true, 'Saturday last minute'],
  ['2026-07-18T15:00', false, 'Saturday closing'],
  ['2026-07-19T12:00', false, 'Sunday, no rule'],
] as const;

describe('isWithinWorkingHours across time zones', () => {
  for (const [timeZone, offset] of JULY_OFFSETS) {
    it.each(JULY_CASES)(`${timeZone}: %s local -> %s (%s)`, (local, expected) => {
      expect(isWithinWorkingHours(officeHours(timeZone), at(local, offset))).toBe(expected);
    });
  }

  it('uses the local weekday, not the UTC one', () => {
    // Sunday 22:00 UTC is Monday 08:00 in Sydney and Sunday 18:00 in New York.
    const instant = utc('2026-07-19T22:00');
    expect(isWithinWorkingHours(officeHours('Australia/Sydney'), instant)).toBe(true);
    expect(isWithinWorkingHours(officeHours('America/New_York'), instant)).toBe(false);
    // Friday 21:00 UTC is Friday 17:00 in New York but already Saturday 02:30 in Kolkata.
    expect(isWithinWorkingHours(officeHours('America/New_York'), utc('2026-07-17T21:00'))).toBe(true);
    expect(isWithinWorkingHours(officeHours('Asia/Kolkata'), utc('2026-07-17T21:00'))).toBe(false);
  });

  it('ignores seconds within the closing minute the same way it does every minute', () => {
    const schedule = officeHours('Europe/London');
    expect(isWithinWorkingHours(schedule, new Date('2026-07-15T17:59:59.999+01:00'))).toBe(true);
    expect(isWithinWorkingHours(schedule, new Date('2026-07-15T18:00:00.000+01:00'))).toBe(false);
  });
});

describe('rules', () => {
  it('opens when any rule covers the instant', () => {
    const splitShift: WorkingHoursSchedule = {
      timeZone: 'Europe/London',
      rules: [
        { days: ['mon'], from: '09:00', to: '12:00' },
        { days: ['mon'], from: '13:00', to: '17:00' },
      ],
    };
    expect(isWithinWorkingHours(splitShift, at('2026-07-13T11:59', '+01:00'))).toBe(true);
    expect(isWithinWorkingHours(splitShift, at('2026-07-13T12:30', '+01:00'))).toBe(false);
    expect(isWithinWorkingHours(splitShift, at('2026-07-13T13:00', '+01:00'))).toBe(true);
  });

  it('runs a weekend-only rule on Saturday and Sunday only', () => {
    const weekend: WorkingHoursSchedule = { timeZone: 'Asia/Kolkata', rules: [{ days: ['sat', 'sun'], from: '09:00', to: '13:00' }] };
    expect(isWithinWorkingHours(weekend, at('2026-07-18T09:00', '+05:30'))).toBe(true);
    expect(isWithinWorkingHours(weekend, at('2026-07-19T12:59', '+05:30'))).toBe(true);
    expect(isWithinWorkingHours(weekend, at('2026-07-17T10:00', '+05:30'))).toBe(false);
    expect(isWithinWorkingHours(weekend, at('2026-07-20T10:00', '+05:30'))).toBe(false);
  });

  it('reads "to 24:00" as until midnight', () => {
    const evening = everyDay('America/Sao_Paulo', '20:00', '24:00');
    expect(isWithinWorkingHours(evening, at('2026-07-15T23:59', '-03:00'))).toBe(true);
    expect(isWithinWorkingHours(evening, at('2026-07-16T00:00', '-03:00'))).toBe(false);
  });

  describe('overnight 22:00-06:00 on Fridays', () => {
    const nightShift: WorkingHoursSchedule = { timeZone: 'America/Sao_Paulo', rules: [{ days: ['fri'], from: '22:00', to: '06:00' }] };
    it.each<[local: string, expected: boolean, why: string]>([
      ['2026-07-17T21:59', false, 'Friday before the shift'],
      ['2026-07-17T22:00', true, 'Friday start'],
      ['2026-07-17T23:59', true, 'Friday before midnight'],
      ['2026-07-18T00:00', true, 'Saturday midnight'],
      ['2026-07-18T05:59', true, 'Saturday last minute'],
      ['2026-07-18T06:00', false, 'Saturday end'],
      ['2026-07-18T23:00', false, 'Saturday evening: Saturday is not listed'],
      ['2026-07-17T03:00', false, 'Friday early morning: Thursday is not listed'],
    ])('%s -> %s (%s)', (local, expected) => {
      expect(isWithinWorkingHours(nightShift, at(local, '-03:00'))).toBe(expected);
    });
  });

  it('carries a Sunday overnight shift into Monday across the week boundary', () => {
    const sundayNight: WorkingHoursSchedule = { timeZone: 'Australia/Sydney', rules: [{ days: ['sun'], from: '23:00', to: '01:00' }] };
    expect(isWithinWorkingHours(sundayNight, at('2026-07-19T23:30', '+10:00'))).toBe(true);
    expect(isWithinWorkingHours(sundayNight, at('2026-07-20T00:30', '+10:00'))).toBe(true);
    expect(isWithinWorkingHours(sundayNight, at('2026-07-20T01:00', '+10:00'))).toBe(false);
    expect(isWithinWorkingHours(sundayNight, at('2026-07-13T00:30', '+10:00'))).toBe(true);
    expect(isWithinWorkingHours(sundayNight, at('2026-07-14T00:30', '+10:00'))).toBe(false);
  });
});

/** Every minute from start (inclusive) to end (exclusive), both UTC. */
function minutesBetween(start: Date, end: Date): Date[] {
  const out: Date[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += 60_000) out.push(new Date(t));
  return out;
}

describe('DST change days (all Sundays in 2026)', () => {
  describe('US spring forward, 2026-03-08: 02:00 EST becomes 03:00 EDT at 07:00 UTC', () => {
    const zone = 'America/New_York';
    it('08:30 local is inside 08:00-18:00 (12:30 UTC, already on EDT)', () => {
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-03-08T08:30', '-04:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-03-08T07:59', '-04:00'))).toBe(false);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-03-08T18:00', '-04:00'))).toBe(false);
    });

    it('02:30 does not exist: a 02:00-03:00 window never opens that day', () => {
      const skipped = everyDay(zone, '02:00', '03:00');
      const night = minutesBetween(utc('2026-03-08T05:00'), utc('2026-03-08T09:00'));
      expect(night.filter((instant) => isWithinWorkingHours(skipped, instant))).toEqual([]);
      // The minutes either side of the jump: 01:59 EST and 03:00 EDT.
      expect(isWithinWorkingHours(everyDay(zone, '01:00', '02:00'), utc('2026-03-08T06:59'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '03:00', '04:00'), utc('2026-03-08T07:00'))).toBe(true);
    });

    it('an overnight shift into spring-forward morning is an hour shorter in real time', () => {
      const nightShift: WorkingHoursSchedule = { timeZone: zone, rules: [{ days: ['sat'], from: '22:00', to: '06:00' }] };
      const open = minutesBetween(utc('2026-03-07T20:00'), utc('2026-03-08T14:00')).filter((i) => isWithinWorkingHours(nightShift, i));
      expect(open).toHaveLength(7 * 60);
      expect(open[0]).toEqual(at('2026-03-07T22:00', '-05:00'));
      expect(open.at(-1)).toEqual(at('2026-03-08T05:59', '-04:00'));
    });
  });

  describe('US fall back, 2026-11-01: 02:00 EDT becomes 01:00 EST at 06:00 UTC', () => {
    const zone = 'America/New_York';
    it('the repeated 01:00-02:00 hour is inside a 01:00-02:00 window both times', () => {
      const repeated = everyDay(zone, '01:00', '02:00');
      expect(isWithinWorkingHours(repeated, at('2026-11-01T01:30', '-04:00'))).toBe(true);
      expect(isWithinWorkingHours(repeated, at('2026-11-01T01:30', '-05:00'))).toBe(true);
      expect(isWithinWorkingHours(repeated, at('2026-11-01T00:59', '-04:00'))).toBe(false);
      expect(isWithinWorkingHours(repeated, at('2026-11-01T02:00', '-05:00'))).toBe(false);
      const open = minutesBetween(utc('2026-11-01T03:00'), utc('2026-11-01T09:00')).filter((i) => isWithinWorkingHours(repeated, i));
      expect(open).toHaveLength(120);
    });

    it('08:00-18:00 follows EST after the change', () => {
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-11-01T13:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-11-01T12:59'))).toBe(false);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-11-01T23:00'))).toBe(false);
    });
  });

  describe('EU spring forward, 2026-03-29: 01:00 GMT becomes 02:00 BST at 01:00 UTC', () => {
    const zone = 'Europe/London';
    it('01:00-02:00 does not exist, and the day opens at 08:00 BST', () => {
      const skipped = everyDay(zone, '01:00', '02:00');
      const night = minutesBetween(utc('2026-03-28T23:00'), utc('2026-03-29T04:00'));
      expect(night.filter((instant) => isWithinWorkingHours(skipped, instant))).toEqual([]);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-03-29T08:00', '+01:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-03-29T07:59', '+01:00'))).toBe(false);
    });
  });

  describe('EU fall back, 2026-10-25: 02:00 BST becomes 01:00 GMT at 01:00 UTC', () => {
    const zone = 'Europe/London';
    it('the repeated 01:00 hour counts twice, and the day opens at 08:00 GMT', () => {
      const repeated = everyDay(zone, '01:00', '02:00');
      expect(isWithinWorkingHours(repeated, at('2026-10-25T01:15', '+01:00'))).toBe(true);
      expect(isWithinWorkingHours(repeated, at('2026-10-25T01:15', '+00:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-10-25T08:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-10-25T07:59'))).toBe(false);
    });
  });

  describe('Sydney fall back, 2026-04-05: 03:00 AEDT becomes 02:00 AEST at 16:00 UTC on the 4th', () => {
    const zone = 'Australia/Sydney';
    it('the repeated 02:00 hour counts twice, and the day opens at 08:00 AEST', () => {
      const repeated = everyDay(zone, '02:00', '03:00');
      expect(isWithinWorkingHours(repeated, at('2026-04-05T02:30', '+11:00'))).toBe(true);
      expect(isWithinWorkingHours(repeated, at('2026-04-05T02:30', '+10:00'))).toBe(true);
      expect(isWithinWorkingHours(repeated, at('2026-04-05T03:00', '+10:00'))).toBe(false);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-04-04T22:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), utc('2026-04-04T21:59'))).toBe(false);
    });
  });

  describe('Sydney spring forward, 2026-10-04: 02:00 AEST becomes 03:00 AEDT at 16:00 UTC on the 3rd', () => {
    const zone = 'Australia/Sydney';
    it('02:30 does not exist, and 08:30 AEDT is inside 08:00-18:00', () => {
      const skipped = everyDay(zone, '02:00', '03:00');
      const night = minutesBetween(utc('2026-10-03T14:00'), utc('2026-10-03T18:00'));
      expect(night.filter((instant) => isWithinWorkingHours(skipped, instant))).toEqual([]);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-10-04T08:30', '+11:00'))).toBe(true);
      expect(isWithinWorkingHours(everyDay(zone, '08:00', '18:00'), at('2026-10-04T07:59', '+11:00'))).toBe(false);
    });
  });
});
