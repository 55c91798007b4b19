/**
 * The muting stages of a flush, in Alertmanager's order: inhibition, time
 * intervals (a whole route at a time), silences. Muted alerts are removed
 * before dedup, so they neither notify nor change the notification log.
 */
import type { Route } from '../config/types.js';
import type { Inhibitor } from '../inhibit/inhibitor.js';
import { isActiveAt } from '../timeinterval/contains.js';
import type { TimeIntervalSet } from '../timeinterval/types.js';
import { silenceMatches } from '../silence/silence-matchers.js';
import { silenceState, type Silence } from '../silence/types.js';
import type { NotifyAlert } from './notification.js';

export interface Muting {
  readonly inhibitor: Inhibitor;
  /** Every known silence; only the ones active at `now` mute. */
  readonly silences: readonly Silence[];
  readonly now: number;
}

/** The alerts that are neither inhibited nor silenced. */
export function unmutedAlerts(alerts: readonly NotifyAlert[], muting: Muting): NotifyAlert[] {
  const active = muting.silences.filter((s) => silenceState(s, muting.now) === 'active');
  return alerts.filter(
    (a) => muting.inhibitor.inhibitedBy(a.labels).length === 0 && !active.some((s) => silenceMatches(s.matchers, a.labels)),
  );
}

/** Ids of the active silences muting these labels, sorted (the API's silencedBy). */
export function silencedBy(silences: readonly Silence[], labels: Readonly<Record<string, string>>, now: number): string[] {
  return silences
    .filter((s) => silenceState(s, now) === 'active' && silenceMatches(s.matchers, labels))
    .map((s) => s.id)
    .sort();
}

/**
 * Whether a route's time intervals mute its whole flush at `now`: inside any
 * of its mute_time_intervals, or outside all of its active_time_intervals.
 */
export function mutedByTime(route: Route, intervals: TimeIntervalSet, now: number): boolean {
  if (route.activeTimeIntervals.length > 0 && !isActiveAt(intervals, route.activeTimeIntervals, now)) return true;
  return route.muteTimeIntervals.length > 0 && isActiveAt(intervals, route.muteTimeIntervals, now);
}

export const SUPPRESSION_REASONS = ['inhibited', 'silenced', 'time_interval'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * Why each muted alert of a flush was muted, in stage order (a route muted by
 * time mutes all of them; otherwise inhibition is checked before silences).
 */
export function suppressionReasons(alerts: readonly NotifyAlert[], muting: Muting, timeMuted: boolean): SuppressionReason[] {
  if (timeMuted) return alerts.map(() => 'time_interval');
  const active = muting.silences.filter((s) => silenceState(s, muting.now) === 'active');
  return alerts.flatMap((a): SuppressionReason[] => {
    if (muting.inhibitor.inhibitedBy(a.labels).length > 0) return ['inhibited'];
    return active.some((s) => silenceMatches(s.matchers, a.labels)) ? ['silenced'] : [];
  });
}
