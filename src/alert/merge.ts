/**
 * Storing an alert whose fingerprint is already known (Alertmanager's
 * provider Put + Alert.Merge): the two are merged only when their active
 * ranges overlap; otherwise the incoming alert replaces the stored one.
 */
import { isResolvedAt, type Alert } from './types.js';

/** The alert to store when `incoming` arrives and `stored` (same fingerprint) may exist. */
export function mergeIncoming(stored: Alert | undefined, incoming: Alert, now: number): Alert {
  if (!stored) return incoming;
  const overlaps =
    (incoming.endsAt > stored.startsAt && incoming.endsAt < stored.endsAt) ||
    (incoming.startsAt > stored.startsAt && incoming.startsAt < stored.endsAt);
  return overlaps ? mergeAlerts(stored, incoming, now) : incoming;
}

/**
 * Merges two versions of one alert: the younger (by updatedAt) wins, but the
 * earliest startsAt is kept, and an older endsAt wins when it is later and
 * either both are resolved or it was explicit (not a resolve_timeout default).
 */
export function mergeAlerts(a: Alert, b: Alert, now: number): Alert {
  const [older, younger] = b.updatedAt < a.updatedAt ? [b, a] : [a, b];
  let endsAt = younger.endsAt;
  if (isResolvedAt(younger, now)) {
    if (isResolvedAt(older, now) && older.endsAt > younger.endsAt) endsAt = older.endsAt;
  } else if (older.endsAt > younger.endsAt && !older.timeout) {
    endsAt = older.endsAt;
  }
  return { ...younger, startsAt: Math.min(older.startsAt, younger.startsAt), endsAt };
}
