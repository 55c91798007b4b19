/**
 * Who one rotation (a schedule layer) puts on call at an instant, with its
 * restrictions applied, and the stretch around that instant for which it
 * holds. Consecutive shifts of the same person are one stretch (a rotation
 * of one participant is a single stretch from its start on). Restrictions
 * are scanned at most RESTRICTION_SCAN_MS either side of the instant: a
 * longer stretch is reported cut there, and the caller asks again from the
 * cut (who.ts joins the pieces).
 */
import type { Rotation } from '../config/oncall-types.js';
import { DAY_MS } from './local-time.js';
import { restrictionWindow } from './restriction-window.js';
import { handoffInstant, shiftAt, type Shift } from './shift.js';

/** How far restrictions are scanned either side of an instant: a week and a day, so any weekly pattern is seen whole. */
export const RESTRICTION_SCAN_MS = 8 * DAY_MS;

/** Which ends of the stretch a caller needs: walking forward it only needs the end, walking back only the start. */
export const SCAN_DIRECTIONS = ['both', 'back', 'ahead'] as const;
export type ScanDirection = (typeof SCAN_DIRECTIONS)[number];

/** What one rotation contributes at an instant. */
export interface RotationState {
  /** The participant on call (index into participants), or null: before the start, or outside the restrictions. */
  readonly index: number | null;
  /** The stretch [start, end) around the instant during which `index` holds (see the module header for cuts). */
  readonly start: number;
  readonly end: number;
}

/**
 * Who `rotation` has on call at `at`, in a schedule whose zone is `timeZone`.
 * With `direction` 'ahead' (or 'back'), restrictions are not scanned before
 * (after) `at`: the stretch then starts at `at` (ends just after it).
 */
export function rotationAt(rotation: Rotation, timeZone: string, at: number, direction: ScanDirection = 'both'): RotationState {
  const shift = shiftAt(rotation, timeZone, at);
  if (!shift) return { index: null, start: Number.NEGATIVE_INFINITY, end: handoffInstant(rotation, timeZone, 0) };
  const stretch = samePersonStretch(rotation, timeZone, shift);
  if (!rotation.restrictions) return { index: shift.index, ...stretch };
  const lo = direction === 'ahead' ? at : Math.max(at - RESTRICTION_SCAN_MS, handoffInstant(rotation, timeZone, 0));
  const hi = direction === 'back' ? at + 1 : at + RESTRICTION_SCAN_MS;
  const window = restrictionWindow(rotation.restrictions, at, lo, hi);
  if (!window.inside) return { index: null, start: window.from, end: window.until };
  return { index: shift.index, start: Math.max(window.from, stretch.start), end: Math.min(window.until, stretch.end) };
}

/** From the first to the last of the consecutive shifts around `shift` that belong to the same person. */
function samePersonStretch(rotation: Rotation, timeZone: string, shift: Shift): { start: number; end: number } {
  const { participants } = rotation;
  const person = participants[shift.index];
  if (participants.every((p) => p === person)) return { start: handoffInstant(rotation, timeZone, 0), end: Number.POSITIVE_INFINITY };
  // Someone else comes within n shifts either way (or the rotation's start does).
  let first = shift.number;
  while (first > 0 && participants[(first - 1) % participants.length] === person) first--;
  let last = shift.number;
  while (participants[(last + 1) % participants.length] === person) last++;
  return {
    start: first === shift.number ? shift.start : handoffInstant(rotation, timeZone, first),
    end: last === shift.number ? shift.end : handoffInstant(rotation, timeZone, last + 1),
  };
}
