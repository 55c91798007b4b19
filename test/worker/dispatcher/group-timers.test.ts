/**
 * The Dispatcher's aggregation timers, driven through its one alarm:
 * group_wait before the first notification, group_interval ticks after it,
 * repeat_interval for unchanged groups (Alertmanager's aggrGroup + nflog).
 */
import { describe, expect, it } from 'vitest';
import { storedRows, useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { advanceTo, deliveries, firing, freshStatePerTest, iso, nextAlarm, push, settle, summary } from '../support/timeline.js';

// repeat_interval is deliberately not a multiple of group_interval (see test/conformance/README.md).
useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 12s
  routes:
    - matchers: [speed="now"]
      group_wait: 0s
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

describe('group_wait', () => {
  it('sends nothing before group_wait, then one webhook with every alert that arrived meanwhile', async () => {
    await push([firing('Disk', { instance: 'a' })]);
    expect(await nextAlarm()).toBe(1000);
    await advanceTo(500);
    await push([firing('Disk', { instance: 'b' })]);
    await advanceTo(999);
    expect(await deliveries()).toEqual([]);

    await advanceTo(1000);
    const sent = await deliveries();
    expect(sent.map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['a:firing', 'b:firing'] }]);
    expect(sent[0]?.path).toBe('/hook');
  });

  it('flushes at once, within the push, when the alert started more than group_wait ago', async () => {
    await push([{ ...firing('Disk'), startsAt: iso(-10_000) }]);
    await settle();
    expect((await deliveries()).map((d) => d.at)).toEqual([0]);
    expect(await nextAlarm()).toBe(5000); // the next group_interval tick: no alarm ran for the first flush
  });

  it('flushes at once, within the push, with group_wait 0s', async () => {
    await push([firing('Disk', { speed: 'now' })]);
    await settle();
    expect((await deliveries()).map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['Disk:firing'] }]);
    expect(await nextAlarm()).toBe(5000);
  });

  it('answers the push without waiting for the receiver, which still gets the webhook at once', async () => {
    await receiver.answerNext({ status: 200, hold: true });
    await push([firing('Disk', { speed: 'now' })]); // answered 200 while the webhook is held
    await receiver.waitForRequests(1);
    await receiver.release();
    await settle();
    expect((await deliveries()).map(summary)).toEqual([{ at: 0, status: 'firing', alerts: ['Disk:firing'] }]);
    expect(await storedRows('nflog')).toHaveLength(1); // logged as sent: the next tick will not repeat it
    expect(await storedRows('jobs')).toEqual([]);
  });

  it('keeps groups apart: each group_by value gets its own webhook', async () => {
    await push([firing('Disk'), firing('Cpu')]);
    await advanceTo(1000);
    const keys = (await deliveries()).map((d) => d.message.groupKey).sort();
    expect(keys).toEqual(['{}:{alertname="Cpu"}', '{}:{alertname="Disk"}']);
  });
});

describe('group_interval', () => {
  it('sends an alert joining after the first flush at the next group_interval tick, not before', async () => {
    await push([firing('Disk', { instance: 'a' })]);
    await advanceTo(2000);
    await push([firing('Disk', { instance: 'b' })]);
    await advanceTo(5999);
    expect(await deliveries()).toHaveLength(1);

    await advanceTo(6000);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['a:firing'] },
      { at: 6000, status: 'firing', alerts: ['a:firing', 'b:firing'] },
    ]);
  });
});

describe('repeat_interval', () => {
  it('does not notify an unchanged group again until repeat_interval has elapsed, then at the next tick', async () => {
    await push([firing('Disk')]);
    // Ticks at 1s + k x 5s. 12s after the send at 1s is 13s; the first tick after it is 16s.
    await advanceTo(15_999);
    expect((await deliveries()).map((d) => d.at)).toEqual([1000]);

    await advanceTo(16_000);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['Disk:firing'] },
      { at: 16_000, status: 'firing', alerts: ['Disk:firing'] },
    ]);
    // And again 12s after that: 28s, so at the tick at 31s.
    await advanceTo(31_000);
    expect((await deliveries()).map((d) => d.at)).toEqual([1000, 16_000, 31_000]);
  });
});
