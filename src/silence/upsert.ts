/**
 * Creating, updating and expiring silences with Alertmanager's rules. Every
 * check runs before anything changes, so a refused request changes nothing.
 * Returns the silences to store (an update that cannot happen in place
 * expires the old silence and creates a new one with a new id).
 */
import { MAX_SILENCE_BYTES, MAX_SILENCES } from '../limits.js';
import { err, ok, type Result } from '../util/result.js';
import type { PostableSilence } from './postable.js';
import { validateSilenceMatchers } from './silence-matchers.js';
import { silenceState, type Silence } from './types.js';

export { MAX_SILENCE_BYTES };

export interface SilenceRejection {
  readonly status: 400 | 404;
  readonly message: string;
}

export interface SilenceChange {
  /** The id the client gets back. */
  readonly id: string;
  /** Silences to write (new, updated or expired). */
  readonly writes: readonly Silence[];
}

/** Applies POST /api/v2/silences to the current silences. */
export function upsertSilence(
  existing: ReadonlyMap<string, Silence>,
  posted: PostableSilence,
  now: number,
  newId: () => string,
  maxSilences = MAX_SILENCES,
): Result<SilenceChange, SilenceRejection> {
  if (posted.startsAt >= posted.endsAt) return reject(400, 'Failed to create silence: start time must be before end time');
  if (posted.endsAt < now) return reject(400, "Failed to create silence: end time can't be in the past");
  const matchers = validateSilenceMatchers(posted.matchers);
  if (!matchers.ok) return reject(400, `silence invalid: ${matchers.error}`);

  const candidate: Silence = {
    id: posted.id ?? '',
    matchers: posted.matchers,
    startsAt: posted.startsAt,
    endsAt: posted.endsAt,
    updatedAt: now,
    createdBy: posted.createdBy,
    comment: posted.comment,
  };
  const size = new TextEncoder().encode(JSON.stringify(candidate)).byteLength;
  if (size > MAX_SILENCE_BYTES) return reject(400, `silence is too large: ${size} bytes, the limit is ${MAX_SILENCE_BYTES}`);
  const previous = posted.id ? existing.get(posted.id) : undefined;
  if (posted.id && !previous) return reject(404, `silence ${posted.id} not found`);
  if (previous && canUpdateInPlace(previous, candidate, now)) return ok({ id: previous.id, writes: [candidate] });

  // Alertmanager's --silences.max-silences: only a silence that adds one to the store counts.
  if (existing.size + 1 > maxSilences) return reject(400, `exceeded maximum number of silences: ${existing.size} (limit: ${maxSilences})`);
  const created: Silence = { ...candidate, id: newId(), startsAt: Math.max(candidate.startsAt, now) };
  const expired = previous && silenceState(previous, now) !== 'expired' ? [expiredAt(previous, now)] : [];
  return ok({ id: created.id, writes: [...expired, created] });
}

/** DELETE /api/v2/silence/{id}: ends it now (a pending one never starts); already expired is a no-op. */
export function expireSilence(existing: ReadonlyMap<string, Silence>, id: string, now: number): Result<Silence | undefined, SilenceRejection> {
  const silence = existing.get(id);
  if (!silence) return reject(404, `silence ${id} not found`);
  if (silenceState(silence, now) === 'expired') return ok(undefined);
  return ok(expiredAt(silence, now));
}

function expiredAt(silence: Silence, now: number): Silence {
  const pending = silenceState(silence, now) === 'pending';
  return { ...silence, startsAt: pending ? now : silence.startsAt, endsAt: now, updatedAt: now };
}

/**
 * Alertmanager's canUpdate: same matchers, and either active with the same
 * start (to the second) and an end not in the past, or pending starting not
 * in the past.
 */
function canUpdateInPlace(previous: Silence, next: Silence, now: number): boolean {
  if (JSON.stringify(previous.matchers) !== JSON.stringify(next.matchers)) return false;
  switch (silenceState(previous, now)) {
    case 'active':
      return Math.floor(previous.startsAt / 1000) === Math.floor(next.startsAt / 1000) && next.endsAt >= now;
    case 'pending':
      return next.startsAt >= now;
    case 'expired':
      return false;
  }
}

function reject(status: 400 | 404, message: string): Result<never, SilenceRejection> {
  return err({ status, message });
}
