/**
 * State that must hold over time and restarts: Prometheus re-sends every
 * firing alert every minute, and an unchanged re-send must cost neither a
 * notification nor a storage write; a restarted Dispatcher (new instance,
 * same SQLite storage) carries on with its groups, timers, notification log
 * and pending retries.
 */
import { abortAllDurableObjects } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { storedRows, useConfig, type ShardTable } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { advanceTo, deliveries, elapsed, fireAlarm, firing, freshStatePerTest, iso, push, setClock, summary } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

/** The alert as Prometheus sends it at every evaluation: same startsAt, endsAt 4 minutes ahead. */
const prometheusResend = (alertname: string, labels: Record<string, string> = {}) => ({
  ...firing(alertname, labels),
  startsAt: iso(0),
  endsAt: iso(elapsed() + 240_000),
});

/** Everything shard 0 has stored. */
async function storedState() {
  const tables: ShardTable[] = ['alerts', 'groups', 'nflog', 'jobs'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await storedRows(t)] as const)));
}

/** A restart: every Durable Object instance is dropped; the next request builds a new one from storage. */
const restart = () => abortAllDurableObjects();

/** An eviction, then the alarm fires at `ms` after T0 (a little after its due time) and rebuilds the object. */
async function evictThenWakeByAlarmAt(ms: number): Promise<void> {
  await restart();
  setClock(ms);
  expect(await fireAlarm()).toBe(true);
}

describe('re-sent alerts', () => {
  it('cost no new notification when unchanged', async () => {
    await push([prometheusResend('Disk')]);
    for (let t = 1000; t <= 60_000; t += 1000) {
      await advanceTo(t);
      await push([prometheusResend('Disk')]);
    }
    await advanceTo(120_000);
    expect((await deliveries()).map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['Disk:firing'] }]);
  });

  it('leave the stored state untouched when unchanged', async () => {
    await push([prometheusResend('Disk')]);
    await advanceTo(1000);
    const before = await storedState();
    expect(before.alerts).toHaveLength(1);

    await advanceTo(1500);
    await push([prometheusResend('Disk')]);
    await advanceTo(6000); // a tick that finds nothing new
    expect(await storedState()).toEqual(before);
  });

  it('still notify when the alert set changed', async () => {
    await push([prometheusResend('Disk', { instance: 'a' })]);
    await advanceTo(2000);
    await push([prometheusResend('Disk', { instance: 'a' }), prometheusResend('Disk', { instance: 'b' })]);
    await advanceTo(6000);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['a:firing'] },
      { at: 6000, status: 'firing', alerts: ['a:firing', 'b:firing'] },
    ]);
  });
});

describe('after a restart', () => {
  it('flushes a group at the end of its group_wait', async () => {
    await push([firing('Disk')]);
    await advanceTo(500);
    await restart();
    await advanceTo(1000);
    expect((await deliveries()).map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['Disk:firing'] }]);
  });

  it('remembers what it sent: the same alert re-sent costs no new notification', async () => {
    await push([prometheusResend('Disk')]);
    await advanceTo(1000);
    await restart();
    await advanceTo(2000);
    await push([prometheusResend('Disk')]);
    await advanceTo(60_000);
    expect((await deliveries()).map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['Disk:firing'] }]);
  });

  /**
   * A restart between ticks must not re-run the previous tick: alerts that
   * joined since go out at the next tick, as without the restart.
   */
  it('keeps to group_interval: an alert that joined before the restart waits for the next tick', async () => {
    await push([prometheusResend('Disk', { instance: 'a' })]);
    await advanceTo(2000);
    await push([prometheusResend('Disk', { instance: 'b' })]);
    await restart();
    // The next request (a Prometheus re-send) rebuilds the object from storage.
    await advanceTo(3000);
    await push([prometheusResend('Disk', { instance: 'a' })]);
    await advanceTo(6000);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['a:firing'] },
      { at: 6000, status: 'firing', alerts: ['a:firing', 'b:firing'] },
    ]);
  });

  it('runs the tick its alarm woke it for, when the alarm wakes it evicted a few ms late', async () => {
    await push([firing('Disk', { instance: 'a' })]);
    await advanceTo(2000);
    await push([firing('Disk', { instance: 'b' })]);
    for (const tick of [6000, 11_000, 16_000, 21_000]) await evictThenWakeByAlarmAt(tick + 5);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['a:firing'] },
      { at: 6005, status: 'firing', alerts: ['a:firing', 'b:firing'] },
    ]);
  });

  it('resumes a pending retry and delivers exactly once', async () => {
    await receiver.answerNext(500);
    await push([firing('Disk')]);
    await advanceTo(1000);
    await restart();
    await advanceTo(60_000);
    const attempts = (await deliveries()).map((d) => ({ at: d.at, status: d.status }));
    expect(attempts.map((a) => a.status)).toEqual([500, 200]);
    // The retry's backoff (about 500 ms), not the next tick at 6s.
    expect(attempts[1]?.at).toBeGreaterThan(1000);
    expect(attempts[1]?.at).toBeLessThan(6000);
  });
});
