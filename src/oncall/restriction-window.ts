/**
 * The stretch around an instant during which a rotation's restrictions stay
 * inside (or outside). Whether an interval holds an instant depends only on
 * the wall-clock minute, day, weekday, month and year in its location, so it
 * can only change where the wall clock reaches one of the interval's
 * `times` boundaries or midnight, or jumps (a DST change). The scan steps
 * from one such candidate to the next (a few per day) instead of minute by
 * minute, and stops at the bounds it is given.
 */
import type { TimeInterval } from '../timeinterval/types.js';
import { intervalContains } from '../timeinterval/contains.js';
import { wallClock } from '../timeinterval/wall-clock.js';
import { floorToMinute, MINUTE_MS, offsetChange, offsetOf, utcOffset } from './local-time.js';

const MINUTES_PER_DAY = 1440;

/** Inside or outside the restrictions, and from when until when (within the bounds scanned). */
export interface RestrictionWindow {
  readonly inside: boolean;
  /** Where it last changed, or `lo` if it did not change after `lo`. */
  readonly from: number;
  /** Where it next changes (exclusive), or `hi` if it does not change before `hi`. */
  readonly until: number;
}

/** True when any of `restrictions` holds `at`. */
export function insideRestrictions(restrictions: readonly TimeInterval[], at: number): boolean {
  return restrictions.some((interval) => intervalContains(interval, at));
}

/** The window around `at` (lo <= at < hi) in which `restrictions` keep holding, or keep not holding, `at`. */
export function restrictionWindow(restrictions: readonly TimeInterval[], at: number, lo: number, hi: number): RestrictionWindow {
  const inside = insideRestrictions(restrictions, at);
  let until = at;
  do until = Math.min(...restrictions.map((r) => nextCandidate(r, until)));
  while (until < hi && insideRestrictions(restrictions, until) === inside);
  let from = at;
  for (;;) {
    from = Math.max(...restrictions.map((r) => lastCandidate(r, from)));
    if (from <= lo || insideRestrictions(restrictions, from - 1) !== inside) break;
    from -= 1;
  }
  return { inside, from: Math.max(from, lo), until: Math.min(until, hi) };
}

/** The first instant after `t` at which `interval` may stop or start holding. */
function nextCandidate(interval: TimeInterval, t: number): number {
  const minute = floorToMinute(t);
  const clock = wallClock(interval.location, minute);
  const boundary = boundaryMinutes(interval).find((m) => m > clock.minuteOfDay) ?? MINUTES_PER_DAY;
  const candidate = minute + (boundary - clock.minuteOfDay) * MINUTE_MS;
  return sameOffsetOrChange(interval.location, minute, offsetOf(clock, minute), candidate);
}

/** The last instant at or before `t` at which `interval` may have stopped or started holding. */
function lastCandidate(interval: TimeInterval, t: number): number {
  const minute = floorToMinute(t);
  const clock = wallClock(interval.location, minute);
  const boundary = boundaryMinutes(interval).findLast((m) => m <= clock.minuteOfDay) ?? 0;
  const candidate = minute - (clock.minuteOfDay - boundary) * MINUTE_MS;
  return sameOffsetOrChange(interval.location, minute, offsetOf(clock, minute), candidate);
}

// Counting minutes to the boundary assumes the offset stays put; where it
// changes between `minute` and `candidate`, the wall clock jumps there, and
// that jump is the candidate instead.
function sameOffsetOrChange(zone: string | undefined, minute: number, offset: number, candidate: number): number {
  if (utcOffset(zone, candidate) === offset) return candidate;
  return offsetChange(zone, Math.min(minute, candidate), Math.max(minute, candidate));
}

const boundaryCache = new WeakMap<TimeInterval, readonly number[]>();

/** Minutes of the day where `times` ranges start or end, ascending; midnight (0) always. */
function boundaryMinutes(interval: TimeInterval): readonly number[] {
  let minutes = boundaryCache.get(interval);
  if (!minutes) {
    const all = [0, ...(interval.times ?? []).flatMap((r) => [r.startMinute, r.endMinute])].filter((m) => m < MINUTES_PER_DAY);
    minutes = [...new Set(all)].sort((a, b) => a - b);
    boundaryCache.set(interval, minutes);
  }
  return minutes;
}
