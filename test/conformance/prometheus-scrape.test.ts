/**
 * A real Prometheus scrapes edgealert's /metrics (with METRICS_TOKEN, as
 * README "Metrics" configures it) every second: the target is up, the
 * exposition parses, the Alertmanager and edgealert series arrive and
 * counters move once alerts are pushed and notified. Every expression of
 * examples/grafana/edgealert.json and examples/prometheus/edgealert-rules.yml is
 * evaluated by the same Prometheus, so none has a PromQL error.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startCaptureServer, type CaptureServer } from './harness/capture-server.js';
import { REPO_ROOT, startEdgealert } from './harness/edgealert.js';
import type { RunningPeer } from './harness/peer-process.js';
import { instantQuery, prometheusAvailable, startPrometheus, waitForQuery, type Sample } from './harness/prometheus.js';
import { pushAlerts } from './harness/push-alerts.js';

const TOKEN = 'scrape-token';
const JOB = 'edgealert';

const value = (samples: Sample[]) => samples.reduce((sum, s) => sum + s.value, 0);
const atLeast = (n: number) => (samples: Sample[]) => samples.length > 0 && value(samples) >= n;

describe.skipIf(!(await prometheusAvailable()))('a real Prometheus scraping /metrics', () => {
  let capture: CaptureServer;
  let edge: RunningPeer;
  let prometheus: RunningPeer;

  beforeAll(async () => {
    capture = await startCaptureServer();
    edge = await startEdgealert(
      `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 0s
receivers:
  - name: hook
    webhook_configs: [{ url: '${capture.url('/hook')}' }]
heartbeats:
  - name: watchdog
    matchers: [alertname="Watchdog"]
    timeout: 5m
`,
      { secrets: { METRICS_TOKEN: TOKEN } },
    );
    prometheus = await startPrometheus({ job: JOB, target: new URL(edge.url).host, bearerToken: TOKEN, interval: '1s' });
  });

  afterAll(async () => {
    await Promise.all([prometheus?.stop(), edge?.stop(), capture?.close()]);
  });

  it('scrapes the target with the bearer token: up is 1', async () => {
    expect((await fetch(`${edge.url}/metrics`)).status).toBe(401);
    await waitForQuery(prometheus, `up{job="${JOB}"}`, (s) => s.length === 1 && s[0]!.value === 1);
    const samples = await instantQuery(prometheus, `scrape_samples_scraped{job="${JOB}"}`);
    expect(value(samples)).toBeGreaterThan(20);
  });

  it('sees the alerts, the notification and the cost counters move after a push', async () => {
    const push = await pushAlerts(edge, [{ labels: { alertname: 'DiskFull', instance: 'db1' } }, { labels: { alertname: 'Watchdog' } }]);
    expect(push.status).toBe(200);
    await capture.waitFor((r) => r.path === '/hook', 10_000);

    const q = (query: string, n = 1) => waitForQuery(prometheus, query, atLeast(n));
    await q(`alertmanager_alerts_received_total{job="${JOB}", status="firing"}`, 2);
    await q(`alertmanager_alerts{job="${JOB}", state="active"}`, 2);
    await q(`alertmanager_notifications_total{job="${JOB}", integration="webhook"}`);
    await q(`alertmanager_notification_latency_seconds_count{job="${JOB}", integration="webhook"}`);
    await q(`edgealert_heartbeats{job="${JOB}", state="ok"}`);
    // Present (at 0) without escalation policies, so dashboards and alerting rules see the series.
    await q(`edgealert_incidents{job="${JOB}", state="triggered"}`, 0);
    await q(`edgealert_worker_requests_total{job="${JOB}", route_class="alerts"}`);
    await q(`edgealert_durable_object_requests_total{job="${JOB}", class="Dispatcher", method="ingest", shard="0"}`);
    await q(`edgealert_durable_object_requests_total{job="${JOB}", class="Dispatcher", method="alarm", shard="0"}`);
    await q(`edgealert_durable_object_rows_written_total{job="${JOB}", class="Dispatcher", shard="0"}`, 3);
    await q(`edgealert_durable_object_requests_total{job="${JOB}", class="Heartbeats", method="ping"}`);
    // Prometheus' own scrapes are Worker requests, counted and growing.
    await q(`increase(edgealert_worker_requests_total{job="${JOB}", route_class="metrics"}[5s])`, 1);
    const failed = await instantQuery(prometheus, `sum(alertmanager_notifications_failed_total{job="${JOB}"})`);
    expect(value(failed)).toBe(0);
  });

  it('evaluates every expression of examples/grafana/edgealert.json without an error', async () => {
    const dashboard = JSON.parse(readFileSync(`${REPO_ROOT}/examples/grafana/edgealert.json`, 'utf8')) as { panels: { title: string; targets?: { expr: string }[] }[] };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));
    expect(exprs.length).toBeGreaterThan(20);
    // Grafana's variables as Grafana would fill them in.
    const fill = (expr: string) => expr.replaceAll('$__rate_interval', '4s').replaceAll('$__range', '10s').replaceAll('$job', JOB);
    const failures: string[] = [];
    for (const { panel, expr } of exprs) {
      try {
        await instantQuery(prometheus, fill(expr));
      } catch (error) {
        failures.push(`${panel}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    // The cost estimate has a value once the counters moved.
    const cost = exprs.find((e) => e.panel.startsWith('Usage at list prices'));
    expect(value(await instantQuery(prometheus, fill(cost!.expr)))).toBeGreaterThan(0);
  });

  it('evaluates every expression of examples/prometheus/edgealert-rules.yml without an error, and no alert fires', async () => {
    const file = parse(readFileSync(`${REPO_ROOT}/examples/prometheus/edgealert-rules.yml`, 'utf8')) as { groups: { rules: { alert?: string; record?: string; expr: string }[] }[] };
    const rules = file.groups.flatMap((g) => g.rules);
    const failures: string[] = [];
    const firing: string[] = [];
    for (const rule of rules) {
      try {
        const samples = await instantQuery(prometheus, rule.expr);
        if (rule.alert && samples.length > 0) firing.push(rule.alert);
      } catch (error) {
        failures.push(`${rule.alert ?? rule.record}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(firing).toEqual([]);
  });
});
