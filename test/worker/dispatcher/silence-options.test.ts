/**
 * edgealert's silence options, each off by default: with them off a flush is
 * exactly Alertmanager's (a silence that ends notifies nothing until
 * repeat_interval; an alert resolved under a silence sends no resolved
 * notice); with them on, the receiver hears at once.
 */
import { describe, expect, it } from 'vitest';
import { useConfig } from '../support/edgealert.js';
import { sentByGroup } from '../support/sent.js';
import { eq, expire, silence } from '../support/silences.js';
import { advanceTo, firing, freshStatePerTest, push, resolved } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
  routes:
    - matchers: [options="on"]
      notify_on_silence_end: true
      send_resolved_when_silenced: true
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

/** Fires at 0 (notified at 1000), silenced at 2000 (muted at the 6000 tick). */
async function notifiedThenSilenced(alertname: string, options: 'on' | 'off'): Promise<string> {
  await push([firing(alertname, { options })]);
  await advanceTo(2000);
  const id = await silence([eq('alertname', alertname)]);
  await advanceTo(6000);
  return id;
}

describe('notify_on_silence_end', () => {
  it('off (default, as Alertmanager): a silence ending on a firing alert notifies nothing before repeat_interval', async () => {
    const id = await notifiedThenSilenced('Disk', 'off');
    await expire(id);
    await advanceTo(20_000);
    expect(await sentByGroup()).toEqual([{ group: 'Disk', at: 1000, status: 'firing', alerts: ['Disk:firing'] }]);
  });

  it('on: the next tick after the silence ends notifies the still-firing alert', async () => {
    const id = await notifiedThenSilenced('Disk', 'on');
    await advanceTo(8000);
    await expire(id);
    await advanceTo(20_000);
    expect(await sentByGroup()).toEqual([
      { group: 'Disk', at: 1000, status: 'firing', alerts: ['Disk:firing'] },
      { group: 'Disk', at: 11_000, status: 'firing', alerts: ['Disk:firing'] },
    ]);
  });

  it('on: notifies once, then repeat_interval rules again', async () => {
    const id = await notifiedThenSilenced('Disk', 'on');
    await expire(id);
    await push([firing('Disk', { options: 'on' })]);
    await advanceTo(60_000);
    expect((await sentByGroup()).map((s) => s.at)).toEqual([1000, 11_000]);
  });
});

describe('send_resolved_when_silenced', () => {
  it('off (default, as Alertmanager): an alert resolved under a silence sends no resolved notice', async () => {
    await notifiedThenSilenced('Cpu', 'off');
    await push([resolved('Cpu', { options: 'off' })]);
    await advanceTo(20_000);
    expect(await sentByGroup()).toEqual([{ group: 'Cpu', at: 1000, status: 'firing', alerts: ['Cpu:firing'] }]);
  });

  it('on: the receiver told it was firing gets its resolved notice', async () => {
    await notifiedThenSilenced('Cpu', 'on');
    await push([resolved('Cpu', { options: 'on' })]);
    await advanceTo(20_000);
    expect(await sentByGroup()).toEqual([
      { group: 'Cpu', at: 1000, status: 'firing', alerts: ['Cpu:firing'] },
      { group: 'Cpu', at: 11_000, status: 'resolved', alerts: ['Cpu:resolved'] },
    ]);
  });

  it('on: an alert never notified (silenced from the start) stays quiet when it resolves', async () => {
    await silence([eq('alertname', 'Mem')]);
    await push([firing('Mem', { options: 'on' })]);
    await advanceTo(3000);
    await push([resolved('Mem', { options: 'on' })]);
    await advanceTo(20_000);
    expect(await sentByGroup()).toEqual([]);
  });
});
