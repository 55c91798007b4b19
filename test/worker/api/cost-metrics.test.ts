/**
 * The cost counters on /metrics: Worker requests by route class, requests
 * into each Durable Object class (counted by the object itself), the SQLite
 * rows they read and write (workerd's own billing counters), and KV
 * operations. Each test compares two scrapes around what it does.
 */
import { describe, expect, it } from 'vitest';
import { api, postAlerts, useConfig } from '../support/edgealert.js';
import { freshPingThrottlePerTest, ping, runCron } from '../support/heartbeats.js';
import { around, doRequests, rowsRead, rowsWritten, scrape } from '../support/scrape.js';
import { eq, silence } from '../support/silences.js';
import { advanceTo, deliveries, freshStatePerTest, iso, push } from '../support/timeline.js';
import { dedupWritesSettled, postWebhook, settleDedupWritesAfterEach, upstreamDelivery } from '../support/upstream-webhook.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
heartbeats:
  - name: nightly-backup
    timeout: 1d
`);
freshStatePerTest();
freshPingThrottlePerTest();
settleDedupWritesAfterEach();

const workerRequests = (routeClass: string) => `edgealert_worker_requests_total{route_class="${routeClass}"}`;

describe('cost counters', () => {
  it('counts every Worker request once, by route class', async () => {
    const delta = await around(async () => {
      await postAlerts([{ labels: { alertname: 'A' } }]);
      await api('/api/v2/status');
      await api('/-/healthy');
      await api('/no/such/path');
      await runCron();
    });
    expect(delta(workerRequests('alerts'))).toBe(1);
    expect(delta(workerRequests('read'))).toBe(1);
    expect(delta(workerRequests('health'))).toBe(1);
    expect(delta(workerRequests('unmatched'))).toBe(1);
    expect(delta(workerRequests('cron'))).toBe(1);
    // The first scrape, counted once answered and sent on by the second.
    expect(delta(workerRequests('metrics'))).toBe(1);
  });

  it('counts a push as one ingest request into its shard and the rows it wrote', async () => {
    const delta = await around(() => push([{ labels: { alertname: 'A', i: '1' } }, { labels: { alertname: 'A', i: '2' } }]));
    expect(delta(doRequests('Dispatcher', 'ingest', '0'))).toBe(1);
    // The scrape's own read of the shard.
    expect(delta(doRequests('Dispatcher', 'view', '0'))).toBe(1);
    // Two alert rows, the group row (written as each alert joined it) and the alarm for group_wait.
    expect(delta(rowsWritten('Dispatcher', '0'))).toBe(5);
  });

  it('counts no row written for an unchanged re-send, only its request', async () => {
    const alerts = [{ labels: { alertname: 'A' }, endsAt: iso(600_000) }];
    await push(alerts);
    const delta = await around(() => push(alerts));
    expect(delta(doRequests('Dispatcher', 'ingest', '0'))).toBe(1);
    expect(delta(rowsWritten('Dispatcher', '0'))).toBe(0);
  });

  it("counts the shard's alarm and the rows its flush wrote", async () => {
    await push([{ labels: { alertname: 'A' }, endsAt: iso(600_000) }]);
    const delta = await around(() => advanceTo(1000));
    expect(await deliveries()).toHaveLength(1);
    expect(delta(doRequests('Dispatcher', 'alarm', '0'))).toBe(1);
    // At least the flush record and the notification log entry.
    expect(delta(rowsWritten('Dispatcher', '0'))).toBeGreaterThanOrEqual(2);
  });

  it('counts a silence in the Silences object and its push to the shard', async () => {
    const delta = await around(() => silence([eq('alertname', 'A')]));
    expect(delta(doRequests('Silences', 'upsert'))).toBe(1);
    expect(delta(doRequests('Dispatcher', 'setSilences', '0'))).toBe(1);
    // The silence row (one: a WITHOUT ROWID table has no separate key index) and its expiry alarm.
    expect(delta(rowsWritten('Silences'))).toBe(2);
    expect(delta(doRequests('Silences', 'scrape'))).toBe(1);
  });

  it('counts the rows read when an object starts from storage', async () => {
    await push([{ labels: { alertname: 'A', i: '1' } }, { labels: { alertname: 'A', i: '2' } }]);
    const { abortAllDurableObjects } = await import('cloudflare:test');
    await scrape();
    await abortAllDurableObjects();
    const after = await scrape();
    // Two alerts and their group, read back by the restarted shard (its counters started again).
    expect(after.get(rowsRead('Dispatcher', '0'))).toBeGreaterThanOrEqual(3);
    expect(after.get(doRequests('Dispatcher', 'view', '0'))).toBe(1);
  });

  it('counts the KV read and write of an upstream delivery, and only the read of its replay', async () => {
    const delivery = upstreamDelivery('Lag', [{ labels: { instance: 'db1' }, startsAt: 0 }]);
    const first = await around(async () => {
      await postWebhook(delivery);
      await dedupWritesSettled();
    });
    expect(first('edgealert_kv_operations_total{op="read"}')).toBe(1);
    expect(first('edgealert_kv_operations_total{op="write"}')).toBe(1);
    expect(first(workerRequests('webhook'))).toBe(1);
    const replay = await around(() => postWebhook(delivery));
    expect(replay('edgealert_kv_operations_total{op="read"}')).toBe(1);
    expect(replay('edgealert_kv_operations_total{op="write"}')).toBe(0);
  });

  it("counts the Metrics object's own requests", async () => {
    const delta = await around(() => postAlerts([{ labels: { alertname: 'A' } }]));
    // Each scrape reads the Metrics object once, after sending it this isolate's batch.
    expect(delta(doRequests('Metrics', 'read'))).toBe(1);
    expect(delta(doRequests('Metrics', 'add'))).toBe(1);
  });

  it('makes no request into the OnCall object when the config has no escalation policy or schedule', async () => {
    const series = await scrape();
    expect([...series.keys()].filter((key) => key.includes('class="OnCall"'))).toEqual([]);
    expect(series.get('edgealert_incidents{state="triggered"}')).toBe(0);
  });

  it('counts heartbeat pings in the Heartbeats object and reports heartbeats by state', async () => {
    const before = await scrape();
    expect(before.get('edgealert_heartbeats{state="waiting"}')).toBe(1);
    const delta = await around(() => ping('nightly-backup'));
    expect(delta(doRequests('Heartbeats', 'ping'))).toBe(1);
    expect(delta(workerRequests('heartbeat'))).toBe(1);
    expect(delta(rowsWritten('Heartbeats'))).toBeGreaterThanOrEqual(1);
    const after = await scrape();
    expect(after.get('edgealert_heartbeats{state="ok"}')).toBe(1);
    expect(after.get('edgealert_heartbeats{state="waiting"}')).toBe(0);
  });
});
