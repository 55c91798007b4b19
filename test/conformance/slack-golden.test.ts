/**
 * Slack bodies, Alertmanager 0.25 against edgealert, byte for byte. The
 * real Alertmanager runs src/notify/slack/testdata/golden-config.ts with
 * Slack pointed at a capture server, next to a webhook that tells what each
 * notification held; then:
 * - edgealert's Slack notifier, run on each notification, must send the
 *   body Alertmanager sent;
 * - edgealert itself (wrangler dev, the same config with `${CAPTURE}` as a
 *   secret) must deliver the same bodies for the same pushes (externalURL
 *   aside: each peer names its own address).
 *
 * `UPDATE_GOLDEN=1` rewrites src/notify/slack/testdata/golden.json from
 * this run, which the unit suite replays without Alertmanager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatConfigErrors, loadConfig, type Config } from '../../src/config/index.js';
import { SLACK_GOLDEN_CONFIG, SLACK_GOLDEN_ENV } from '../../src/notify/slack/testdata/golden-config.js';
import { replayCase, writeGolden, type GoldenCase } from '../../src/notify/testdata/golden.js';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import { startCaptureServer, type CaptureServer } from './harness/capture-server.js';
import { startEdgealert } from './harness/edgealert.js';
import { captureScenarios, recentTime, type CaptureScenario, type CapturedCase } from './harness/integration-capture.js';
import type { RunningPeer } from './harness/peer-process.js';
import type { AlertToPush } from './harness/push-alerts.js';

const EXTERNAL_URL = 'http://am.example:9093/alertmanager';
const GOLDEN = new URL('../../src/notify/slack/testdata/golden.json', import.meta.url);

/** The scenarios, with start times fixed when called (a resolve re-sends the same startsAt). */
function scenarios(): CaptureScenario[] {
  const disk = (instance: string, severity: string, millis: number): AlertToPush => ({
    labels: { alertname: 'DiskFull', scenario: 'defaults', instance, severity },
    annotations: { summary: `Disk on ${instance} is full` },
    startsAt: recentTime(0, millis),
  });
  const latency = (instance: string, summary: string, millis: number): AlertToPush => ({
    labels: { alertname: 'HighLatency', scenario: 'every-field', cluster: 'eu-1', instance, severity: 'critical' },
    annotations: {
      summary,
      description: 'Tail "latency" & errors <rising>\nsecond line: été ✓ \u2028 tab\t',
      runbook: 'https://runbooks.example/latency?alert=HighLatency&sev=critical',
      graph: 'https://grafana.example/render?panel=3&w=600',
    },
    startsAt: recentTime(0, millis),
    generatorURL: 'http://prometheus:9090/graph?g0.expr=latency%3E1',
  });
  const [d1, d2] = [disk('db-1', 'critical', 670), disk('db-2', 'warning', 0)];
  const [l1, l2] = [latency('a', 'p99 <b>1.2s</b> & "climbing"', 5), latency('b', 'p99 0.9s', 120)];
  const long: AlertToPush = {
    labels: { alertname: 'LongTitle', scenario: 'limits' },
    annotations: { summary: `${'é'.repeat(600)}${'😀'.repeat(500)}` },
    startsAt: recentTime(0, 999),
  };
  return [
    { name: 'defaults', integrationPath: '/slack/defaults', steps: [[d1, d2], [resolved(d1)], [resolved(d2)]] },
    { name: 'every-field', integrationPath: '/slack/every-field', steps: [[l1, l2], [resolved(l1), resolved(l2)]] },
    { name: 'limits', integrationPath: '/slack/limits', steps: [[long]] },
  ];
}

const resolved = (a: AlertToPush): AlertToPush => ({ ...a, endsAt: 'resolved' });

const forPeer = (capture: CaptureServer): string => SLACK_GOLDEN_CONFIG.replaceAll('${CAPTURE}', capture.url('').replace(/\/$/, ''));
const masked = (c: CapturedCase): string => c.body.split(c.externalURL).join('<externalURL>');

describe.skipIf(!(await alertmanagerAvailable()))('Slack: Alertmanager 0.25 and edgealert send the same bodies', () => {
  let amCapture: CaptureServer;
  let edgeCapture: CaptureServer;
  let am: RunningPeer;
  let edge: RunningPeer;
  let config: Config;
  let fromAlertmanager: CapturedCase[] = [];

  beforeAll(async () => {
    [amCapture, edgeCapture] = await Promise.all([startCaptureServer(), startCaptureServer()]);
    [am, edge] = await Promise.all([
      startAlertmanager(forPeer(amCapture), { extraArgs: [`--web.external-url=${EXTERNAL_URL}`, '--web.route-prefix=/'] }),
      startEdgealert(SLACK_GOLDEN_CONFIG, { secrets: { CAPTURE: edgeCapture.url('').replace(/\/$/, '') } }),
    ]);
    const loaded = loadConfig(SLACK_GOLDEN_CONFIG, SLACK_GOLDEN_ENV);
    if (!loaded.ok) throw new Error(formatConfigErrors(loaded.error));
    config = loaded.value;
  });

  afterAll(async () => {
    await Promise.all([am?.stop(), edge?.stop(), amCapture?.close(), edgeCapture?.close()]);
    if (process.env.UPDATE_GOLDEN === '1' && fromAlertmanager.length > 0) {
      writeGolden(GOLDEN, {
        note: [
          'Captured by test/conformance/slack-golden.test.ts (UPDATE_GOLDEN=1) from the real Alertmanager 0.25',
          '(Debian prometheus-alertmanager 0.25.0-1, Go 1.19.8) running testdata/golden-config.ts with',
          '--web.external-url=' + EXTERNAL_URL + ': each body is what its Slack config POSTed, each',
          'notification what the webhook next to it received. Do not edit by hand.',
        ],
        cases: fromAlertmanager.map(({ name, scenario, externalURL, notification, body }): GoldenCase => ({ name, scenario, externalURL, notification, body })),
      });
    }
  });

  it("captures every scenario's notifications from Alertmanager", async () => {
    fromAlertmanager = await captureScenarios(am, amCapture, scenarios());
    expect(fromAlertmanager.map((c) => `${c.name}: ${c.notification.alerts.map((a) => a.status).join(', ')}`)).toEqual([
      'defaults #1: firing, firing',
      'defaults #2: resolved, firing',
      'defaults #3: resolved',
      'every-field #1: firing, firing',
      'every-field #2: resolved, resolved',
      'limits #1: firing',
    ]);
  });

  it("edgealert's notifier sends Alertmanager's body for the same notification, byte for byte", async () => {
    expect(fromAlertmanager.length).toBeGreaterThan(0);
    for (const c of fromAlertmanager) {
      const [call] = await replayCase(config, 'slack', c);
      expect(call?.body, c.name).toBe(c.body);
    }
  });

  it('edgealert, run with the same config and pushes, delivers the same bodies', async () => {
    const fromEdgealert = await captureScenarios(edge, edgeCapture, scenarios());
    expect(fromEdgealert.map((c) => c.name)).toEqual(fromAlertmanager.map((c) => c.name));
    fromEdgealert.forEach((c, i) => {
      expect(masked(c), c.name).toBe(masked(fromAlertmanager[i] as CapturedCase));
    });
  });
});
