import { t } from '../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A message's age as the agent scans a thread: "now", "5 min", "3 h", "2 d". */
export function age(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return t('age_now');
  if (elapsed < HOUR) return t('age_minutes', String(Math.floor(elapsed / MINUTE)));
  if (elapsed < DAY) return t('age_hours', String(Math.floor(elapsed / HOUR)));
  return t('age_days', String(Math.floor(elapsed / DAY)));
}

/** Date.prototype.toLocaleString's own format, made once rather than for every time stamp it labels. */
const exactFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** The exact time, for a tooltip / datetime attribute. */
export function exactTime(at: number): string {
  return exactFormat.format(at);
}
