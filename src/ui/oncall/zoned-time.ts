/**
 * Times on the on-call page, on the wall clock of a schedule's time zone
 * (the zone its rotations are written in and the override form uses): an
 * instant as text and as a datetime-local value, and such a value back to
 * an instant, with the schedules' own rules for DST (local-time.ts).
 */
import { parseLocalDateTime } from '../../config/local-date-time.js';
import { clockZone, localToInstant } from '../../oncall/local-time.js';
import { wallClock } from '../../timeinterval/wall-clock.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A datetime-local value (`YYYY-MM-DDTHH:MM`, seconds ignored), its minute captured. */
const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/** `2040-01-02T09:00`: the datetime-local value showing `ms` in `timeZone`. */
export function localInputValue(ms: number, timeZone: string): string {
  const c = wallClock(clockZone(timeZone), ms);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(Math.floor(c.minuteOfDay / 60))}:${pad(c.minuteOfDay % 60)}`;
}

/** `Mon 2040-01-02 09:00`: `ms` on the wall clock of `timeZone`. */
export function zonedText(ms: number, timeZone: string): string {
  const weekday = WEEKDAYS[wallClock(clockZone(timeZone), ms).weekday] ?? '';
  return `${weekday} ${localInputValue(ms, timeZone).replace('T', ' ')}`;
}

/**
 * The instant a datetime-local value names in `timeZone`: a time inside a
 * spring-forward gap is the end of the gap, one that occurs twice its first
 * occurrence, as for rotation handoffs. Undefined when `text` is not such a
 * value or no such date exists.
 */
export function instantOfLocalInput(text: string, timeZone: string): number | undefined {
  const minute = LOCAL_INPUT.exec(text)?.[1];
  const local = minute === undefined ? undefined : parseLocalDateTime(minute);
  return local?.ok ? localToInstant(clockZone(timeZone), local.value) : undefined;
}
