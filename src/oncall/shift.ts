/**
 * Shifts of one rotation, restrictions aside. Handoff k (k = 0, 1, ...) is
 * the start of shift k; handoff 0 is the rotation's `start`, before which it
 * has nobody. A `length` of whole days keeps handoffs at the start's
 * wall-clock time in the schedule's zone, so a daily shift across a
 * spring-forward lasts 23 hours; any other length is elapsed time from the
 * start. Shift k belongs to participant k mod n.
 */
import type { Rotation } from '../config/oncall-types.js';
import { addDays, clockZone, DAY_MS, localToInstant } from './local-time.js';

/** One shift: handoff to handoff. */
export interface Shift {
  /** k: 0 for the shift beginning at the rotation's start. */
  readonly number: number;
  /** Index into the rotation's participants. */
  readonly index: number;
  readonly start: number;
  /** The next handoff (exclusive). */
  readonly end: number;
}

/** True when handoffs keep the wall-clock time (a whole number of days), false when they are elapsed time. */
export function keepsWallClock(rotation: Rotation): boolean {
  return rotation.length % DAY_MS === 0;
}

/** The instant of handoff `k` (0: the rotation's start) in the schedule's `timeZone`. */
export function handoffInstant(rotation: Rotation, timeZone: string, k: number): number {
  const zone = clockZone(timeZone);
  if (k === 0) return firstHandoff(rotation, zone);
  if (keepsWallClock(rotation)) return localToInstant(zone, addDays(rotation.start, (k * rotation.length) / DAY_MS));
  return firstHandoff(rotation, zone) + k * rotation.length;
}

// Every question about a rotation starts from its first handoff: it is read once per rotation.
const firstHandoffs = new WeakMap<Rotation, { zone: string | undefined; instant: number }>();

function firstHandoff(rotation: Rotation, zone: string | undefined): number {
  const known = firstHandoffs.get(rotation);
  if (known && known.zone === zone) return known.instant;
  const instant = localToInstant(zone, rotation.start);
  firstHandoffs.set(rotation, { zone, instant });
  return instant;
}

/** The shift holding `at` (restrictions ignored); null before the rotation's start. */
export function shiftAt(rotation: Rotation, timeZone: string, at: number): Shift | null {
  const first = handoffInstant(rotation, timeZone, 0);
  if (at < first) return null;
  // Counting elapsed lengths can be a shift off either way: a wall-clock
  // shift across a DST change is an hour shorter or longer than `length`.
  let shift = nthShift(rotation, timeZone, Math.floor((at - first) / rotation.length));
  while (shift.start > at) shift = nthShift(rotation, timeZone, shift.number - 1);
  while (shift.end <= at) shift = nthShift(rotation, timeZone, shift.number + 1);
  return shift;
}

function nthShift(rotation: Rotation, timeZone: string, k: number): Shift {
  return {
    number: k,
    index: k % rotation.participants.length,
    start: handoffInstant(rotation, timeZone, k),
    end: handoffInstant(rotation, timeZone, k + 1),
  };
}
