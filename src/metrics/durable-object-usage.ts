/**
 * What one Durable Object is billed for, as it counts it itself: requests
 * (RPC calls and alarm invocations, by method) and SQLite rows read and
 * written (workerd's own `rowsRead` / `rowsWritten` of every statement, plus
 * one row written per `setAlarm()`, which Cloudflare bills as a row:
 * https://developers.cloudflare.com/durable-objects/platform/pricing/).
 * Plain data, so it travels over RPC; turned into metric series here.
 */
import { increment, type CounterValues } from './counters.js';

/** The Durable Object classes of wrangler.toml, as the `class` label spells them. */
export const DURABLE_OBJECT_CLASSES = ['Dispatcher', 'Silences', 'Metrics', 'Heartbeats', 'OnCall'] as const;
export type DurableObjectClass = (typeof DURABLE_OBJECT_CLASSES)[number];

export interface DurableObjectUsage {
  /** Requests by method name (`alarm` for alarm invocations). */
  readonly requests: Readonly<Record<string, number>>;
  readonly rowsRead: number;
  readonly rowsWritten: number;
}

export const NO_USAGE: DurableObjectUsage = { requests: {}, rowsRead: 0, rowsWritten: 0 };

/**
 * The usage of an object of `className` as counter series:
 * `edgealert_durable_object_requests_total{class,method}` and the rows
 * read and written `{class}`, each with `labels` added (e.g. `shard`).
 */
export function usageSeries(className: DurableObjectClass, usage: DurableObjectUsage, labels: Readonly<Record<string, string>> = {}): CounterValues {
  const values: CounterValues = {};
  const base = { ...labels, class: className };
  for (const [method, n] of Object.entries(usage.requests)) increment(values, 'edgealert_durable_object_requests_total', { ...base, method }, n);
  increment(values, 'edgealert_durable_object_rows_read_total', base, usage.rowsRead);
  increment(values, 'edgealert_durable_object_rows_written_total', base, usage.rowsWritten);
  return values;
}
