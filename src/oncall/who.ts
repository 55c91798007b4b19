/**
 * Who a schedule has on call, for how long, and when that next changes
 * hands. Everything is searched within SEARCH_HORIZON_MS of the instant
 * asked about, so every call ends, whatever the schedule: an answer that
 * holds beyond the horizon is reported as starting or ending at it.
 */
import type { Schedule } from '../config/oncall-types.js';
import { DAY_MS } from './local-time.js';
import type { Override } from './override.js';
import { sameWho, segmentAt, type OnCallSource, type Segment } from './segment.js';

export type { OnCallSource } from './segment.js';

/** How far from the instant asked about answers and handoffs are searched: a year (leap or not). */
export const SEARCH_HORIZON_MS = 366 * DAY_MS;

/** Who is on call, why, and the stretch [from, until) around the instant asked about during which exactly this holds. */
export interface OnCallAnswer {
  readonly person: string;
  readonly source: OnCallSource;
  /** When this person started being on call from this source (at most SEARCH_HORIZON_MS back). */
  readonly from: number;
  /** When this stops holding: another person, nobody, or the same person from another source (at most SEARCH_HORIZON_MS ahead). */
  readonly until: number;
}

/** The on-call person changes at `at`: `from` was on call just before, `to` is from `at` on (null: nobody). */
export interface ScheduleHandoff {
  readonly at: number;
  readonly from: OnCallAnswer | null;
  readonly to: OnCallAnswer | null;
}

/**
 * Who `schedule` has on call at `at` (epoch ms); null when nobody is.
 * `overrides` may include other schedules' (they are ignored). `from` and
 * `until` account for every layer and override: a higher layer's
 * restriction window opening, or an override starting, ends the answer.
 */
export function onCallAt(schedule: Schedule, overrides: readonly Override[], at: number): OnCallAnswer | null {
  const own = ownOverrides(schedule, overrides);
  const segment = segmentAt(schedule, own, at);
  // Nobody has no stretch to report: nothing to search.
  if (segment.who === null) return null;
  const [run] = runsFrom(schedule, own, segment, at - SEARCH_HORIZON_MS, at + SEARCH_HORIZON_MS);
  return run ? answerOf(run) : null;
}

/**
 * The first `count` instants after `from` (exclusive) at which the on-call
 * person changes, within SEARCH_HORIZON_MS: fewer when there are not that
 * many. Only a change of person counts (nobody is a change too): an
 * override handing back to the rotation's same person is no handoff, since
 * nobody new needs telling. Answers' from/until are cut at the horizon.
 */
export function nextHandoffs(schedule: Schedule, overrides: readonly Override[], from: number, count: number): ScheduleHandoff[] {
  const handoffs: ScheduleHandoff[] = [];
  if (count <= 0) return handoffs;
  let previous: Segment | undefined;
  const own = ownOverrides(schedule, overrides);
  for (const run of runsFrom(schedule, own, segmentAt(schedule, own, from), from - SEARCH_HORIZON_MS, from + SEARCH_HORIZON_MS)) {
    if (previous && previous.who?.person !== run.who?.person) {
      handoffs.push({ at: run.from, from: answerOf(previous), to: answerOf(run) });
      if (handoffs.length === count) break;
    }
    previous = run;
  }
  return handoffs;
}

/**
 * Runs of one answer, in order: the run holding `first` (a segment), then
 * each following one, all cut to [lo, hi]. A run joins consecutive segments
 * with the same answer; the generator stops after the run that reaches `hi`.
 */
function* runsFrom(schedule: Schedule, overrides: readonly Override[], first: Segment, lo: number, hi: number): Generator<Segment> {
  let segment = first;
  let from = segment.from;
  // Nobody's stretch has no start to report: only a person's is looked back for.
  while (segment.who && from > lo) {
    const before = segmentAt(schedule, overrides, from - 1, 'back');
    if (!sameWho(before.who, segment.who)) break;
    from = before.from;
  }
  for (;;) {
    let until = segment.until;
    let next: Segment | undefined;
    while (until < hi && !next) {
      const after = segmentAt(schedule, overrides, until, 'ahead');
      if (sameWho(after.who, segment.who)) until = after.until;
      else next = after;
    }
    yield { who: segment.who, from: Math.max(from, lo), until: Math.min(until, hi) };
    if (!next) return;
    segment = next;
    from = until;
  }
}

function ownOverrides(schedule: Schedule, overrides: readonly Override[]): Override[] {
  return overrides.filter((o) => o.schedule === schedule.name);
}

function answerOf(run: Segment): OnCallAnswer | null {
  return run.who && { person: run.who.person, source: run.who.source, from: run.from, until: run.until };
}
