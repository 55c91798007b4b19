/**
 * Wall-clock times in a time zone, to instants and back, through Intl (the
 * only tz database a Worker has; see timeinterval/wall-clock.ts).
 * - A wall-clock time that does not exist (inside a spring-forward gap)
 *   resolves to the first instant after the gap: 02:30 on a day Berlin jumps
 *   from 02:00 to 03:00 is 03:00 CEST, the time a person would start.
 * - One that occurs twice (autumn) resolves to its first occurrence.
 * Offsets are whole minutes and change at most once within a day of any
 * instant asked about; both hold for every zone in use since 1970.
 */
import type { LocalDateTime } from '../config/oncall-types.js';
import { wallClock, type WallClock } from '../timeinterval/wall-clock.js';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The zone argument wallClock takes: undefined reads UTC without Intl. */
export function clockZone(timeZone: string | undefined): string | undefined {
  return timeZone === 'UTC' ? undefined : timeZone;
}

/** `instant` rounded down to its whole minute. */
export function floorToMinute(instant: number): number {
  return instant - (((instant % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
}

/** The zone's offset from UTC (east positive, ms) at a whole-minute `instant` whose wall clock is `clock`. */
export function offsetOf(clock: WallClock, instant: number): number {
  return civilMs(clock.year, clock.month, clock.day, clock.minuteOfDay) - instant;
}

/** The zone's offset from UTC (east positive, ms) at `instant`. */
export function utcOffset(zone: string | undefined, instant: number): number {
  const minute = floorToMinute(instant);
  return offsetOf(wallClock(zone, minute), minute);
}

/** The instant `local` names in `zone` (see the module header for gaps and repeats). */
export function localToInstant(zone: string | undefined, local: LocalDateTime): number {
  const asUtc = civilMs(local.year, local.month, local.day, local.hour * 60 + local.minute);
  const offsetBefore = utcOffset(zone, asUtc - DAY_MS);
  const offsetAfter = utcOffset(zone, asUtc + DAY_MS);
  // No change within a day either side (most of the year): nothing to check.
  if (offsetBefore === offsetAfter) return asUtc - offsetBefore;
  const matches = [asUtc - offsetBefore, asUtc - offsetAfter].filter((t) => t + utcOffset(zone, t) === asUtc);
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: read with the later offset the time is before the change, with
  // the earlier one after it; the change itself is the first instant after the gap.
  return offsetChange(zone, asUtc - offsetAfter, asUtc - offsetBefore);
}

/**
 * The whole-minute instant in (`lo`, `hi`] at which the zone's offset changes
 * to the one it has at `hi` (lo and hi whole minutes with different offsets).
 */
export function offsetChange(zone: string | undefined, lo: number, hi: number): number {
  const target = utcOffset(zone, hi);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (utcOffset(zone, mid) === target) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The same wall-clock time `days` calendar days later (earlier when negative). */
export function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(civilMs(local.year, local.month, local.day + days, 0));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: local.hour, minute: local.minute };
}

/** A calendar date and minute of day read as UTC, in epoch ms (days past the month's end roll over). */
function civilMs(year: number, month: number, day: number, minuteOfDay: number): number {
  const date = new Date(0);
  // setUTCFullYear, as Date.UTC maps years 0..99 to 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() + minuteOfDay * MINUTE_MS;
}
