/**
 * Proves the harness on the real Alertmanager alone: a timeline runs, the
 * capture server records the webhooks, and compareTimelines accepts them
 * against hand-written expectations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerAvailable, startAlertmanager } from './harness/alertmanager.js';
import { startCaptureServer, type CaptureServer } from './harness/capture-server.js';
import type { RunningPeer } from './harness/peer-process.js';
import { compareTimelines, runTimeline, type NotificationRecord } from './harness/timeline.js';

const config = (hook: string): string => `
route:
  receiver: web
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
receivers:
  - name: web
    webhook_configs:
      - url: ${hook}
`;

const firing = (i: string) => ({ status: 'firing', labels: { alertname: 'Smoke', i } });
const group = { receiver: 'web', status: 'firing', groupKey: '{}:{alertname="Smoke"}', groupLabels: { alertname: 'Smoke' } };

describe.skipIf(!(await alertmanagerAvailable()))('harness against the real Alertmanager', () => {
  let capture: CaptureServer;
  let alertmanager: RunningPeer;

  beforeAll(async () => {
    capture = await startCaptureServer();
    alertmanager = await startAlertmanager(config(capture.url('/hook')));
  });
  afterAll(async () => {
    await alertmanager?.stop();
    await capture?.close();
  });

  it('records a flush after group_wait, then the late alert at the next group_interval tick', async () => {
    const run = await runTimeline(
      alertmanager,
      capture,
      [
        { at: 0, push: [{ labels: { alertname: 'Smoke', i: '1' } }, { labels: { alertname: 'Smoke', i: '2' } }] },
        { at: 1500, push: [{ labels: { alertname: 'Smoke', i: '3' } }] },
      ],
      { durationMs: 4000 },
    );

    expect(run.pushes.map((p) => p.status)).toEqual([200, 200]);
    const expected: Omit<NotificationRecord, 'path'>[] = [
      { at: 1000, ...group, alerts: [firing('1'), firing('2')] },
      { at: 3000, ...group, alerts: [firing('1'), firing('2'), firing('3')] },
    ];
    // Measured: Alertmanager is 2-35 ms late, never early (see README).
    const comparison = compareTimelines(expected, run.notifications, 150);
    expect(comparison.problems, comparison.report).toEqual([]);
    expect(run.notifications.every((n, i) => n.at >= expected[i]!.at)).toBe(true);
  });
});
