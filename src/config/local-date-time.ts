/**
 * `2026-01-05T09:00`: a wall-clock date and time, as a rotation's `start:`
 * is written and as the on-call page's override form sends it. No zod: the
 * Worker's UI parses form values with it, and the config schemas stay out
 * of the Worker bundle (they run at build time).
 */
import { err, ok, type Result } from '../util/result.js';
import type { LocalDateTime } from './oncall-types.js';

const LOCAL_DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Parses `YYYY-MM-DDTHH:MM`, checked against the calendar. */
export function parseLocalDateTime(text: string): Result<LocalDateTime> {
  const fields = LOCAL_DATE_TIME_RE.exec(text)?.slice(1).map(Number);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0] = fields ?? [];
  if (!fields) return err(`invalid start ${JSON.stringify(text)}: expected YYYY-MM-DDTHH:MM, a wall-clock time in the schedule's time_zone`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
    return err(`invalid start ${JSON.stringify(text)}: no such date and time`);
  }
  return ok({ year, month, day, hour, minute });
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}
