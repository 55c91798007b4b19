/**
 * The notice before a silence expires (edgealert's `silence_expiry_notice:
 * {receiver, before}`): `before` ahead of a silence's end, a SilenceExpiring
 * alert (labels `alertname="SilenceExpiring", silence_id=ID`; the creator,
 * comment, matchers and end as annotations) enters the pipeline and reaches
 * the receiver through its synthetic route. It resolves when the silence ends
 * (its endsAt is the silence's), or at once when the silence is expired early.
 */
import { fingerprint } from '../alert/fingerprint.js';
import type { Alert } from '../alert/types.js';
import { SILENCE_EXPIRING_ALERTNAME, type SilenceExpiryNotice } from '../config/heartbeat-types.js';
import { formatMatcher } from '../matcher/index.js';
import { toMatcher } from './silence-matchers.js';
import { silenceState, type Silence } from './types.js';

/** When the notice for `silence` is due. */
export function noticeAt(silence: Silence, notice: SilenceExpiryNotice): number {
  return Math.max(silence.startsAt, silence.endsAt - notice.before);
}

/** Active silences whose notice is due at `now` and not yet sent (`noticed` holds `id@endsAt`). */
export function dueNotices(silences: Iterable<Silence>, notice: SilenceExpiryNotice, noticed: ReadonlySet<string>, now: number): Silence[] {
  return [...silences].filter((s) => silenceState(s, now) === 'active' && noticeAt(s, notice) <= now && !noticed.has(noticeKey(s)));
}

/** The next notice due after `now`, if any. */
export function nextNoticeAt(silences: Iterable<Silence>, notice: SilenceExpiryNotice, noticed: ReadonlySet<string>, now: number): number | undefined {
  let next: number | undefined;
  for (const s of silences) {
    if (s.endsAt < now || noticed.has(noticeKey(s))) continue;
    const at = noticeAt(s, notice);
    if (next === undefined || at < next) next = at;
  }
  return next;
}

/** A notice is sent once per silence and end time: an extended silence gets a new one. */
export function noticeKey(silence: Silence): string {
  return `${silence.id}@${silence.endsAt}`;
}

/** The SilenceExpiring alert; `endsAt` is the silence's end, or `now` to resolve it. */
export function expiryNoticeAlert(silence: Silence, now: number, endsAt = silence.endsAt): Alert {
  const labels = { alertname: SILENCE_EXPIRING_ALERTNAME, silence_id: silence.id };
  const matchers = `{${silence.matchers.map((m) => formatMatcher(toMatcher(m))).join(', ')}}`;
  const ends = new Date(silence.endsAt).toISOString();
  return {
    fingerprint: fingerprint(labels),
    labels,
    annotations: {
      summary: `Silence ${silence.id} by ${silence.createdBy} expires at ${ends}`,
      created_by: silence.createdBy,
      comment: silence.comment,
      matchers,
      ends_at: ends,
    },
    startsAt: Math.min(now, silence.endsAt),
    endsAt,
    generatorURL: '',
    updatedAt: now,
    timeout: false,
  };
}
