import type { Weekday } from './schedule';

/*
 * The weekday and time of day an instant shows on a clock in a given IANA zone. Intl does the zone
 * arithmetic (with the tz database bundled in Node's ICU), so DST and historical offsets are right
 * without a tz library, and nothing here reads the machine's own zone: the answer is the same
 * whatever TZ the server runs with.
 */

export type WallClock = { weekday: Weekday; minuteOfDay: number };

const WEEKDAY_BY_SHORT_NAME: Readonly<Record<string, Weekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

// Building a DateTimeFormat is far costlier than using one, and a server asks about few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      // h23, not hour12:false, which renders midnight as "24" in some ICU versions.
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError('wallClockAt: invalid Date');
  let weekday: Weekday | undefined;
  let hour = NaN;
  let minute = NaN;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'weekday') weekday = WEEKDAY_BY_SHORT_NAME[part.value];
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  if (!weekday || Number.isNaN(hour) || Number.isNaN(minute)) throw new Error(`wallClockAt: unexpected Intl output for ${timeZone}`);
  return { weekday, minuteOfDay: hour * 60 + minute };
}
