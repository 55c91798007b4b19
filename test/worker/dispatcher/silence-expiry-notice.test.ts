/**
 * silence_expiry_notice: `before` ahead of a silence's end, a SilenceExpiring
 * alert with the silence's id, creator, comment and matchers reaches the
 * configured receiver through the normal pipeline, driven by the Silences
 * object's alarm; it resolves when the silence ends, or when it is expired early.
 */
import { describe, expect, it } from 'vitest';
import { useConfig } from '../support/edgealert.js';
import { eq, expire, silence, silencesAlarm, advanceSilencesTo } from '../support/silences.js';
import { advanceTo, deliveries, freshStatePerTest, settle } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
  - name: owners
    webhook_configs: [{ url: http://receiver.test/owners }]
silence_expiry_notice: { receiver: owners, before: 15m }
`);
freshStatePerTest();

const MIN = 60_000;

/**
 * Fires the Silences object's alarms, waits for what its pushes flushed at
 * once, then fires shard 0's alarms, up to `ms` (take steps that keep them in order).
 */
async function advanceBoth(ms: number): Promise<void> {
  await advanceSilencesTo(ms);
  await settle();
  await advanceTo(ms);
}

describe('silence_expiry_notice', () => {
  it('notifies the receiver before the silence expires, with its id, creator and comment, and resolves at its end', async () => {
    const id = await silence([eq('alertname', 'Disk')], { createdBy: 'alice', comment: 'disk swap' });
    expect(await silencesAlarm()).toBe(45 * MIN);
    await advanceBoth(45 * MIN - 1);
    expect(await deliveries()).toEqual([]);
    await advanceBoth(45 * MIN);
    await advanceBoth(60 * MIN + 5000);
    const sent = (await deliveries()).filter((d) => d.path === '/owners');
    expect(sent.map((d) => [d.at, d.message.status])).toEqual([
      [45 * MIN, 'firing'],
      [60 * MIN + 5000, 'resolved'],
    ]);
    const [alert] = sent[0]!.message.alerts;
    expect(alert?.labels).toEqual({ alertname: 'SilenceExpiring', silence_id: id });
    expect(alert?.annotations).toMatchObject({ created_by: 'alice', comment: 'disk swap', matchers: '{alertname="Disk"}' });
    expect((await deliveries()).filter((d) => d.path === '/hook')).toEqual([]);
  });

  it('resolves the notice when the silence is expired early', async () => {
    const id = await silence([eq('alertname', 'Disk')]);
    await advanceBoth(50 * MIN);
    await expire(id);
    await advanceBoth(51 * MIN);
    const sent = (await deliveries()).filter((d) => d.path === '/owners');
    expect(sent.map((d) => d.message.status)).toEqual(['firing', 'resolved']);
  });
});
