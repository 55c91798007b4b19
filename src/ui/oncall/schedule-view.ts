/**
 * What the on-call page shows of each schedule: who is on call now (every
 * layer and override counted, as GET /api/v1/oncall answers), the next
 * handoffs, and the schedule's overrides, each current, upcoming or ended.
 */
import type { OnCallConfig, Schedule } from '../../config/oncall-types.js';
import { nextHandoffs, onCallAt, type OnCallAnswer, type ScheduleHandoff } from '../../oncall/index.js';
import type { Override } from '../../oncall/override.js';

/** Handoffs listed per schedule. */
export const HANDOFFS_SHOWN = 5;

export interface ScheduleView {
  readonly schedule: Schedule;
  /** Null: nobody is on call. */
  readonly onCall: OnCallAnswer | null;
  readonly handoffs: readonly ScheduleHandoff[];
  /** This schedule's overrides, by start. */
  readonly overrides: readonly Override[];
}

export const OVERRIDE_STATES = ['current', 'upcoming', 'ended'] as const;
export type OverrideState = (typeof OVERRIDE_STATES)[number];

/** Every schedule of the config at `now`, in config order. */
export function scheduleViews(oncall: OnCallConfig, overrides: readonly Override[], now: number): ScheduleView[] {
  return [...oncall.schedules.values()].map((schedule) => {
    const own = overrides.filter((o) => o.schedule === schedule.name).sort((a, b) => a.start - b.start);
    return { schedule, onCall: onCallAt(schedule, own, now), handoffs: nextHandoffs(schedule, own, now, HANDOFFS_SHOWN), overrides: own };
  });
}

/** Whether an override holds at `now`, is still to come, or is over (its end is exclusive). */
export function overrideState(override: Override, now: number): OverrideState {
  if (override.end <= now) return 'ended';
  return override.start <= now ? 'current' : 'upcoming';
}
