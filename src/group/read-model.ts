/**
 * The read API's view across shards: every alert once (the most recently
 * updated copy when several shards hold it), with its receivers and status,
 * and the aggregation groups with their alerts, sorted as Alertmanager does.
 */
import { gettableAlert, queryMatches, type AlertQuery, type AlertStatus } from '../alert/gettable.js';
import { labelSetBefore, labelSetsEqual } from '../alert/label-set.js';
import { sortAlerts } from '../alert/sort.js';
import type { Alert } from '../alert/types.js';
import type { Config } from '../config/types.js';
import { findRoute, matchRoutes } from '../route/match-routes.js';
import type { ShardView } from './shard-view.js';

/** How an alert's mute status is found (silences and inhibition plug in here). */
export type StatusOf = (alert: Alert) => AlertStatus;

function uniqueAlerts(views: readonly ShardView[]): Map<string, Alert> {
  const alerts = new Map<string, Alert>();
  for (const view of views) {
    for (const alert of view.alerts) {
      const seen = alerts.get(alert.fingerprint);
      if (!seen || seen.updatedAt < alert.updatedAt) alerts.set(alert.fingerprint, alert);
    }
  }
  return alerts;
}

/** GET /api/v2/alerts: matching alerts sorted by fingerprint. */
export function listAlerts(views: readonly ShardView[], config: Config, query: AlertQuery, statusOf: StatusOf, now: number) {
  const out: Record<string, unknown>[] = [];
  const sorted = [...uniqueAlerts(views).values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1));
  for (const alert of sorted) {
    const receivers = matchRoutes(config.route, alert.labels).map((r) => r.receiver);
    const status = statusOf(alert);
    if (queryMatches(query, alert, receivers, status, now)) out.push(gettableAlert(alert, receivers, status));
  }
  return out;
}

/** GET /api/v2/alerts/groups: groups with their matching alerts; empty groups left out. */
export function listAlertGroups(views: readonly ShardView[], config: Config, query: AlertQuery, statusOf: StatusOf, now: number) {
  const alerts = uniqueAlerts(views);
  const groups: { labels: Record<string, string>; receiver: string; alerts: Alert[] }[] = [];
  const receiversOf = new Map<string, string[]>();
  for (const view of views) {
    for (const group of view.groups) {
      const receiver = findRoute(config.route, group.routeId)?.receiver;
      if (receiver === undefined) continue;
      const members = group.fingerprints.flatMap((fp) => alerts.get(fp) ?? []);
      const kept = members.filter((a) => queryMatches(query, a, [receiver], statusOf(a), now));
      for (const a of kept) receiversOf.set(a.fingerprint, [...(receiversOf.get(a.fingerprint) ?? []), receiver]);
      if (kept.length > 0) groups.push({ labels: { ...group.labels }, receiver, alerts: sortAlerts(kept) });
    }
  }
  groups.sort((a, b) => compareGroups(a, b));
  return groups.map((g) => ({
    alerts: g.alerts.map((a) => gettableAlert(a, [...(receiversOf.get(a.fingerprint) ?? [])].sort(), statusOf(a))),
    labels: g.labels,
    receiver: { name: g.receiver },
  }));
}

function compareGroups(a: { labels: Record<string, string>; receiver: string }, b: typeof a): number {
  if (labelSetsEqual(a.labels, b.labels)) return a.receiver < b.receiver ? -1 : a.receiver > b.receiver ? 1 : 0;
  return labelSetBefore(a.labels, b.labels) ? -1 : 1;
}
