/**
 * Delivery failures: what is retried (5xx, 429 after its Retry-After) on a
 * later alarm within the same flush, what is not (other 4xx), and that a
 * resolved alert stays in its group until its notice is delivered.
 */
import { describe, expect, it } from 'vitest';
import { storedRows, useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { advanceTo, deliveries, firing, freshStatePerTest, nextAlarm, push, resolved, summary } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1m
  repeat_interval: 1h
  routes:
    - matchers: [to="both"]
      receiver: both
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
  - name: both
    webhook_configs:
      - url: http://receiver.test/one
      - url: http://receiver.test/two
`);
freshStatePerTest();

const attempts = async () => (await deliveries()).map((d) => ({ at: d.at, status: d.status }));

describe('a 5xx answer', () => {
  it('is retried on the next alarm, about 500 ms later, and delivered exactly once', async () => {
    await receiver.answerNext(500);
    await push([firing('Disk')]);
    await advanceTo(1000);
    expect(await attempts()).toEqual([{ at: 1000, status: 500 }]);

    const retryAt = await nextAlarm();
    // First backoff: 500 ms with +-20% jitter, well before the next tick at 61s.
    expect(retryAt).toBeGreaterThanOrEqual(1400);
    expect(retryAt).toBeLessThanOrEqual(1600);
    await advanceTo(retryAt ?? 0);
    expect(await attempts()).toEqual([
      { at: 1000, status: 500 },
      { at: retryAt, status: 200 },
    ]);

    // Delivered once: no further request at the ticks that follow (until the
    // alert times out after resolve_timeout, 5m).
    await advanceTo(299_000);
    const sent = await deliveries();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body).toBe(sent[0]?.body);
  });
});

describe('a 4xx answer other than 429', () => {
  it('is not retried; the next group_interval tick sends the notification again', async () => {
    await receiver.answerNext(400);
    await push([firing('Disk')]);
    await advanceTo(60_999);
    expect(await attempts()).toEqual([{ at: 1000, status: 400 }]);

    await advanceTo(61_000);
    expect(await attempts()).toEqual([
      { at: 1000, status: 400 },
      { at: 61_000, status: 200 },
    ]);
  });
});

describe('a 429 answer', () => {
  it('is retried no sooner than its Retry-After', async () => {
    await receiver.answerNext({ status: 429, headers: { 'Retry-After': '7' } });
    await push([firing('Disk')]);
    await advanceTo(1000);
    expect(await nextAlarm()).toBe(8000);

    await advanceTo(7999);
    expect(await attempts()).toEqual([{ at: 1000, status: 429 }]);
    await advanceTo(8000);
    expect(await attempts()).toEqual([
      { at: 1000, status: 429 },
      { at: 8000, status: 200 },
    ]);
  });

  it('with a Retry-After past the next tick, is left to that tick', async () => {
    await receiver.answerNext({ status: 429, headers: { 'Retry-After': '120' } });
    await push([firing('Disk')]);
    await advanceTo(60_999);
    expect(await attempts()).toEqual([{ at: 1000, status: 429 }]);
    await advanceTo(61_000);
    expect(await attempts()).toEqual([
      { at: 1000, status: 429 },
      { at: 61_000, status: 200 },
    ]);
  });
});

describe('a failed resolved notice', () => {
  it('keeps the resolved alert in its group until the notice is delivered', async () => {
    await push([firing('Disk')]);
    await advanceTo(2000);
    await push([resolved('Disk', {}, 2000)]);
    await receiver.answerNext(400);
    await advanceTo(61_000);
    expect((await deliveries()).map(summary)[1]).toEqual({ at: 61_000, status: 'resolved', alerts: ['Disk:resolved'] });
    expect(await storedRows('alerts')).toHaveLength(1);

    await advanceTo(121_000);
    expect((await attempts()).map((a) => a.status)).toEqual([200, 400, 200]);
    expect((await deliveries()).map(summary)[2]).toEqual({ at: 121_000, status: 'resolved', alerts: ['Disk:resolved'] });
    expect(await storedRows('alerts')).toEqual([]);
  });
});

describe('a receiver with two integrations', () => {
  it('sends again only to the integration that failed', async () => {
    await receiver.answerNext({ status: 400, path: '/one' });
    await push([firing('Disk', { to: 'both' })]);
    await advanceTo(60_000);
    const sent = async () => (await deliveries()).map((d) => `${d.at} ${d.path} ${d.status}`).sort();
    expect(await sent()).toEqual(['1000 /one 400', '1000 /two 200']);
    await advanceTo(61_000);
    expect(await sent()).toEqual(['1000 /one 400', '1000 /two 200', '61000 /one 200']);
  });
});
