/**
 * What the real Alertmanager 0.25 sends and when, pinned as tests so the
 * facts edgealert copies stay checkable (README: "Observed Alertmanager 0.25
 * behaviour"). Each test starts its own Alertmanager and capture server.
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import { startCaptureServer, type CaptureServer } from './harness/capture-server.js';
import type { RunningPeer } from './harness/peer-process.js';
import { pushAlerts, type AlertToPush } from './harness/push-alerts.js';
import { runTimeline, type TimelineStep } from './harness/timeline.js';

const webhookConfig = (hook: string, route: string): string => `
route:
  receiver: web
${route}
receivers:
  - name: web
    webhook_configs:
      - url: ${hook}
        max_alerts: 3
`;

async function withAlertmanager(route: string, test: (am: RunningPeer, capture: CaptureServer) => Promise<void>): Promise<void> {
  const capture = await startCaptureServer();
  const am = await startAlertmanager(webhookConfig(capture.url('/hook'), route)).catch(async (error: unknown) => {
    await capture.close();
    throw error;
  });
  try {
    await test(am, capture);
  } finally {
    await am.stop();
    await capture.close();
  }
}

const fast = '  group_wait: 1s\n  group_interval: 30s\n  repeat_interval: 1h';

describe.skipIf(!(await alertmanagerAvailable()))('Alertmanager 0.25 webhook notifications', () => {
  it('sends the version 4 body byte for byte: field order, Go time format, HTML escaping, trailing newline', async () => {
    const route = `  routes:
    - matchers: ['severity=~"crit.*"']
      group_by: [alertname]
      routes:
        - match: { env: prod }`;
    await withAlertmanager(route, async (am, capture) => {
      const alert = {
        labels: { alertname: 'DiskFull', severity: 'critical', env: 'prod', empty: '' },
        annotations: { summary: '<b>disk</b> & "full"' },
        startsAt: '2026-01-02T03:04:05.670Z', // in the past: flushed at once, printed as .67Z
        endsAt: '2099-01-01T00:00:00.000Z', // firing alerts are sent with the zero time
      };
      await push(am, [alert]);
      const request = await capture.waitFor(() => true, 5_000);

      const summary = String.raw`\u003cb\u003edisk\u003c/b\u003e \u0026 \"full\"`;
      const labels = '{"alertname":"DiskFull","env":"prod","severity":"critical"}';
      const port = new URL(am.url).port;
      expect(request.rawBody).toBe(
        `{"receiver":"web","status":"firing","alerts":[{"status":"firing","labels":${labels},` +
          `"annotations":{"summary":"${summary}"},"startsAt":"2026-01-02T03:04:05.67Z","endsAt":"0001-01-01T00:00:00Z",` +
          `"generatorURL":"","fingerprint":"ae4f4d061fbfe4b8"}],"groupLabels":{"alertname":"DiskFull"},` +
          `"commonLabels":${labels},"commonAnnotations":{"summary":"${summary}"},` +
          `"externalURL":"http://${hostname()}:${port}","version":"4",` +
          String.raw`"groupKey":"{}/{severity=~\"crit.*\"}/{env=\"prod\"}:{alertname=\"DiskFull\"}","truncatedAlerts":0}` +
          '\n',
      );
      expect(request.headers['user-agent']).toBe('Alertmanager/0.25.0');
      expect(request.headers['content-type']).toBe('application/json');
    });
  });

  it('first flushes group_wait after arrival, at once if startsAt + group_wait has passed, never for a group resolved before', async () => {
    await withAlertmanager('  group_by: [alertname]\n  group_wait: 2s\n  group_interval: 30s', async (am, capture) => {
      const steps: TimelineStep[] = [
        {
          at: 0,
          push: [
            { labels: { alertname: 'NoStartsAt' } },
            { labels: { alertname: 'Started500msAgo' }, startsAt: 'now-500ms' },
            { labels: { alertname: 'Started3sAgo' }, startsAt: 'now-3s' },
            { labels: { alertname: 'EndsIn1s' }, endsAt: 'now+1s' },
          ],
        },
      ];
      const run = await runTimeline(am, capture, steps, { durationMs: 3_000 });
      const arrivals = Object.fromEntries(run.notifications.map((n) => [n.groupLabels.alertname, n.at]));
      expect(Object.keys(arrivals).sort()).toEqual(['NoStartsAt', 'Started3sAgo', 'Started500msAgo']);
      expect(arrivals.Started3sAgo).toBeLessThan(150);
      expect(arrivals.Started500msAgo).toBeGreaterThanOrEqual(2_000); // not 1500: the timer starts at arrival
      expect(arrivals.NoStartsAt).toBeGreaterThanOrEqual(2_000);
    });
  });

  it('retries a webhook answered 5xx, but gives up at once on 429 and other 4xx', async () => {
    await withAlertmanager(`  group_by: [alertname]\n${fast}`, async (am, capture) => {
      capture.respondWith(500, 2);
      await push(am, [{ labels: { alertname: 'Retried' } }]);
      await capture.waitFor((r) => r.status === 200, 10_000);
      capture.reset();
      capture.respondWith(429);
      capture.respondWith(400);
      await push(am, [{ labels: { alertname: 'Throttled' } }, { labels: { alertname: 'Refused' } }]);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // a retry would come after ~0.5 s
      expect(capture.requests.map((r) => r.status).sort()).toEqual([400, 429]);
    });
  });

  it('cuts the alerts to max_alerts and counts the rest in truncatedAlerts', async () => {
    await withAlertmanager(fast, async (am, capture) => {
      await push(am, ['1', '2', '3', '4', '5'].map((i) => ({ labels: { alertname: 'Many', i } })));
      const request = await capture.waitFor(() => true, 5_000);
      const body = request.body as { alerts: unknown[]; truncatedAlerts: number; groupKey: string };
      expect([body.alerts.length, body.truncatedAlerts, body.groupKey]).toEqual([3, 2, '{}:{}']);
    });
  });
});

async function push(am: RunningPeer, alerts: readonly AlertToPush[]): Promise<void> {
  expect((await pushAlerts(am, alerts)).status).toBe(200);
}
