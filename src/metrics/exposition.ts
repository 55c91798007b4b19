/**
 * Renders series in the Prometheus text exposition format (version 0.0.4):
 * each family's HELP and TYPE, then its series sorted (a histogram's
 * buckets by bound, then `_sum` and `_count`).
 */
import type { CounterValues } from './counters.js';
import type { MetricFamily } from './families.js';
import { histogramSeries } from './histogram.js';

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function renderExposition(families: readonly MetricFamily[], values: CounterValues): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`);
    const series =
      family.type === 'histogram'
        ? histogramSeries(family.name, Object.keys(values))
        : Object.keys(values)
            .filter((key) => key === family.name || key.startsWith(`${family.name}{`))
            .sort();
    for (const key of series) lines.push(`${key} ${formatValue(values[key] ?? 0)}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toString();
}
