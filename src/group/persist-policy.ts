/**
 * When a received alert must be written to storage. Prometheus re-sends every
 * firing alert every minute with endsAt moved forward; writing each re-send
 * would cost a storage write per alert per minute for nothing. The stored copy
 * only has to be good enough to survive a restart: its content must be
 * current, and its endsAt must not lapse before the next re-send arrives.
 */
import type { Alert } from '../alert/types.js';

/** A stored endsAt this close to now is refreshed (Prometheus re-sends every minute). */
export const ENDS_AT_REFRESH_MARGIN_MS = 2 * 60_000;

/** Whether `next` (the merged alert) has to be written, given what is stored. */
export function mustPersistAlert(previous: Alert | undefined, next: Alert, storedEndsAt: number | undefined, now: number): boolean {
  if (!previous || storedEndsAt === undefined) return true;
  if (contentChanged(previous, next)) return true;
  // Resolving (an earlier endsAt) is always written at once.
  if (next.endsAt < storedEndsAt) return true;
  return next.endsAt > storedEndsAt && storedEndsAt < now + ENDS_AT_REFRESH_MARGIN_MS;
}

function contentChanged(a: Alert, b: Alert): boolean {
  return (
    a.startsAt !== b.startsAt ||
    a.timeout !== b.timeout ||
    a.generatorURL !== b.generatorURL ||
    !sameStrings(a.annotations, b.annotations)
  );
}

function sameStrings(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
