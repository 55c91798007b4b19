/**
 * Expired silences are kept (and listed as expired) for the retention period
 * (SILENCE_RETENTION_MS, Alertmanager's --data.retention), then collected by
 * the Silences object's hourly alarm, which tells every Dispatcher shard.
 */
import { describe, expect, it } from 'vitest';
import { SILENCE_RETENTION_MS } from '../../../src/silence/types.js';
import { api, useConfig } from '../support/edgealert.js';
import {
  advanceSilencesTo,
  deleteSilence,
  eq,
  expire,
  listSilences,
  postSilence,
  shardSilences,
  silence,
  silenceBody,
  silencesAlarm,
  type ListedSilence,
} from '../support/silences.js';
import { freshStatePerTest, iso, setClock } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

const HOUR = 3_600_000;

/** `comment:state` of each silence, in listing order. */
const states = (list: ListedSilence[]) => list.map((s) => `${s.comment}:${s.status.state}`);

describe('retention of expired silences', () => {
  it('keeps an expired silence for the retention period, then collects it when the alarm runs', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'old' });
    const kept = await silence([eq('alertname', 'Cpu')], { comment: 'kept', endsAt: iso(200 * HOUR) });
    setClock(1000);
    await expire(id);
    expect(await silencesAlarm()).not.toBeNull();

    // Through the whole retention period it is still listed as expired.
    await advanceSilencesTo(1000 + SILENCE_RETENTION_MS - 1);
    expect(states(await listSilences())).toEqual(['kept:active', 'old:expired']);
    // Shards hold only silences in force: the expired one left them when it ended.
    expect((await shardSilences()).map((s) => s.id)).toEqual([kept]);

    // The first alarm at or after endsAt + retention forgets it, and tells the Dispatcher.
    await advanceSilencesTo(1000 + SILENCE_RETENTION_MS + HOUR);
    expect(states(await listSilences())).toEqual(['kept:active']);
    expect((await api(`/api/v2/silence/${id}`)).status).toBe(404);
    expect((await shardSilences()).map((s) => s.id)).toEqual([kept]);
    // Its id is unknown now: an update by it is a 404, a DELETE too.
    expect((await postSilence(silenceBody([eq('alertname', 'Disk')], { id }))).status).toBe(404);
    expect((await deleteSilence(id)).status).toBe(404);
  });

  // BUG (src/durable/silences.ts:78): every change pushes and then re-arms the one
  // alarm to now + 1h (setAlarm replaces the previous time), so while silences
  // change at least once an hour the collection alarm never fires and expired
  // silences are never collected. Expected 'old' gone within an hour after its
  // retention ended; got it still listed as expired (the alarm never came due).
  it('collects expired silences even when silences change more often than hourly', async () => {
    const id = await silence([eq('alertname', 'Disk')], { comment: 'old' });
    const busy = await silence([eq('alertname', 'Cpu')], { comment: 'busy-0', endsAt: iso(200 * HOUR) });
    setClock(1000);
    await expire(id);
    // Someone edits a silence every 30 minutes, well past the retention of 'old'.
    for (let t = 30 * 60_000, n = 1; t <= 1000 + SILENCE_RETENTION_MS + 2 * HOUR; t += 30 * 60_000, n++) {
      await advanceSilencesTo(t);
      expect(await silence([eq('alertname', 'Cpu')], { id: busy, startsAt: iso(0), endsAt: iso(200 * HOUR), comment: `busy-${n}` })).toBe(busy);
    }
    expect(states(await listSilences()).map((s) => s.replace(/-\d+:/, ':'))).toEqual(['busy:active']);
  });

  it('keeps a silence that expired by its endsAt until its own retention has passed', async () => {
    await silence([eq('alertname', 'Disk')], { comment: 'short', endsAt: iso(HOUR) });
    await advanceSilencesTo(HOUR + SILENCE_RETENTION_MS - 1);
    expect(states(await listSilences())).toEqual(['short:expired']);
    await advanceSilencesTo(HOUR + SILENCE_RETENTION_MS + HOUR);
    expect(await listSilences()).toEqual([]);
  });
});
