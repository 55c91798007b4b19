/**
 * The gauges of a scrape, computed from what the shards, the Silences, the
 * Heartbeats and the OnCall objects hold right now: alerts by state,
 * silences by state, groups, heartbeats by state, incidents by state.
 */
import type { AlertStatus } from '../alert/gettable.js';
import { isResolvedAt, type Alert } from '../alert/types.js';
import type { ShardView } from '../group/shard-view.js';
import { HEARTBEAT_STATES, type HeartbeatState } from '../heartbeat/state.js';
import { INCIDENT_STATUSES, type IncidentStatus } from '../notify/notification.js';
import { silenceState, type Silence } from '../silence/types.js';
import { increment, type CounterValues } from './counters.js';

export function gauges(views: readonly ShardView[], silences: readonly Silence[], statusOf: (a: Alert) => AlertStatus, now: number): CounterValues {
  const values: CounterValues = {};
  for (const state of ['active', 'suppressed', 'unprocessed']) increment(values, 'alertmanager_alerts', { state }, 0);
  const seen = new Set<string>();
  for (const view of views) {
    for (const alert of view.alerts) {
      if (seen.has(alert.fingerprint) || isResolvedAt(alert, now)) continue;
      seen.add(alert.fingerprint);
      increment(values, 'alertmanager_alerts', { state: statusOf(alert).state });
    }
  }
  for (const state of ['active', 'pending', 'expired']) increment(values, 'alertmanager_silences', { state }, 0);
  for (const silence of silences) increment(values, 'alertmanager_silences', { state: silenceState(silence, now) });
  increment(values, 'alertmanager_dispatcher_aggregation_groups', {}, views.reduce((n, v) => n + v.groups.length, 0));
  return values;
}

/** Heartbeats by state; every state is present, 0 when none is in it. */
export function heartbeatGauges(heartbeats: readonly { readonly state: HeartbeatState }[]): CounterValues {
  const values: CounterValues = {};
  for (const state of HEARTBEAT_STATES) increment(values, 'edgealert_heartbeats', { state }, 0);
  for (const hb of heartbeats) increment(values, 'edgealert_heartbeats', { state: hb.state });
  return values;
}

/** Incidents by state from the OnCall object's counts; every state is present, 0 when none is in it or none was read. */
export function incidentGauges(counts: Readonly<Partial<Record<IncidentStatus, number>>>): CounterValues {
  const values: CounterValues = {};
  for (const state of INCIDENT_STATUSES) increment(values, 'edgealert_incidents', { state }, counts[state] ?? 0);
  return values;
}
