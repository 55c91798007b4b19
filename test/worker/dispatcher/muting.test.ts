/**
 * Muting on one Dispatcher shard: silences (pushed by the Silences object on
 * every change) and inhibition remove alerts from a flush before dedup, so a
 * muted alert is neither notified nor written to the notification log, and
 * is notified at its group's next tick once the mute is lifted. The read API
 * reports the mute as status {state: suppressed, silencedBy, inhibitedBy}.
 */
import { describe, expect, it } from 'vitest';
import { getJson, storedRows, useConfig } from '../support/edgealert.js';
import { sentByGroup } from '../support/sent.js';
import { eq, expire, re, restartAll, silence } from '../support/silences.js';
import { advanceTo, deliveries, firing, freshStatePerTest, iso, push, resolved } from '../support/timeline.js';

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
inhibit_rules:
  - source_matchers: [severity="critical"]
    target_matchers: [severity="warning"]
    equal: [cluster]
`);
freshStatePerTest();

interface ListedAlert {
  fingerprint: string;
  labels: Record<string, string>;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

async function listed(query = ''): Promise<ListedAlert[]> {
  return getJson<ListedAlert[]>(`/api/v2/alerts${query}`);
}

/** The status of every listed alert, by instance (or alertname when it has none). */
async function statuses(query = ''): Promise<Record<string, ListedAlert['status']>> {
  return Object.fromEntries((await listed(query)).map((a) => [a.labels.instance ?? a.labels.alertname, a.status]));
}

describe('silences', () => {
  it('leaves a silenced alert out of its group notification', async () => {
    await silence([eq('instance', 'b')]);
    await push([firing('Disk', { instance: 'a' }), firing('Disk', { instance: 'b' }), firing('Disk', { instance: 'c' })]);
    await advanceTo(1000);
    expect(await sentByGroup()).toEqual([{ group: 'Disk', at: 1000, status: 'firing', alerts: ['a:firing', 'c:firing'] }]);
  });

  it('sends nothing for a group whose only alert is silenced and leaves its log alone, so the alert is notified at the tick after the silence is expired', async () => {
    const id = await silence([eq('alertname', 'Cpu')]);
    await push([firing('Cpu', { instance: 'h1' })]);
    await advanceTo(1000);
    expect(await deliveries()).toEqual([]);
    expect(await storedRows('nflog')).toEqual([]);

    await advanceTo(2000);
    await expire(id);
    await advanceTo(5999);
    expect(await deliveries()).toEqual([]);
    await advanceTo(6000);
    expect(await sentByGroup()).toEqual([{ group: 'Cpu', at: 6000, status: 'firing', alerts: ['h1:firing'] }]);
    expect(await storedRows('nflog')).toHaveLength(1);
  });

  it('applies a silence created now from the very next flush', async () => {
    await push([firing('Disk', { instance: 'a' }), firing('Disk', { instance: 'b' })]);
    await advanceTo(5999);
    await silence([eq('instance', 'b')]);
    await push([firing('Disk', { instance: 'c' })]);
    await advanceTo(6000);
    expect(await sentByGroup()).toEqual([
      { group: 'Disk', at: 1000, status: 'firing', alerts: ['a:firing', 'b:firing'] },
      { group: 'Disk', at: 6000, status: 'firing', alerts: ['a:firing', 'c:firing'] },
    ]);
  });

  it('mutes from the start of a pending silence to its end, with no further push', async () => {
    await silence([eq('instance', 'b')], { startsAt: iso(4000), endsAt: iso(9000) });
    await push([firing('Disk', { instance: 'a' })]);
    await advanceTo(2000);
    await push([firing('Disk', { instance: 'b' })]);
    // Tick at 6s: the silence has started, b is muted and a was already notified: nothing to send.
    await advanceTo(10_999);
    expect(await sentByGroup()).toEqual([{ group: 'Disk', at: 1000, status: 'firing', alerts: ['a:firing'] }]);
    // Tick at 11s: the silence ended at 9s.
    await advanceTo(11_000);
    expect((await sentByGroup())[1]).toEqual({ group: 'Disk', at: 11_000, status: 'firing', alerts: ['a:firing', 'b:firing'] });
  });

  it('keeps muting after a restart, with the silences the Dispatcher was pushed before', async () => {
    await silence([re('alertname', 'Cpu|Disk')]);
    await restartAll();
    await push([firing('Cpu'), firing('Mem')]);
    await advanceTo(1000);
    expect(await sentByGroup()).toEqual([{ group: 'Mem', at: 1000, status: 'firing', alerts: ['Mem:firing'] }]);
  });

  // BUG (src/durable/sql-shard-storage.ts:69-71, src/group/shard.ts:81-84): a shard
  // stores every silence it is pushed (expired ones too, kept 120h) as ONE row,
  // `meta/silences`, and a Durable Object SQLite row holds about 2 MB. Past that,
  // putSilences throws SQLITE_TOOBIG after the in-memory list was replaced, so the
  // shard mutes correctly until it restarts, then loads the last list that fit: the
  // newer silences are gone and their alerts are notified. (The Silences object
  // meanwhile retries the failed push every second, src/durable/silences.ts:79-81,
  // and the POST answered 200.) Expected no notification after the restart; got one.
  it('keeps muting after a restart however many silences there are (over 2 MB of them)', async () => {
    const comment = 'x'.repeat(20_000);
    for (let i = 0; i < 120; i++) await silence([eq('alertname', `Noisy${i}`)], { comment });
    await restartAll();
    await push([firing('Noisy119')]);
    await advanceTo(1000);
    expect(await deliveries()).toEqual([]);
  }, 60_000);
});

describe('inhibition', () => {
  const source = firing('Down', { instance: 'db1', severity: 'critical', cluster: 'a' });
  const targetA = firing('Slow', { instance: 'web-a', severity: 'warning', cluster: 'a' });
  const targetB = firing('Slow', { instance: 'web-b', severity: 'warning', cluster: 'b' });

  it('mutes a target in another group while a source with equal labels fires, and notifies it at its next tick once the source resolves', async () => {
    await push([source, targetA, targetB]);
    await advanceTo(1000);
    expect(await sentByGroup()).toEqual([
      { group: 'Down', at: 1000, status: 'firing', alerts: ['db1:firing'] },
      { group: 'Slow', at: 1000, status: 'firing', alerts: ['web-b:firing'] },
    ]);

    await advanceTo(2000);
    await push([resolved('Down', source.labels, 2000)]);
    await advanceTo(6000);
    expect((await sentByGroup()).slice(2)).toEqual([
      { group: 'Down', at: 6000, status: 'resolved', alerts: ['db1:resolved'] },
      { group: 'Slow', at: 6000, status: 'firing', alerts: ['web-a:firing', 'web-b:firing'] },
    ]);
  });

  it('sends nothing for a group whose only alert is inhibited and leaves its log alone', async () => {
    await push([source, targetA]);
    await advanceTo(1000);
    expect((await sentByGroup()).map((d) => d.group)).toEqual(['Down']);
    expect((await storedRows('nflog')).map((r) => r.id)).toEqual([expect.stringContaining('Down')]);
  });

  it('treats an equal label missing on both sides as equal', async () => {
    await push([
      firing('Down', { instance: 'db1', severity: 'critical' }),
      firing('Slow', { instance: 'no-cluster', severity: 'warning' }),
      firing('Slow', { instance: 'cluster-b', severity: 'warning', cluster: 'b' }),
    ]);
    await advanceTo(1000);
    expect((await sentByGroup()).find((d) => d.group === 'Slow')?.alerts).toEqual(['cluster-b:firing']);
  });

  it('lets a silenced source inhibit all the same', async () => {
    await silence([eq('alertname', 'Down')]);
    await push([source, targetA, targetB]);
    await advanceTo(1000);
    expect(await sentByGroup()).toEqual([{ group: 'Slow', at: 1000, status: 'firing', alerts: ['web-b:firing'] }]);
  });

  it('does not mute a target whose source has already resolved', async () => {
    await push([{ ...source, startsAt: iso(-120_000), endsAt: iso(-60_000) }, targetA]);
    await advanceTo(1000);
    expect(await sentByGroup()).toContainEqual({ group: 'Slow', at: 1000, status: 'firing', alerts: ['web-a:firing'] });
  });
});

describe('GET /api/v2/alerts', () => {
  it('reports a silenced alert as suppressed with silencedBy, an inhibited one with inhibitedBy the source fingerprint', async () => {
    await push([
      firing('Down', { instance: 'db1', severity: 'critical', cluster: 'a' }),
      firing('Slow', { instance: 'web-a', severity: 'warning', cluster: 'a' }),
      firing('Slow', { instance: 'web-b', severity: 'warning', cluster: 'b' }),
      firing('Disk', { instance: 'quiet' }),
    ]);
    const id = await silence([eq('instance', 'quiet')]);
    const sourceFingerprint = (await listed()).find((a) => a.labels.instance === 'db1')?.fingerprint;
    expect(sourceFingerprint).toMatch(/^[0-9a-f]{16}$/);

    expect(await statuses()).toEqual({
      db1: { state: 'active', silencedBy: [], inhibitedBy: [] },
      'web-a': { state: 'suppressed', silencedBy: [], inhibitedBy: [sourceFingerprint] },
      'web-b': { state: 'active', silencedBy: [], inhibitedBy: [] },
      quiet: { state: 'suppressed', silencedBy: [id], inhibitedBy: [] },
    });
  });

  it('lists every silence muting an alert in silencedBy, sorted, and only active ones', async () => {
    await push([firing('Disk', { instance: 'h1' })]);
    const first = await silence([eq('instance', 'h1')]);
    const second = await silence([eq('alertname', 'Disk')]);
    await silence([eq('alertname', 'Disk')], { startsAt: iso(60_000), endsAt: iso(120_000) }); // pending
    expect((await statuses()).h1?.silencedBy).toEqual([first, second].sort());
  });

  it('filters with silenced=false and inhibited=false', async () => {
    await push([
      firing('Down', { instance: 'db1', severity: 'critical', cluster: 'a' }),
      firing('Slow', { instance: 'web-a', severity: 'warning', cluster: 'a' }),
      firing('Disk', { instance: 'quiet' }),
    ]);
    await silence([eq('instance', 'quiet')]);
    const names = async (query: string) => Object.keys(await statuses(query)).sort();
    expect(await names('')).toEqual(['db1', 'quiet', 'web-a']);
    expect(await names('?silenced=false')).toEqual(['db1', 'web-a']);
    expect(await names('?inhibited=false')).toEqual(['db1', 'quiet']);
    expect(await names('?silenced=false&inhibited=false')).toEqual(['db1']);
    expect(await names('?active=false')).toEqual(['quiet', 'web-a']);
  });

  it('reports the alert active again once its silence is expired, and once its source resolves', async () => {
    await push([
      firing('Down', { instance: 'db1', severity: 'critical', cluster: 'a' }),
      firing('Slow', { instance: 'web-a', severity: 'warning', cluster: 'a' }),
      firing('Disk', { instance: 'quiet' }),
    ]);
    const id = await silence([eq('instance', 'quiet')]);
    await advanceTo(1000);
    await expire(id);
    await push([resolved('Down', { instance: 'db1', severity: 'critical', cluster: 'a' }, 1000)]);
    await advanceTo(1001);
    const now = await statuses();
    expect(now.quiet).toEqual({ state: 'active', silencedBy: [], inhibitedBy: [] });
    expect(now['web-a']).toEqual({ state: 'active', silencedBy: [], inhibitedBy: [] });
  });
});
