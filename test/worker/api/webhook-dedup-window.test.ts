/**
 * webhook_ingest.dedup_window against webhook_ingest.resolve_timeout: an
 * upstream re-sending an unchanged firing group (its repeat_interval) is what
 * keeps the alert from timing out, so edge dedup must not swallow those
 * repeats for longer than the alert lives without them.
 */
import { describe, expect, it } from 'vitest';
import { testEnv, useConfig } from '../support/edgealert.js';
import { advanceTo, deliveries, freshStatePerTest, summary } from '../support/timeline.js';
import { dedupWritesSettled, postWebhook, settleDedupWritesAfterEach, upstreamDelivery } from '../support/upstream-webhook.js';

// The loader refuses a dedup_window above half of resolve_timeout (see
// src/config/load.ts); this is the longest window it accepts for 4m.
useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 10s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
webhook_ingest:
  resolve_timeout: 4m
  dedup_window: 2m
`);
freshStatePerTest();
settleDedupWritesAfterEach();

describe('an upstream re-sending a firing group every 55s', () => {
  // Repeats inside the window are KV hits and refresh nothing; the first one
  // after it reaches the Dispatcher and moves the alert's end on, in time.
  // KV expires keys on the real clock, so the test expires them itself when
  // the fake clock passes the window.
  it('keeps the alert firing', async () => {
    const firing = upstreamDelivery('Lag', [{ labels: { instance: 'db1' }, startsAt: -60_000 }]);
    let rememberedAt = 0;
    for (const at of [0, 55_000, 110_000, 165_000, 220_000, 275_000, 330_000]) {
      await advanceTo(at);
      if (at - rememberedAt >= 120_000) for (const { name } of (await testEnv.EDGE_DEDUP.list()).keys) await testEnv.EDGE_DEDUP.delete(name);
      const response = await postWebhook(firing);
      expect(response.status).toBe(200);
      if (response.headers.get('X-Edgealert-Dedup') === 'miss') rememberedAt = at;
      await dedupWritesSettled();
    }
    await advanceTo(360_000);
    expect((await deliveries()).map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['db1:firing'] }]);
  });
});
