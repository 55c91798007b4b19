/**
 * examples/grafana/edgealert.json and examples/prometheus/edgealert-rules.yml
 * against what /metrics exports: the dashboard is well-formed Grafana, and
 * every PromQL expression of both names only metric families of FAMILIES (a
 * histogram by its _bucket, _sum or _count series) or series the rules file
 * records itself, so a renamed metric cannot leave a panel silently empty or
 * an alert silently dead. Every alert has its runbook. The real Prometheus
 * evaluates every dashboard expression in test/conformance/prometheus-scrape.test.ts;
 * promtool checks and unit-tests the rules in test/conformance/prometheus-rules.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

const dashboard = JSON.parse(readFileSync(new URL('../../examples/grafana/edgealert.json', import.meta.url), 'utf8')) as {
  readonly uid: string;
  readonly panels: readonly Panel[];
  readonly templating: { readonly list: readonly { readonly name: string; readonly definition?: string }[] };
};

const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const targets = panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

/** Every series name /metrics can print. */
const exported = new Set(FAMILIES.flatMap((f) => (f.type === 'histogram' ? ['_bucket', '_sum', '_count'].map((s) => f.name + s) : [f.name])));

/** The edgealert and Alertmanager metric names an expression mentions (not recording rules' `level:metric:operations` names). */
function metricNames(expr: string): string[] {
  return [...expr.matchAll(/(?<![\w:])(?:alertmanager|edgealert)_[A-Za-z0-9_]+(?![\w:])/g)].map((m) => m[0]);
}

const COST_COUNTERS = ['edgealert_worker_requests_total', 'edgealert_durable_object_requests_total', 'edgealert_durable_object_rows_written_total', 'edgealert_durable_object_rows_read_total', 'edgealert_kv_operations_total'];

describe('examples/grafana/edgealert.json', () => {
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
    for (const name of COST_COUNTERS) expect(used).toContain(name);
  });

  it('shows incidents, escalation steps and pages', () => {
    const used = new Set(targets.flatMap(({ expr }) => metricNames(expr)));
    for (const name of ['edgealert_incidents', 'edgealert_escalation_steps_total', 'edgealert_pages_total']) expect(used).toContain(name);
  });

  it('reads from the data source the user picks, and lists jobs by an exported metric', () => {
    for (const p of panels.filter((p) => p.type !== 'row')) expect(p.datasource?.uid, p.title).toBe('${datasource}');
    const job = dashboard.templating.list.find((v) => v.name === 'job');
    expect(metricNames(job?.definition ?? '').every((n) => exported.has(n))).toBe(true);
  });
});

interface Rule {
  readonly alert?: string;
  readonly record?: string;
  readonly expr: string;
  readonly annotations?: Readonly<Record<string, string>>;
}

const rulesFile = new URL('../../examples/prometheus/edgealert-rules.yml', import.meta.url);
const rules = (parse(readFileSync(rulesFile, 'utf8')) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
const alerts = rules.filter((r): r is Rule & { alert: string } => r.alert !== undefined);
const runbooks = new URL('../../examples/runbooks/', import.meta.url);

describe('examples/prometheus/edgealert-rules.yml', () => {
  it('uses only metric names that /metrics exports, and recorded series it defines', () => {
    const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));
    const unknown = rules.flatMap((r) => metricNames(r.expr).filter((name) => !exported.has(name)).map((name) => `${r.alert ?? r.record}: ${name}`));
    expect(unknown).toEqual([]);
    const usedRecorded = alerts.flatMap((a) => [...a.expr.matchAll(/\b\w+:\w+:\w+\b/g)].map((m) => m[0]));
    expect(usedRecorded.filter((name) => !recorded.has(name))).toEqual([]);
  });

  it('watches notifications, pages, incidents, heartbeats, ingest, the scrape and the cost counters', () => {
    const used = new Set(rules.flatMap((r) => metricNames(r.expr)));
    for (const name of ['alertmanager_notifications_failed_total', 'edgealert_pages_total', 'edgealert_incidents', 'edgealert_heartbeats', 'edgealert_http_requests_total', ...COST_COUNTERS]) expect(used).toContain(name);
    expect(alerts.some((a) => /\bup\{/.test(a.expr))).toBe(true);
  });

  it('gives every alert a runbook_url to its own runbook, and every runbook an alert', () => {
    for (const { alert, annotations } of alerts) {
      expect(annotations?.runbook_url, alert).toMatch(new RegExp(`/examples/runbooks/${alert}\\.md$`));
      expect(existsSync(new URL(`${alert}.md`, runbooks)), `examples/runbooks/${alert}.md`).toBe(true);
    }
    expect(readdirSync(runbooks).sort()).toEqual(alerts.map((a) => `${a.alert}.md`).sort());
  });
});
