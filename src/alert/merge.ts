/**
 * Storing an alert whose fingerprint is already known (Alertmanager's
 * provider Put + Alert.Merge): the two are merged only when their active
 * ranges overlap; otherwise the incoming alert replaces the stored one.
 */
import { isResolvedAt, type Alert } from './types.js';

/**
 * The alert to store when `incoming` arrives and `stored` (same fingerprint)
 * may exist. One edgealert rule on top of Alertmanager's: an alert sent
 * without an end (a timeout alert, as an upstream Alertmanager's webhook sends
 * firing alerts) never re-opens an explicitly resolved alert of the same
 * episode (same or earlier startsAt): it is a stale retry that arrived after
 * the resolution, and would otherwise page again.
 */
export function mergeIncoming(stored: Alert | undefined, incoming: Alert, now: number): Alert {
  if (!stored) return incoming;
  if (isStaleReopen(stored, incoming, now)) return stored;
  const overlaps =
    (incoming.endsAt > stored.startsAt && incoming.endsAt < stored.endsAt) ||
    (incoming.startsAt > stored.startsAt && incoming.startsAt < stored.endsAt);
  // While the stored alert still fires, re-sends are the same incident: the
  // trace of the request that first sent it follows it to its notifications.
  const traceId = stored.traceId !== undefined && !isResolvedAt(stored, now) ? stored.traceId : undefined;
  if (overlaps) return mergeAlerts(stored, incoming, now, traceId);
  return traceId === undefined || incoming.traceId === traceId ? incoming : { ...incoming, traceId };
}

/**
 * Merges two versions of one alert: the younger (by updatedAt) wins, but the
 * earliest startsAt is kept, and an older endsAt wins when it is later and
 * either both are resolved or it was explicit (not a resolve_timeout default).
 * The result carries `traceId` when given (else the younger's), so that
 * merging makes one new object (every re-send of every push is merged).
 */
export function mergeAlerts(a: Alert, b: Alert, now: number, traceId?: string): Alert {
  const [older, younger] = b.updatedAt < a.updatedAt ? [b, a] : [a, b];
  let endsAt = younger.endsAt;
  if (isResolvedAt(younger, now)) {
    if (isResolvedAt(older, now) && older.endsAt > younger.endsAt) endsAt = older.endsAt;
  } else if (older.endsAt > younger.endsAt && !older.timeout) {
    endsAt = older.endsAt;
  }
  const merged: { -readonly [K in keyof Alert]: Alert[K] } = { ...younger, startsAt: Math.min(older.startsAt, younger.startsAt), endsAt };
  if (traceId !== undefined) merged.traceId = traceId;
  return merged;
}

function isStaleReopen(stored: Alert, incoming: Alert, now: number): boolean {
  return incoming.timeout && !stored.timeout && isResolvedAt(stored, now) && incoming.startsAt <= stored.startsAt;
}
