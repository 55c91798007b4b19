/**
 * Every metric edgealert exposes, with Alertmanager's names where the meaning
 * is the same, so existing dashboards and alerts keep working.
 */
import { DEFAULT_BUCKETS } from './histogram.js';

export const METRIC_TYPES = ['counter', 'gauge', 'histogram'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export interface MetricFamily {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
}

export const FAMILIES = [
  { name: 'alertmanager_alerts_received_total', type: 'counter', help: 'The total number of received alerts.' },
  { name: 'alertmanager_alerts_invalid_total', type: 'counter', help: 'The total number of received alerts that were invalid.' },
  { name: 'alertmanager_alerts', type: 'gauge', help: 'How many alerts by state.' },
  { name: 'alertmanager_silences', type: 'gauge', help: 'How many silences by state.' },
  { name: 'alertmanager_dispatcher_aggregation_groups', type: 'gauge', help: 'Number of active aggregation groups.' },
  { name: 'alertmanager_dispatcher_aggregation_group_limit_reached_total', type: 'counter', help: 'Number of times when dispatcher failed to create new aggregation group due to limit.' },
  { name: 'alertmanager_notifications_total', type: 'counter', help: 'The total number of attempted notifications.' },
  { name: 'alertmanager_notifications_failed_total', type: 'counter', help: 'The total number of failed notifications.' },
  { name: 'alertmanager_notifications_suppressed_total', type: 'counter', help: 'The total number of notifications suppressed, by reason (silenced, inhibited, muted by a time interval).' },
  { name: 'alertmanager_notification_latency_seconds', type: 'histogram', help: 'The latency of notification attempts in seconds.' },
  { name: 'edgealert_http_requests_total', type: 'counter', help: 'HTTP requests by route pattern, method and status.' },
  { name: 'edgealert_http_request_duration_seconds', type: 'histogram', help: 'HTTP request duration in seconds by route pattern and method.' },
  { name: 'edgealert_template_errors_total', type: 'counter', help: 'Templated notification fields that failed to render and were sent as "template error: ..." instead.' },
  { name: 'edgealert_edge_dedup_total', type: 'counter', help: 'Upstream webhook deliveries by edge dedup result (hit: answered at the edge without a Durable Object call).' },
  { name: 'edgealert_heartbeats', type: 'gauge', help: 'Heartbeats by state (waiting: never pinged, ok, missing).' },
  { name: 'edgealert_incidents', type: 'gauge', help: 'Incidents held by the OnCall object, by state (triggered, acknowledged, resolved: kept 30 days).' },
  { name: 'edgealert_escalation_steps_total', type: 'counter', help: 'Escalation steps fired, by escalation policy.' },
  { name: 'edgealert_pages_total', type: 'counter', help: 'Page attempts (incident pages, resolved notices and handoff notices) by integration and outcome (success, retry, failed).' },
  { name: 'edgealert_worker_requests_total', type: 'counter', help: 'Worker invocations by route class (alerts, webhook, heartbeat, metrics, health, read, write, unmatched, cron): billed as Worker requests.' },
  { name: 'edgealert_durable_object_requests_total', type: 'counter', help: 'Durable Object requests (RPC calls and alarm invocations) by class and method, counted by the object: billed as Durable Object requests.' },
  { name: 'edgealert_durable_object_rows_read_total', type: 'counter', help: 'SQLite rows read by the Durable Objects of a class (workerd cursor.rowsRead): billed as rows read.' },
  { name: 'edgealert_durable_object_rows_written_total', type: 'counter', help: 'SQLite rows written by the Durable Objects of a class (workerd cursor.rowsWritten, plus one per setAlarm): billed as rows written.' },
  { name: 'edgealert_kv_operations_total', type: 'counter', help: 'Workers KV operations by op (read, write): billed as KV reads and writes.' },
] as const satisfies readonly MetricFamily[];

export type MetricName = (typeof FAMILIES)[number]['name'];

/** The histograms among FAMILIES, with their buckets. */
export const NOTIFICATION_LATENCY = { name: 'alertmanager_notification_latency_seconds', buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 20, 30] } as const;
export const HTTP_REQUEST_DURATION = { name: 'edgealert_http_request_duration_seconds', buckets: DEFAULT_BUCKETS } as const;
