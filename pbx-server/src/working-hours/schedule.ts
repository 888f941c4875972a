import { z } from 'zod';

/*
 * A DID's working hours as operators configure them: an IANA time zone and rules such as
 * "mon-fri 08:00-18:00" plus "sat 10:00-15:00". Validate configuration with parseWorkingHoursSchedule
 * once (at load or when an admin saves it) and hand the result to isWithinWorkingHours.
 *
 * Times are wall-clock times in the schedule's zone. `from` is inclusive and `to` exclusive;
 * `to` may be "24:00" for "until midnight". A rule whose `to` is earlier than its `from`
 * (22:00-06:00) is an overnight shift: it starts on each listed day and ends on the next.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const startTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time HH:MM (00:00-23:59)');
const endTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'not a time HH:MM (00:00-24:00)');

const timeZone = z.string().transform((name, ctx) => {
  try {
    // Intl is the authority on which zones exist; it also gives the canonical spelling
    // ("america/new_york" -> "America/New_York").
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    ctx.addIssue({ code: 'custom', message: `unknown IANA time zone "${name}"` });
    return z.NEVER;
  }
});

export const workingHoursRuleSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1, 'no days'),
    from: startTime,
    to: endTime,
  })
  // Equal times would mean either nothing or all day; make the operator say which.
  .refine((rule) => rule.from !== rule.to, { path: ['to'], message: 'same as from' });

export const workingHoursScheduleSchema = z.object({
  timeZone,
  // "Never open" is better expressed by routing everything out-of-hours than by an empty schedule,
  // so an empty rule list is treated as the configuration mistake it usually is.
  rules: z.array(workingHoursRuleSchema).min(1, 'no rules'),
});

export type WorkingHoursRule = z.output<typeof workingHoursRuleSchema>;
export type WorkingHoursSchedule = z.output<typeof workingHoursScheduleSchema>;

export type ScheduleResult = { ok: true; value: WorkingHoursSchedule } | { ok: false; reason: string };

export function parseWorkingHoursSchedule(input: unknown): ScheduleResult {
  const parsed = workingHoursScheduleSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'schedule'}: ${i.message}`).join('; ') };
}

/** "HH:MM" (already validated) to minutes since midnight; "24:00" is 1440. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
