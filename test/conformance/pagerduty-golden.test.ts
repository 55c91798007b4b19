/**
 * PagerDuty events, Alertmanager 0.25 against edgealert, byte for byte,
 * the same way as slack-golden.test.ts: the real Alertmanager runs
 * src/notify/pagerduty/testdata/golden-config.ts; edgealert's notifier must
 * send its body for the same notification, and edgealert itself (wrangler
 * dev) the same bodies for the same pushes. Alertmanager 0.25 sends v1
 * events only to PagerDuty's own https address, so they reach the capture
 * server through a TLS-intercepting proxy (needs openssl; the v1 scenario
 * is left out without it).
 *
 * `UPDATE_GOLDEN=1` rewrites src/notify/pagerduty/testdata/golden.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig, type Config } from '../../src/config/index.js';
import { PAGERDUTY_GOLDEN_ENV, pagerdutyGoldenConfig } from '../../src/notify/pagerduty/testdata/golden-config.js';
import { replayCase, writeGolden, type GoldenCase } from '../../src/notify/testdata/golden.js';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import { startCaptureServer, type CaptureServer } from './harness/capture-server.js';
import { startEdgealert } from './harness/edgealert.js';
import { captureScenarios, recentTime, type CaptureScenario, type CapturedCase } from './harness/integration-capture.js';
import type { RunningPeer } from './harness/peer-process.js';
import type { AlertToPush } from './harness/push-alerts.js';
import { canInterceptTls, startTlsConnectProxy, type TlsConnectProxy } from './harness/tls-connect-proxy.js';

const EXTERNAL_URL = 'http://am.example:9093/alertmanager';
const GOLDEN = new URL('../../src/notify/pagerduty/testdata/golden.json', import.meta.url);
const WITH_V1 = canInterceptTls();
const V1_PATH = '/generic/2010-04-15/create_event.json';

const resolved = (a: AlertToPush): AlertToPush => ({ ...a, endsAt: 'resolved' });

/** The scenarios, with start times fixed when called (a resolve re-sends the same startsAt). */
function scenarios(): CaptureScenario[] {
  const api = (scenario: string, instance: string, millis: number, annotations: Record<string, string> = {}): AlertToPush => ({
    labels: { alertname: 'ApiErrors', scenario, instance, severity: 'critical', service: 'checkout', cluster: 'eu-1' },
    annotations: { summary: `5xx on ${instance}`, ...annotations },
    startsAt: recentTime(0, millis),
    generatorURL: `http://prometheus:9090/graph?g0.expr=errors%7Binstance%3D%22${instance}%22%7D`,
  });
  const [a1, a2] = [api('v2-defaults', 'api-1', 670), api('v2-defaults', 'api-2', 0, { runbook: 'https://runbooks.example/api?x=<1>&y=2' })];
  const every = (instance: string, millis: number): AlertToPush =>
    api('v2-every-field', instance, millis, {
      summary: `${instance}: ${'error budget burning, “fast” & <loud> ✓ '.repeat(14)}`,
      runbook: 'https://runbooks.example/api-errors?alert=ApiErrors&sev=critical',
      graph: 'https://grafana.example/render?panel=7&w=600',
      dashboard: 'https://grafana.example/d/api?var-cluster=eu-1',
    });
  const [e1, e2] = [every('api-1', 5), every('api-2', 120)];
  const big = api('v2-oversize', 'api-1', 999, { blob: '0123456789'.repeat(60_000) });
  const v1 = api('v1', 'api-1', 333, { description: 'v1 <details> & more' });
  return [
    { name: 'v2-defaults', integrationPath: '/pd/v2-defaults', steps: [[a1, a2], [resolved(a1)], [resolved(a2)]] },
    { name: 'v2-every-field', integrationPath: '/pd/v2-every-field', steps: [[e1, e2], [resolved(e1), resolved(e2)]] },
    { name: 'v2-oversize', integrationPath: '/pd/v2-oversize', steps: [[big]] },
    ...(WITH_V1 ? [{ name: 'v1', integrationPath: V1_PATH, steps: [[v1], [resolved(v1)]] }] : []),
  ];
}

const base = (capture: CaptureServer): string => capture.url('').replace(/\/$/, '');
const masked = (c: CapturedCase): string => c.body.split(c.externalURL).join('<externalURL>');

/** The config Alertmanager runs: secrets written in, v1 through the proxy. */
function alertmanagerConfig(capture: CaptureServer, proxy: TlsConnectProxy | undefined): string {
  const v1Transport = proxy ? `        http_config: { proxy_url: "${proxy.url}", tls_config: { insecure_skip_verify: true } }\n` : '';
  let text = pagerdutyGoldenConfig(v1Transport);
  for (const [name, value] of Object.entries({ ...PAGERDUTY_GOLDEN_ENV, CAPTURE: base(capture) })) text = text.replaceAll(`\${${name}}`, value);
  return text;
}

describe.skipIf(!(await alertmanagerAvailable()))('PagerDuty: Alertmanager 0.25 and edgealert send the same events', () => {
  let amCapture: CaptureServer;
  let edgeCapture: CaptureServer;
  let proxy: TlsConnectProxy | undefined;
  let am: RunningPeer;
  let edge: RunningPeer;
  let config: Config;
  let fromAlertmanager: CapturedCase[] = [];

  beforeAll(async () => {
    [amCapture, edgeCapture] = await Promise.all([startCaptureServer(), startCaptureServer()]);
    proxy = WITH_V1 ? await startTlsConnectProxy(Number(new URL(amCapture.url('/')).port)) : undefined;
    [am, edge] = await Promise.all([
      startAlertmanager(alertmanagerConfig(amCapture, proxy), { extraArgs: [`--web.external-url=${EXTERNAL_URL}`, '--web.route-prefix=/'] }),
      startEdgealert(pagerdutyGoldenConfig(), { secrets: { ...PAGERDUTY_GOLDEN_ENV, CAPTURE: base(edgeCapture) } }),
    ]);
    const loaded = loadConfig(pagerdutyGoldenConfig(), PAGERDUTY_GOLDEN_ENV);
    if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
    config = loaded.value;
  });

  afterAll(async () => {
    await Promise.all([am?.stop(), edge?.stop(), amCapture?.close(), edgeCapture?.close(), proxy?.close()]);
    if (process.env.UPDATE_GOLDEN === '1' && fromAlertmanager.length > 0) {
      writeGolden(GOLDEN, {
        note: [
          'Captured by test/conformance/pagerduty-golden.test.ts (UPDATE_GOLDEN=1) from the real Alertmanager 0.25',
          '(Debian prometheus-alertmanager 0.25.0-1, Go 1.19.8) running testdata/golden-config.ts with',
          `--web.external-url=${EXTERNAL_URL}: each body is what its PagerDuty config POSTed (v1 through a`,
          'TLS-intercepting proxy), each notification what the webhook next to it received. Do not edit by hand.',
        ],
        cases: fromAlertmanager.map(({ name, scenario, externalURL, notification, body }): GoldenCase => ({ name, scenario, externalURL, notification, body })),
      });
    }
  });

  it("captures every scenario's events from Alertmanager", async () => {
    fromAlertmanager = await captureScenarios(am, amCapture, scenarios());
    expect(fromAlertmanager.map((c) => `${c.name}: ${c.notification.alerts.map((a) => a.status).join(', ')}`)).toEqual([
      'v2-defaults #1: firing, firing',
      'v2-defaults #2: resolved, firing',
      'v2-defaults #3: resolved',
      'v2-every-field #1: firing, firing',
      'v2-every-field #2: resolved, resolved',
      'v2-oversize #1: firing',
      ...(WITH_V1 ? ['v1 #1: firing', 'v1 #2: resolved'] : []),
    ]);
  });

  it("edgealert's notifier sends Alertmanager's event for the same notification, byte for byte", async () => {
    expect(fromAlertmanager.length).toBeGreaterThan(0);
    for (const c of fromAlertmanager) {
      const [call] = await replayCase(config, 'pagerduty', c);
      expect(call?.body, c.name).toBe(c.body);
    }
  });

  it('edgealert, run with the same config and pushes, delivers the same events', async () => {
    const fromEdgealert = await captureScenarios(edge, edgeCapture, scenarios());
    expect(fromEdgealert.map((c) => c.name)).toEqual(fromAlertmanager.map((c) => c.name));
    fromEdgealert.forEach((c, i) => {
      expect(masked(c), c.name).toBe(masked(fromAlertmanager[i] as CapturedCase));
    });
  });
});
