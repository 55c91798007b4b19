/**
 * One step of the schedule math: who a schedule has on call at an instant,
 * and a stretch around it in which nothing that decides it changes. An
 * override of the schedule wins over every layer (the latest created where
 * several hold); otherwise the highest layer with someone on call. The
 * stretch is where every input stays put, so it may be shorter than the
 * answer's (who.ts joins neighbouring segments with the same answer).
 */
import type { Schedule } from '../config/oncall-types.js';
import type { Override } from './override.js';
import { rotationAt, type ScanDirection } from './rotation.js';

/** Where an answer comes from: an override, or a rotation (layer 1 is the first, lowest, in `rotations`). */
export type OnCallSource =
  | { readonly kind: 'override'; readonly overrideId: string }
  | { readonly kind: 'rotation'; readonly rotation: string; readonly layer: number };

/** Who is on call and why; null when nobody is. */
export type OnCallWho = { readonly person: string; readonly source: OnCallSource } | null;

/** `who` holds throughout [from, until), which contains the instant asked about. */
export interface Segment {
  readonly who: OnCallWho;
  readonly from: number;
  readonly until: number;
}

/** The segment of `schedule` holding `at`; `overrides` must all be this schedule's. `direction`: see rotationAt. */
export function segmentAt(schedule: Schedule, overrides: readonly Override[], at: number, direction: ScanDirection = 'both'): Segment {
  let { from, until } = overrideBounds(overrides, at);
  const override = winningOverride(overrides, at);
  if (override) return { who: { person: override.person, source: { kind: 'override', overrideId: override.id } }, from, until };
  // Layers below the first one with someone on call cannot change the answer.
  for (let layer = schedule.rotations.length; layer >= 1; layer--) {
    const rotation = schedule.rotations[layer - 1]!;
    const state = rotationAt(rotation, schedule.timeZone, at, direction);
    from = Math.max(from, state.start);
    until = Math.min(until, state.end);
    if (state.index === null) continue;
    const person = rotation.participants[state.index]!;
    return { who: { person, source: { kind: 'rotation', rotation: rotation.name, layer } }, from, until };
  }
  return { who: null, from, until };
}

/** True when both say the same person from the same source (or both say nobody). */
export function sameWho(a: OnCallWho, b: OnCallWho): boolean {
  if (a === null || b === null) return a === b;
  if (a.person !== b.person || a.source.kind !== b.source.kind) return false;
  if (a.source.kind === 'override') return b.source.kind === 'override' && a.source.overrideId === b.source.overrideId;
  return b.source.kind === 'rotation' && a.source.layer === b.source.layer && a.source.rotation === b.source.rotation;
}

/** The override on call at `at`: of those holding it, the latest created (ties: the greatest id, so the choice is stable). */
function winningOverride(overrides: readonly Override[], at: number): Override | undefined {
  let winner: Override | undefined;
  for (const o of overrides) {
    if (o.start > at || o.end <= at) continue;
    if (!winner || o.createdAt > winner.createdAt || (o.createdAt === winner.createdAt && o.id > winner.id)) winner = o;
  }
  return winner;
}

/** The nearest override start or end at or before `at` (from) and after it (until). */
function overrideBounds(overrides: readonly Override[], at: number): { from: number; until: number } {
  let from = Number.NEGATIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (const o of overrides) {
    for (const t of [o.start, o.end]) {
      if (t <= at) from = Math.max(from, t);
      else until = Math.min(until, t);
    }
  }
  return { from, until };
}
