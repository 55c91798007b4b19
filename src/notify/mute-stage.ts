/**
 * The muting stages of a flush, in Alertmanager's order: inhibition, then
 * silences. Muted alerts are removed before dedup, so they neither notify nor
 * change the notification log. (Time intervals mute a whole route at a time:
 * see `routeMuted`.)
 */
import type { Inhibitor } from '../inhibit/inhibitor.js';
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
