/**
 * Every metric edgealert exposes, with Alertmanager's names where the meaning
 * is the same, so existing dashboards and alerts keep working.
 */

export const METRIC_TYPES = ['counter', 'gauge'] as const;
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
  { name: 'alertmanager_notifications_total', type: 'counter', help: 'The total number of attempted notifications.' },
  { name: 'alertmanager_notifications_failed_total', type: 'counter', help: 'The total number of failed notifications.' },
  { name: 'edgealert_template_errors_total', type: 'counter', help: 'Templated notification fields that failed to render and were sent as "template error: ..." instead.' },
  { name: 'edgealert_edge_dedup_total', type: 'counter', help: 'Upstream webhook deliveries by edge dedup result (hit: answered at the edge without a Durable Object call).' },
] as const satisfies readonly MetricFamily[];

export type MetricName = (typeof FAMILIES)[number]['name'];
