import { describe, expect, it } from 'vitest';
import { minutesOfDay, parseWorkingHoursSchedule } from './schedule';

const valid = {
  timeZone: 'America/Sao_Paulo',
  rules: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
    { days: ['sat'], from: '10:00', to: '15:00' },
    { days: ['fri'], from: '22:00', to: '06:00' },
    { days: ['sun'], from: '00:00', to: '24:00' },
  ],
};

describe('parseWorkingHoursSchedule', () => {
  it('accepts same-day, overnight and until-midnight rules', () => {
    expect(parseWorkingHoursSchedule(valid)).toEqual({ ok: true, value: valid });
  });

  it('accepts fixed-offset Etc zones and spells zone names canonically', () => {
    expect(parseWorkingHoursSchedule({ ...valid, timeZone: 'Etc/GMT+3' })).toMatchObject({ ok: true, value: { timeZone: 'Etc/GMT+3' } });
    expect(parseWorkingHoursSchedule({ ...valid, timeZone: 'america/new_york' })).toMatchObject({ ok: true, value: { timeZone: 'America/New_York' } });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone: unknown IANA time zone "Mars/Olympus_Mons"'],
    [{ timeZone: 'GMT-03:00' }, 'timeZone: unknown IANA time zone "GMT-03:00"'],
    [{ timeZone: undefined }, /^timeZone: /],
    [{ rules: [] }, 'rules: no rules'],
    [{ rules: [{ days: [], from: '08:00', to: '18:00' }] }, 'rules.0.days: no days'],
    [{ rules: [{ days: ['monday'], from: '08:00', to: '18:00' }] }, /^rules\.0\.days\.0: /],
    [{ rules: [{ days: ['mon'], from: '8:00', to: '18:00' }] }, 'rules.0.from: not a time HH:MM (00:00-23:59)'],
    [{ rules: [{ days: ['mon'], from: '24:00', to: '06:00' }] }, 'rules.0.from: not a time HH:MM (00:00-23:59)'],
    [{ rules: [{ days: ['mon'], from: '08:00', to: '18:60' }] }, 'rules.0.to: not a time HH:MM (00:00-24:00)'],
    [{ rules: [{ days: ['mon'], from: '08:00', to: '24:01' }] }, 'rules.0.to: not a time HH:MM (00:00-24:00)'],
    [{ rules: [valid.rules[0], { days: ['sat'], from: '09:00', to: '09:00' }] }, 'rules.1.to: same as from'],
  ])('names the field of %j', (change, reason) => {
    const result = parseWorkingHoursSchedule({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('minutesOfDay', () => {
  it('counts minutes since midnight, with 24:00 as the end of the day', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('08:30')).toBe(510);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(minutesOfDay('24:00')).toBe(1440);
  });
});
