/**
 * Silences as GET /api/v2/silences returns them: Alertmanager's fields,
 * order (active by end, then pending by start, then expired newest first)
 * and `filter=` semantics (each filter matcher must appear in the silence).
 */
import type { Matcher } from '../matcher/types.js';
import { toMatcher } from './silence-matchers.js';
import { silenceState, type Silence, type SilenceState } from './types.js';

const STATE_ORDER: Record<SilenceState, number> = { active: 1, pending: 2, expired: 3 };

/** The API representation of a silence at `now`. */
export function gettableSilence(silence: Silence, now: number) {
  return {
    id: silence.id,
    status: { state: silenceState(silence, now) },
    updatedAt: new Date(silence.updatedAt).toISOString(),
    comment: silence.comment,
    createdBy: silence.createdBy,
    endsAt: new Date(silence.endsAt).toISOString(),
    matchers: silence.matchers.map((m) => ({ isEqual: m.isEqual, isRegex: m.isRegex, name: m.name, value: m.value })),
    startsAt: new Date(silence.startsAt).toISOString(),
  };
}

/** Whether every filter matcher is literally one of the silence's matchers. */
export function silenceMatchesFilter(silence: Silence, filter: readonly Matcher[]): boolean {
  const own = silence.matchers.map(toMatcher);
  return filter.every((f) => own.some((m) => m.name === f.name && m.type === f.type && m.value === f.value));
}

/** Sorts silences for listing, in place. */
export function sortSilences(silences: Silence[], now: number): Silence[] {
  return silences.sort((a, b) => {
    const sa = silenceState(a, now);
    const sb = silenceState(b, now);
    if (sa !== sb) return STATE_ORDER[sa] - STATE_ORDER[sb];
    if (sa === 'active') return a.endsAt - b.endsAt;
    if (sa === 'pending') return a.startsAt - b.startsAt;
    return b.endsAt - a.endsAt;
  });
}
