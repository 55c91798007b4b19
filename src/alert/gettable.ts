/**
 * Alerts as GET /api/v2/alerts returns them (Alertmanager's GettableAlert):
 * field order and time format as the real API, the receivers every route
 * gives, and the query parameters that filter them.
 */
import { sortedKeys } from '../notify/go-json.js';
import { matchesLabels } from '../matcher/index.js';
import type { Matcher } from '../matcher/types.js';
import type { Alert } from './types.js';

export const ALERT_STATES = ['unprocessed', 'active', 'suppressed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export interface AlertStatus {
  readonly state: AlertState;
  readonly silencedBy: readonly string[];
  readonly inhibitedBy: readonly string[];
}

/** The filters of GET /api/v2/alerts and /api/v2/alerts/groups. */
export interface AlertQuery {
  readonly active: boolean;
  readonly silenced: boolean;
  readonly inhibited: boolean;
  readonly unprocessed: boolean;
  readonly filter: readonly Matcher[];
  /** Anchored regex on receiver names; the alert passes when any of its receivers matches. */
  readonly receiver?: RegExp;
}

/** Whether an alert passes the query at `now` (resolved alerts never do). */
export function queryMatches(query: AlertQuery, alert: Alert, receivers: readonly string[], status: AlertStatus, now: number): boolean {
  if (query.receiver && !receivers.some((r) => query.receiver?.test(r))) return false;
  if (!matchesLabels(query.filter, alert.labels)) return false;
  if (alert.endsAt < now) return false;
  if (!query.active && status.state === 'active') return false;
  if (!query.unprocessed && status.state === 'unprocessed') return false;
  if (!query.silenced && status.silencedBy.length > 0) return false;
  if (!query.inhibited && status.inhibitedBy.length > 0) return false;
  return true;
}

/** The API representation of an alert. */
export function gettableAlert(alert: Alert, receivers: readonly string[], status: AlertStatus): Record<string, unknown> {
  return {
    annotations: sortedKeys(alert.annotations),
    endsAt: new Date(alert.endsAt).toISOString(),
    fingerprint: alert.fingerprint,
    receivers: receivers.map((name) => ({ name })),
    startsAt: new Date(alert.startsAt).toISOString(),
    status: { inhibitedBy: [...status.inhibitedBy], silencedBy: [...status.silencedBy], state: status.state },
    updatedAt: new Date(alert.updatedAt).toISOString(),
    ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}),
    labels: sortedKeys(alert.labels),
  };
}
