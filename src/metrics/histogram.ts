/**
 * Histograms as plain counter series (`name_bucket{le}`, `name_sum`,
 * `name_count`), so they merge across isolates and shards exactly as
 * counters do (`mergeCounters`) and travel over RPC and into storage unchanged.
 * Buckets are cumulative, as in Prometheus: an observation counts in every
 * bucket whose upper bound it does not exceed, and always in `+Inf`.
 */
import { BoundedMemo } from '../util/bounded-memo.js';
import { seriesKey, type CounterValues } from './counters.js';

/** A histogram's name and its buckets' upper bounds (seconds), ascending. */
export interface Histogram {
  readonly name: string;
  readonly buckets: readonly number[];
}

/** Prometheus' default buckets: 5 ms to 10 s. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Records one observation of `value` in the series of `labels`. */
export function observe(values: CounterValues, histogram: Histogram, labels: Readonly<Record<string, string>>, value: number): void {
  const keys = seriesKeysOf(histogram, labels);
  for (const [le, key] of keys.buckets) add(values, key, value <= le ? 1 : 0);
  add(values, keys.inf, 1);
  add(values, keys.sum, value);
  add(values, keys.count, 1);
}

/** The series one observation adds to: each bucket's (by ascending bound, with it), `+Inf`'s, `_sum`'s and `_count`'s. */
interface HistogramSeriesKeys {
  readonly buckets: readonly (readonly [le: number, key: string])[];
  readonly inf: string;
  readonly sum: string;
  readonly count: string;
}

/**
 * The series keys of each histogram per label set, so that an observation
 * (one per HTTP request) builds one key instead of fourteen, each a sort and
 * escaping. Label sets are few (route pattern x method); the cache of a
 * histogram is emptied past 1,024 label sets all the same.
 */
const cachedSeriesKeys = new WeakMap<Histogram, BoundedMemo<HistogramSeriesKeys>>();

function seriesKeysOf(histogram: Histogram, labels: Readonly<Record<string, string>>): HistogramSeriesKeys {
  let byLabels = cachedSeriesKeys.get(histogram);
  if (!byLabels) cachedSeriesKeys.set(histogram, (byLabels = new BoundedMemo(1024)));
  const id = seriesKey('', labels);
  const known = byLabels.get(id);
  if (known) return known;
  const { name } = histogram;
  const keys: HistogramSeriesKeys = {
    buckets: histogram.buckets.map((le) => [le, seriesKey(`${name}_bucket`, { ...labels, le: String(le) })] as const),
    inf: seriesKey(`${name}_bucket`, { ...labels, le: '+Inf' }),
    sum: seriesKey(`${name}_sum`, labels),
    count: seriesKey(`${name}_count`, labels),
  };
  byLabels.set(id, keys);
  return keys;
}

function add(values: CounterValues, key: string, by: number): void {
  values[key] = (values[key] ?? 0) + by;
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
