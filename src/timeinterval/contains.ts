/**
 * Whether an instant falls inside a time interval: Alertmanager's
 * TimeInterval.ContainsTime. The instant is read on the wall clock of the
 * interval's location (UTC if none); each field present must have a range
 * that holds it, and an empty list holds nothing.
 */
import type { InclusiveRange, TimeInterval, TimeIntervalSet } from './types.js';
import { wallClock, type WallClock } from './wall-clock.js';

/** True when `instantMs` (epoch milliseconds) lies in `interval`; `times` end exclusive, all other ranges inclusive. */
export function intervalContains(interval: TimeInterval, instantMs: number): boolean {
  const t = wallClock(interval.location, instantMs);
  return (
    anyOf(interval.times, (r) => t.minuteOfDay >= r.startMinute && t.minuteOfDay < r.endMinute) &&
    anyOf(interval.daysOfMonth, (r) => dayOfMonthIn(r, t)) &&
    anyOf(interval.months, (r) => within(t.month, r)) &&
    anyOf(interval.weekdays, (r) => within(t.weekday, r)) &&
    anyOf(interval.years, (r) => within(t.year, r))
  );
}

/**
 * True when any interval of any of `names` contains `instantMs`: a route's
 * `mute_time_intervals` mute at that instant, its `active_time_intervals`
 * let notifications through. A name missing from `named` is a bug (the
 * config loader checks that routes only name defined intervals) and throws,
 * as Alertmanager fails the notification with "time interval ... doesn't
 * exist in config".
 */
export function isActiveAt(named: TimeIntervalSet, names: readonly string[], instantMs: number): boolean {
  return names.some((name) => {
    const intervals = named.get(name);
    if (intervals === undefined) throw new Error(`time interval ${JSON.stringify(name)} doesn't exist in config`);
    return intervals.some((interval) => intervalContains(interval, instantMs));
  });
}

/** An absent field holds every time; a present one needs a range that holds it. */
function anyOf<T>(ranges: readonly T[] | undefined, holds: (range: T) => boolean): boolean {
  return ranges === undefined || ranges.some(holds);
}

function within(n: number, r: InclusiveRange): boolean {
  return n >= r.begin && n <= r.end;
}

// Negative days count back from this month's last day (-1 = last day).
// Days past the month's end simply never occur: `30:31` holds no day of
// February and `25:31` ends with its last day. (Alertmanager skips and clamps
// such ranges explicitly, with the same result.)
function dayOfMonthIn(r: InclusiveRange, t: WallClock): boolean {
  const begin = r.begin < 0 ? t.daysInMonth + r.begin + 1 : r.begin;
  const end = r.end < 0 ? t.daysInMonth + r.end + 1 : r.end;
  return t.day >= begin && t.day <= end;
}
