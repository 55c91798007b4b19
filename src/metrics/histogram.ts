/**
 * Histograms as plain counter series (`name_bucket{le}`, `name_sum`,
 * `name_count`), so they merge across isolates and shards exactly as
 * counters do (`mergeCounters`) and travel over RPC and into storage unchanged.
 * Buckets are cumulative, as in Prometheus: an observation counts in every
 * bucket whose upper bound it does not exceed, and always in `+Inf`.
 */
import { increment, type CounterValues } from './counters.js';

/** A histogram's name and its buckets' upper bounds (seconds), ascending. */
export interface Histogram {
  readonly name: string;
  readonly buckets: readonly number[];
}

/** Prometheus' default buckets: 5 ms to 10 s. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Records one observation of `value` in the series of `labels`. */
export function observe(values: CounterValues, histogram: Histogram, labels: Readonly<Record<string, string>>, value: number): void {
  for (const le of histogram.buckets) increment(values, `${histogram.name}_bucket`, { ...labels, le: String(le) }, value <= le ? 1 : 0);
  increment(values, `${histogram.name}_bucket`, { ...labels, le: '+Inf' });
  increment(values, `${histogram.name}_sum`, labels, value);
  increment(values, `${histogram.name}_count`, labels);
}

/**
 * The series of a histogram family in exposition order: per label set, its
 * buckets by ascending bound, then `_sum`, then `_count`.
 */
export function histogramSeries(name: string, keys: readonly string[]): string[] {
  const parts = keys.flatMap((key) => {
    const match = new RegExp(`^${name}_(bucket|sum|count)(\\{.*\\})?$`).exec(key);
    if (!match) return [];
    const suffix = match[1] ?? '';
    const labels = match[2] ?? '';
    const le = /[{,]le="([^"]*)"/.exec(labels)?.[1];
    const base = labels.replace(/([{,])le="[^"]*",?/, '$1').replace(/,}$/, '}').replace(/^\{\}$/, '');
    const rank = suffix === 'bucket' ? 0 : suffix === 'sum' ? 1 : 2;
    return [{ key, base, rank, bound: le === undefined || le === '+Inf' ? Infinity : Number(le) }];
  });
  parts.sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : a.rank - b.rank || a.bound - b.bound));
  return parts.map((p) => p.key);
}
