/**
 * edgealert's two silence options, applied after the muting stages of a
 * flush (both off by default, so a flush is exactly Alertmanager's):
 *
 * - `notify_on_silence_end`: an alert silenced at the group's previous flush
 *   that is firing and unmuted now makes this flush notify, even when the
 *   notification log says the receiver already knows it (Alertmanager waits
 *   for repeat_interval; alertmanager#2896, #3367). The group remembers which
 *   of its alerts were silenced at each flush.
 * - `send_resolved_when_silenced`: a resolved alert that the receiver was
 *   told is firing (it is in the notification log's firing set) is not
 *   muted by a silence, so its resolved notice goes out (alertmanager#226).
 *   Inhibition and time intervals still mute it.
 */
import type { Route } from '../config/types.js';
import { silenceMatches } from '../silence/silence-matchers.js';
import { silenceState } from '../silence/types.js';
import type { Muting } from './mute-stage.js';
import type { NotifyAlert } from './notification.js';

export interface SilenceOptionsInput {
  readonly route: Route;
  /** The group's alerts at the tick. */
  readonly snapshot: readonly NotifyAlert[];
  /** The snapshot after the muting stages. */
  readonly unmuted: readonly NotifyAlert[];
  readonly muting: Muting;
  /** The whole flush is muted by a time interval. */
  readonly timeMuted: boolean;
  /** Fingerprints the group remembered as silenced at its previous flush. */
  readonly silencedBefore: ReadonlySet<string>;
  /** Fingerprints logged as firing for any integration of the receiver (read only when needed). */
  readonly notifiedFiring: () => ReadonlySet<string>;
}

export interface SilenceOptionsResult {
  /** The alerts to notify about, in snapshot order. */
  readonly alerts: NotifyAlert[];
  /** Fingerprints to remember as silenced at this flush (notify_on_silence_end). */
  readonly silencedNow: ReadonlySet<string>;
  /** notify_on_silence_end: notify this flush whatever the notification log says. */
  readonly silenceEnded: boolean;
}

/** Applies the route's silence options to a flush. */
export function applySilenceOptions(input: SilenceOptionsInput): SilenceOptionsResult {
  const { route, snapshot, unmuted, muting } = input;
  if (input.timeMuted) return { alerts: [], silencedNow: input.silencedBefore, silenceEnded: false };
  const active = muting.silences.filter((s) => silenceState(s, muting.now) === 'active');
  const silenced = (a: NotifyAlert) => active.some((s) => silenceMatches(s.matchers, a.labels));
  const silencedNow = new Set(route.notifyOnSilenceEnd ? snapshot.filter((a) => a.status === 'firing' && silenced(a)).map((a) => a.fingerprint) : []);
  const silenceEnded = route.notifyOnSilenceEnd && unmuted.some((a) => a.status === 'firing' && input.silencedBefore.has(a.fingerprint));
  if (!route.sendResolvedWhenSilenced) return { alerts: [...unmuted], silencedNow, silenceEnded };
  const kept = new Set(unmuted.map((a) => a.fingerprint));
  const notified = input.notifiedFiring();
  for (const a of snapshot) {
    const resolvedUnderSilence = a.status === 'resolved' && !kept.has(a.fingerprint) && notified.has(a.fingerprint);
    if (resolvedUnderSilence && silenced(a) && muting.inhibitor.inhibitedBy(a.labels).length === 0) kept.add(a.fingerprint);
  }
  return { alerts: snapshot.filter((a) => kept.has(a.fingerprint)), silencedNow, silenceEnded };
}
