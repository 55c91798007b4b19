/**
 * Resolved alerts: the resolved notice (send_resolved true, the webhook
 * default), its absence with send_resolved false, and the clean-up after a
 * successful flush: resolved alerts leave their group, and an empty group
 * disappears at its next tick.
 */
import { describe, expect, it } from 'vitest';
import { storedRows, useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import {
  advanceTo,
  deliveries,
  fireAlarm,
  firing,
  freshStatePerTest,
  goTime,
  iso,
  nextAlarm,
  push,
  resolved,
  setClock,
  summary,
} from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
  routes:
    - matchers: [notify="quiet"]
      receiver: quiet
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
  - name: quiet
    webhook_configs:
      - url: http://receiver.test/quiet
        send_resolved: false
`);
freshStatePerTest();

describe('with send_resolved true', () => {
  it('sends the resolved notice at the next tick, with the real endsAt', async () => {
    await push([firing('Disk')]);
    await advanceTo(2000);
    await push([resolved('Disk', {}, 2000)]);
    await advanceTo(6000);

    const sent = await deliveries();
    expect(sent.map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['Disk:firing'] },
      { at: 6000, status: 'resolved', alerts: ['Disk:resolved'] },
    ]);
    expect(sent[1]?.message.alerts[0]).toMatchObject({ status: 'resolved', startsAt: goTime(0), endsAt: goTime(2000) });
  });

  it('removes resolved alerts from the group once delivered, and the empty group disappears at its next tick', async () => {
    await push([firing('Disk', { instance: 'a' }), firing('Disk', { instance: 'b' })]);
    await advanceTo(2000);
    await push([resolved('Disk', { instance: 'a' }, 2000)]);
    await advanceTo(6000);
    expect((await deliveries()).map(summary)[1]).toEqual({ at: 6000, status: 'firing', alerts: ['a:resolved', 'b:firing'] });
    expect((await storedRows('alerts')).map((r) => (r.doc as { labels: Record<string, string> }).labels.instance)).toEqual(['b']);

    await push([resolved('Disk', { instance: 'b' }, 7000)]);
    await advanceTo(11_000);
    expect((await deliveries()).map(summary)[2]).toEqual({ at: 11_000, status: 'resolved', alerts: ['b:resolved'] });
    expect(await storedRows('alerts')).toEqual([]);

    // The group, now empty, is dropped at its next tick; nothing is left to do.
    await advanceTo(16_000);
    expect(await storedRows('groups')).toEqual([]);
    expect(await storedRows('jobs')).toEqual([]);
    expect(await nextAlarm()).toBeNull();
    expect(await deliveries()).toHaveLength(3);
  });

  it('starts a new group (with a new group_wait) when the alert fires again after its group disappeared', async () => {
    await push([firing('Disk')]);
    await advanceTo(2000);
    await push([resolved('Disk', {}, 2000)]);
    await advanceTo(11_000);
    await push([firing('Disk')]);
    await advanceTo(12_000);
    // group_wait after the new push, not the old group's tick at 16s.
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['Disk:firing'] },
      { at: 6000, status: 'resolved', alerts: ['Disk:resolved'] },
      { at: 12_000, status: 'firing', alerts: ['Disk:firing'] },
    ]);
  });

  it('resolves an alert that is no longer re-sent once resolve_timeout has passed, and says so', async () => {
    await push([firing('Disk')]); // no endsAt: it times out 5m (resolve_timeout) after it was received
    await advanceTo(300_999);
    expect((await deliveries()).map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['Disk:firing'] }]);
    await advanceTo(301_000);
    const sent = await deliveries();
    expect(sent.map(summary)[1]).toEqual({ at: 301_000, status: 'resolved', alerts: ['Disk:resolved'] });
    expect(sent[1]?.message.alerts[0]?.endsAt).toBe(goTime(300_000));
  });

  it('keeps an alert that fires again while its resolved notice is being delivered', async () => {
    await push([firing('Disk')]);
    await advanceTo(2000);
    await push([resolved('Disk', {}, 2000)]);
    // The tick at 6s sends the resolved notice; the receiver holds it.
    await receiver.answerNext({ status: 200, hold: true });
    setClock(6000);
    const tick = fireAlarm();
    await receiver.waitForRequests(2);
    expect((await deliveries()).map(summary)[1]).toEqual({ at: 6000, status: 'resolved', alerts: ['Disk:resolved'] });
    // Meanwhile the alert fires again; then the notice is answered 200.
    setClock(6010);
    await push([firing('Disk')]);
    await receiver.release();
    await tick;

    expect(await storedRows('alerts')).toHaveLength(1);
    await advanceTo(11_000);
    expect((await deliveries()).map(summary)[2]).toEqual({ at: 11_000, status: 'firing', alerts: ['Disk:firing'] });
  });

  it('sends nothing for a group whose only alert resolved before group_wait ended', async () => {
    await push([{ ...firing('Disk'), startsAt: iso(0), endsAt: iso(500) }]);
    await advanceTo(30_000);
    expect(await deliveries()).toEqual([]);
    expect(await storedRows('alerts')).toEqual([]);
  });
});

describe('with send_resolved false', () => {
  it('sends no resolved notice, and still forgets the alert and its group', async () => {
    await push([firing('Disk', { notify: 'quiet' })]);
    await advanceTo(2000);
    await push([resolved('Disk', { notify: 'quiet' }, 2000)]);
    await advanceTo(30_000);

    const sent = await deliveries();
    expect(sent.map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['Disk:firing'] }]);
    expect(sent[0]?.path).toBe('/quiet');
    expect(await storedRows('alerts')).toEqual([]);
    expect(await storedRows('groups')).toEqual([]);
    expect(await nextAlarm()).toBeNull();
  });

  it('leaves resolved alerts out of notifications and does not notify when only a resolution changed', async () => {
    await push([firing('Disk', { notify: 'quiet', instance: 'a' }), firing('Disk', { notify: 'quiet', instance: 'b' })]);
    await advanceTo(2000);
    await push([resolved('Disk', { notify: 'quiet', instance: 'a' }, 2000)]);
    await advanceTo(6000);
    // b still fires and was already notified: nothing new to say without resolved notices.
    expect(await deliveries()).toHaveLength(1);

    await push([firing('Disk', { notify: 'quiet', instance: 'c' })]);
    await advanceTo(11_000);
    expect((await deliveries()).map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['a:firing', 'b:firing'] },
      { at: 11_000, status: 'firing', alerts: ['b:firing', 'c:firing'] },
    ]);
  });
});
