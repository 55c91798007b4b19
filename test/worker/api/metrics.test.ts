/**
 * GET /metrics: Prometheus text with Alertmanager's metric names, counters
 * summed in the Metrics object, and the edge dedup hits of replayed upstream
 * deliveries (the deliveries that never reached a Dispatcher).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { api, postAlerts, testEnv, useConfig } from '../support/edgealert.js';
import { scrape } from '../support/scrape.js';
import { advanceTo, deliveries, freshStatePerTest, iso, push } from '../support/timeline.js';
import { dedupWritesSettled, postWebhook, settleDedupWritesAfterEach, upstreamDelivery } from '../support/upstream-webhook.js';

useConfig(`
route:
  receiver: hook
  group_wait: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
`);
freshStatePerTest();
settleDedupWritesAfterEach();

describe('GET /metrics', () => {
  it('counts the replayed upstream deliveries answered at the edge', async () => {
    const before = await scrape();
    const delivery = upstreamDelivery('Lag', [{ labels: { instance: 'db1' }, startsAt: 0 }]);
    expect((await postWebhook(delivery)).headers.get('X-Edgealert-Dedup')).toBe('miss');
    await dedupWritesSettled();
    // The HA twin (only its externalURL differs) and a retry of the first.
    for (const repeat of [upstreamDelivery('Lag', [{ labels: { instance: 'db1' }, startsAt: 0 }], 'am-1'), delivery]) {
      expect((await postWebhook(repeat)).headers.get('X-Edgealert-Dedup')).toBe('hit');
    }
    const after = await scrape();
    const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('edgealert_edge_dedup_total{result="hit"}')).toBe(2);
    expect(delta('edgealert_edge_dedup_total{result="miss"}')).toBe(1);
    expect(delta('alertmanager_alerts_received_total{status="firing"}')).toBe(1);
  });

  it('reports received, invalid and current alerts and groups with Alertmanager names', async () => {
    const before = await scrape();
    await postAlerts([{ labels: { alertname: 'A' } }, { labels: { alertname: 'B' }, endsAt: new Date(Date.now() - 1000).toISOString(), startsAt: new Date(Date.now() - 60_000).toISOString() }, { labels: {} }]);
    const after = await scrape();
    const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('alertmanager_alerts_received_total{status="firing"}')).toBe(1);
    expect(delta('alertmanager_alerts_received_total{status="resolved"}')).toBe(1);
    expect(delta('alertmanager_alerts_invalid_total')).toBe(1);
    expect(after.get('alertmanager_alerts{state="active"}')).toBe(1);
    expect(after.get('alertmanager_dispatcher_aggregation_groups')).toBe(1);
    expect(after.get('alertmanager_silences{state="active"}')).toBe(0);
  });

  it('counts HTTP requests by route pattern, method and status, with their duration', async () => {
    const before = await scrape();
    await postAlerts([{ labels: { alertname: 'A' } }]);
    await api('/api/v2/silence/00000000-0000-0000-0000-000000000000');
    await api('/no/such/path');
    const after = await scrape();
    const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('edgealert_http_requests_total{method="POST",route="/api/v2/alerts",status="200"}')).toBe(1);
    expect(delta('edgealert_http_requests_total{method="GET",route="/api/v2/silence/:id",status="404"}')).toBe(1);
    expect(delta('edgealert_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(delta('edgealert_http_request_duration_seconds_count{method="POST",route="/api/v2/alerts"}')).toBe(1);
    expect(delta('edgealert_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/api/v2/alerts"}')).toBe(1);
    expect([...after.keys()].some((k) => k.includes('00000000-0000'))).toBe(false);
  });

  it('observes the latency of each notification attempt by integration', async () => {
    await push([{ labels: { alertname: 'A' }, endsAt: iso(7_200_000) }]);
    await advanceTo(3_600_000);
    expect(await deliveries()).toHaveLength(1);
    const after = await scrape();
    expect(after.get('alertmanager_notification_latency_seconds_count{integration="webhook"}')).toBe(1);
    expect(after.get('alertmanager_notification_latency_seconds_bucket{integration="webhook",le="+Inf"}')).toBe(1);
    expect(after.has('alertmanager_notification_latency_seconds_sum{integration="webhook"}')).toBe(true);
    expect(after.get('alertmanager_notifications_total{integration="webhook"}')).toBe(1);
  });

  describe('with METRICS_TOKEN set', () => {
    const env = testEnv as unknown as Record<string, unknown>;
    afterEach(() => {
      delete env.METRICS_TOKEN;
    });

    it('needs the token', async () => {
      env.METRICS_TOKEN = 'scrape-secret';
      expect((await api('/metrics')).status).toBe(401);
      expect((await api('/metrics', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      await scrape({ Authorization: 'Bearer scrape-secret' });
    });
  });
});
