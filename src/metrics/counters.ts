/**
 * Counters keyed by metric name and labels, mergeable across isolates and
 * shards: a plain object `{ 'name{l="v"}': n }` that travels over RPC.
 */

export type CounterValues = Record<string, number>;

/** The series key of a metric with labels, in exposition syntax (labels sorted). */
export function seriesKey(name: string, labels: Readonly<Record<string, string>> = {}): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${escapeLabelValue(labels[k] ?? '')}"`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`;
}

/** Adds `by` to a series. */
export function increment(values: CounterValues, name: string, labels?: Readonly<Record<string, string>>, by = 1): void {
  const key = seriesKey(name, labels);
  values[key] = (values[key] ?? 0) + by;
}

/** Sums several sets of counters into a new one. */
export function mergeCounters(...sets: readonly CounterValues[]): CounterValues {
  const total: CounterValues = {};
  for (const set of sets) for (const [key, value] of Object.entries(set)) total[key] = (total[key] ?? 0) + value;
  return total;
}

const NEEDS_ESCAPE = /[\\\n"]/;

/** The Prometheus text format's label value escaping. */
function escapeLabelValue(value: string): string {
  // Nearly every value needs none: one test instead of three replaces.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

