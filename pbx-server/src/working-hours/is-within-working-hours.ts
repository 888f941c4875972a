import { minutesOfDay, WEEKDAYS, type Weekday, type WorkingHoursRule, type WorkingHoursSchedule } from './schedule';
import { wallClockAt, type WallClock } from './wall-clock';

/*
 * Is a DID open at this instant? Used by inbound routing to choose between the working-hours and the
 * out-of-hours route (e.g. a bot that answers only when the agents have gone home).
 *
 * The rules are read as a wall clock in the schedule's zone, so on DST change days a window keeps its
 * printed times: 08:00-18:00 is nine real hours on spring-forward day, a window inside the skipped
 * hour (02:00-03:00) never opens that day, and one inside the repeated hour is open both times round.
 */

export function isWithinWorkingHours(schedule: WorkingHoursSchedule, instant: Date): boolean {
  const now = wallClockAt(instant, schedule.timeZone);
  return schedule.rules.some((rule) => ruleCovers(rule, now));
}

function ruleCovers(rule: WorkingHoursRule, now: WallClock): boolean {
  const from = minutesOfDay(rule.from);
  const to = minutesOfDay(rule.to);
  if (from < to) return rule.days.includes(now.weekday) && now.minuteOfDay >= from && now.minuteOfDay < to;
  // Overnight: the evening part belongs to a listed day, the early-morning part to the day after one.
  const eveningOfListedDay = rule.days.includes(now.weekday) && now.minuteOfDay >= from;
  const morningAfterListedDay = rule.days.includes(dayBefore(now.weekday)) && now.minuteOfDay < to;
  return eveningOfListedDay || morningAfterListedDay;
}

function dayBefore(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + WEEKDAYS.length - 1) % WEEKDAYS.length]!;
}
