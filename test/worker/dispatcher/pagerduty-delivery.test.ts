/**
 * PagerDuty delivery through the Dispatcher, on the fake clock: an event
 * that fails three times and recovers is delivered exactly once; a 429
 * with Retry-After: 2 is tried again 2 s later, not before; a 400 is final;
 * v1's 403 (its rate limit) is retried; trigger and resolve share the
 * group's dedup_key.
 */
import { describe, expect, it } from 'vitest';
import { useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { TEST_SECRETS } from '../support/secrets.js';
import { advanceTo, deliveries, firing, freshStatePerTest, nextAlarm, push, resolved } from '../support/timeline.js';

useConfig(`
global:
  pagerduty_url: http://pagerduty.test/v2/enqueue
route:
  receiver: pager
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  repeat_interval: 1h
  routes:
    - matchers: [api="v1"]
      receiver: pager-v1
receivers:
  - name: pager
    pagerduty_configs:
      - routing_key: \${PD_ROUTING_KEY}
  - name: pager-v1
    pagerduty_configs:
      - service_key: \${PD_SERVICE_KEY}
        url: http://pagerduty.test/generic/2010-04-15/create_event.json
`);
freshStatePerTest();

const attempts = async () => (await deliveries()).map((d) => ({ at: d.at, status: d.status }));
const events = async () => (await deliveries()).map((d) => JSON.parse(d.body) as Record<string, unknown>);

describe('an event that fails three times, then goes through', () => {
  it('is retried with backoff before the next tick and delivered exactly once', async () => {
    await receiver.answerNext(502, 500, 503, 202);
    await push([firing('DiskFull')]);
    await advanceTo(59_999);
    expect((await attempts()).map((a) => a.status)).toEqual([502, 500, 503, 202]);
    await advanceTo(240_000);
    const sent = await deliveries();
    expect(sent.filter((d) => d.status < 300)).toHaveLength(1);
    expect(sent.every((d) => d.url === 'http://pagerduty.test/v2/enqueue' && d.body === sent[0]?.body)).toBe(true);
  });
});

describe('a 429 with Retry-After: 2', () => {
  it('is tried again 2 s later, not before', async () => {
    await receiver.answerNext({ status: 429, headers: { 'Retry-After': '2' } });
    await push([firing('DiskFull')]);
    await advanceTo(1000);
    expect(await nextAlarm()).toBe(3000);
    await advanceTo(2999);
    expect(await attempts()).toEqual([{ at: 1000, status: 429 }]);
    await advanceTo(3000);
    expect(await attempts()).toEqual([
      { at: 1000, status: 429 },
      { at: 3000, status: 200 },
    ]);
  });
});

describe('a 400 (invalid event)', () => {
  it('is not retried; the next tick sends the event again', async () => {
    await receiver.answerNext({ status: 400, body: JSON.stringify({ status: 'invalid event', message: 'Event object is invalid', errors: ['x'] }) });
    await push([firing('DiskFull')]);
    await advanceTo(60_999);
    expect(await attempts()).toEqual([{ at: 1000, status: 400 }]);
    await advanceTo(61_000);
    expect(await attempts()).toEqual([
      { at: 1000, status: 400 },
      { at: 61_000, status: 200 },
    ]);
  });
});

describe('v1', () => {
  it('retries a 403, which is how the v1 API says "too many events"', async () => {
    await receiver.answerNext(403);
    await push([firing('DiskFull', { api: 'v1' })]);
    await advanceTo(59_999);
    expect((await attempts()).map((a) => a.status)).toEqual([403, 200]);
    expect(await events()).toMatchObject([{ service_key: TEST_SECRETS.PD_SERVICE_KEY, event_type: 'trigger' }, { event_type: 'trigger' }]);
  });
});

describe('trigger and resolve', () => {
  it('send the same dedup_key, so the resolve closes the incident the trigger opened', async () => {
    await push([firing('DiskFull')]);
    await advanceTo(1000);
    await push([resolved('DiskFull')]);
    await advanceTo(61_000);
    const [trigger, resolve] = await events();
    expect(trigger).toMatchObject({ routing_key: TEST_SECRETS.PD_ROUTING_KEY, event_action: 'trigger' });
    expect(resolve).toMatchObject({ event_action: 'resolve', dedup_key: trigger?.dedup_key });
    expect(trigger?.dedup_key).toMatch(/^[0-9a-f]{64}$/);
  });
});
