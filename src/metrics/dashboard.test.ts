/**
 * dashboards/edgealert.json against what /metrics exports: the file is a
 * well-formed Grafana dashboard and every PromQL expression in it names only
 * metric families of FAMILIES (a histogram by its _bucket, _sum or _count
 * series), so a renamed metric cannot leave a panel silently empty. The real
 * Prometheus evaluates every expression in test/conformance/prometheus-scrape.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from './families.js';

interface Target {
  readonly expr: string;
  readonly refId: string;
}
interface Panel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly datasource?: { readonly uid: string };
  readonly targets?: readonly Target[];
  readonly panels?: readonly Panel[];
}

const dashboard = JSON.parse(readFileSync(new URL('../../dashboards/edgealert.json', import.meta.url), 'utf8')) as {
  readonly uid: string;
  readonly panels: readonly Panel[];
  readonly templating: { readonly list: readonly { readonly name: string; readonly definition?: string }[] };
};

const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const targets = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

/** Every series name /metrics can print. */
const exported = new Set(FAMILIES.flatMap((f) => (f.type === 'histogram' ? ['_bucket', '_sum', '_count'].map((s) => f.name + s) : [f.name])));

/** The edgealert and Alertmanager metric names an expression mentions. */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/\b(?:alertmanager|edgealert)_[A-Za-z0-9_]+/g)].map((m) => m[0]);
}

describe('dashboards/edgealert.json', () => {
  it('has panels with queries, each panel with its own id', () => {
    expect(dashboard.uid).toBe('edgealert');
    expect(targets.length).toBeGreaterThan(20);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('queries only metric names that /metrics exports', () => {
    const unknown = targets.flatMap(({ panel, expr }) => metricNames(expr).filter((name) => !exported.has(name)).map((name) => `${panel}: ${name}`));
    expect(unknown).toEqual([]);
  });

  it('names at least one exported metric in every query', () => {
    expect(targets.filter(({ expr }) => metricNames(expr).length === 0)).toEqual([]);
  });

  it('takes quantiles of histogram buckets only', () => {
    const quantiles = targets.filter(({ expr }) => expr.includes('histogram_quantile'));
    expect(quantiles.length).toBeGreaterThan(0);
    for (const { expr } of quantiles) expect(metricNames(expr).every((n) => n.endsWith('_bucket'))).toBe(true);
  });

  it('shows every cost counter', () => {
    const used = new Set(targets.flatMap(({ expr }) => metricNames(expr)));
    for (const name of ['edgealert_worker_requests_total', 'edgealert_durable_object_requests_total', 'edgealert_durable_object_rows_written_total', 'edgealert_durable_object_rows_read_total', 'edgealert_kv_operations_total']) {
      expect(used).toContain(name);
    }
  });

  it('reads from the data source the user picks, and lists jobs by an exported metric', () => {
    for (const p of panels.filter((p) => p.type !== 'row')) expect(p.datasource?.uid, p.title).toBe('${datasource}');
    const job = dashboard.templating.list.find((v) => v.name === 'job');
    expect(metricNames(job?.definition ?? '').every((n) => exported.has(n))).toBe(true);
  });
});
