/**
 * Two real Prometheus servers (Debian's `prometheus`), an HA pair with the
 * same always-firing rule, evaluating every second and re-sending every
 * second, both pushing to one running edgealert (npm start). Each computes
 * its own startsAt (its own evaluation time). The receiver must get exactly
 * one notification, and edgealert must hold one alert with the earlier
 * startsAt, though the pair keeps pushing through many group ticks.
 *
 * The pair is set up as Prometheus documents HA: each replica has its own
 * `replica` external label, dropped from alerts by alert_relabel_configs so
 * both send identical label sets.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../conformance/harness/capture-server.js';
import { startEdgealert } from '../conformance/harness/edgealert.js';
import { freePort } from '../conformance/harness/free-port.js';
import { startPeerProcess, type RunningPeer } from '../conformance/harness/peer-process.js';
import { PROMETHEUS_BIN, prometheusAvailable } from '../conformance/harness/prometheus.js';

const RULES = `
groups:
  - name: ha
    interval: 1s
    rules:
      - alert: AlwaysFiring
        expr: vector(1)
        labels: { severity: page }
        annotations: { summary: fires forever }
`;

/** One replica evaluating RULES every second and pushing to `alertmanager` (host:port) every second. */
async function startReplica(replica: string, alertmanager: string): Promise<RunningPeer> {
  const tempDir = await mkdtemp(join(tmpdir(), `edgealert-prometheus-${replica}-`));
  await writeFile(join(tempDir, 'rules.yml'), RULES);
  await writeFile(
    join(tempDir, 'prometheus.yml'),
    `global:
  evaluation_interval: 1s
  external_labels: { replica: ${replica} }
rule_files: [${join(tempDir, 'rules.yml')}]
alerting:
  alert_relabel_configs:
    - { action: labeldrop, regex: replica }
  alertmanagers:
    - api_version: v2
      static_configs: [{ targets: ['${alertmanager}'] }]
`,
  );
  const port = await freePort();
  return startPeerProcess({
    name: `prometheus-${replica}`,
    command: PROMETHEUS_BIN,
    args: [
      `--config.file=${join(tempDir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(tempDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--rules.alert.resend-delay=1s',
      '--log.level=warn',
    ],
    url: `http://127.0.0.1:${port}`,
    tempDir,
    readyTimeoutMs: 30_000,
    processGroup: false,
  });
}

/** The sum of a metric family's series in Prometheus' own /metrics. */
async function ownMetric(prometheus: RunningPeer, name: string): Promise<number> {
  const text = await (await fetch(`${prometheus.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** When the replica's rule became active (its startsAt), from its /api/v1/alerts. */
async function activeAt(prometheus: RunningPeer): Promise<number> {
  const body = (await (await fetch(`${prometheus.url}/api/v1/alerts`)).json()) as { data: { alerts: { activeAt: string }[] } };
  const [alert] = body.data.alerts;
  if (!alert) throw new Error(`${prometheus.name} has no active alert`);
  return Date.parse(alert.activeAt);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!(await prometheusAvailable()))('an HA Prometheus pair pushing the same alert', () => {
  let capture: CaptureServer;
  let edge: RunningPeer;
  const replicas: RunningPeer[] = [];

  beforeAll(async () => {
    capture = await startCaptureServer();
    edge = await startEdgealert(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: '${capture.url('/hook')}' }]
`);
    replicas.push(...(await Promise.all(['a', 'b'].map((r) => startReplica(r, new URL(edge.url).host)))));
  });

  afterAll(async () => {
    await Promise.all([...replicas.map((r) => r.stop()), edge?.stop(), capture?.close()]);
  });

  it('gives one notification, for one alert with the earlier startsAt', async () => {
    const sent = (p: RunningPeer) => ownMetric(p, 'prometheus_notifications_sent_total');
    // Both replicas have pushed a few times (every other second each: resend-delay must have passed)...
    for (let waited = 0; (await Promise.all(replicas.map(sent))).some((n) => n < 3); waited += 250) {
      if (waited > 30_000) throw new Error(`the replicas did not push: ${await Promise.all(replicas.map(sent))}`);
      await sleep(250);
    }
    // (A replica drops the alerts of its first evaluations, before it has
    // discovered its Alertmanager; none from now on.)
    const dropped = (p: RunningPeer) => ownMetric(p, 'prometheus_notifications_dropped_total');
    const droppedBefore = await Promise.all(replicas.map(dropped));
    // ... and edgealert has run a few group ticks (1s apart) since.
    await sleep(3_000);

    for (const replica of replicas) expect(await ownMetric(replica, 'prometheus_notifications_errors_total'), replica.logs()).toBe(0);
    expect(await Promise.all(replicas.map(dropped))).toEqual(droppedBefore);
    const hooks = capture.requests.filter((r) => r.path === '/hook');
    expect(hooks, edge.logs()).toHaveLength(1);
    const body = hooks[0]?.body as { alerts: { labels: Record<string, string>; startsAt: string; status: string }[] };
    expect(body.alerts.map((a) => [a.labels, a.status])).toEqual([[{ alertname: 'AlwaysFiring', severity: 'page' }, 'firing']]);

    // One alert in edgealert, with the earlier of the two startsAt (edgealert keeps ms).
    const starts = await Promise.all(replicas.map(activeAt));
    const stored = (await (await fetch(`${edge.url}/api/v2/alerts`)).json()) as { labels: Record<string, string>; startsAt: string }[];
    expect(stored.map((a) => a.labels)).toEqual([{ alertname: 'AlwaysFiring', severity: 'page' }]);
    expect(Date.parse(stored[0]?.startsAt ?? '')).toBe(Math.min(...starts));
    // The notification went out with what had arrived by then: one replica's startsAt, or the merge of both.
    expect(starts).toContain(Date.parse(body.alerts[0]?.startsAt ?? ''));
  });
});
