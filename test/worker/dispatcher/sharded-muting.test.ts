/**
 * Muting with `shards: 4`: aggregation groups are spread over four
 * Dispatcher shards (shardOf, src/route/dispatch-plan.ts). The Silences object
 * pushes every change to every shard, so one silence mutes groups wherever
 * they live; an inhibition source is sent to every shard, so it mutes targets
 * whose group lives on another shard than its own.
 */
import { describe, expect, it } from 'vitest';
import { getJson, storedRows, useConfig } from '../support/edgealert.js';
import { sentByGroup } from '../support/sent.js';
import { advanceAllShardsTo, labelsOnShard, shardCount, shardsOf } from '../support/shards.js';
import { eq, expire, shardSilences, silence } from '../support/silences.js';
import { freshStatePerTest, iso, push } from '../support/timeline.js';

useConfig(`
shards: 4
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

const SHARDS = [0, 1, 2, 3];

interface ListedAlert {
  fingerprint: string;
  labels: Record<string, string>;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

it('runs with four shards', () => {
  expect(shardCount()).toBe(4);
});

describe('silences', () => {
  it('pushes a silence, and every change to it, to every shard', async () => {
    const id = await silence([eq('team', 'db')]);
    for (const index of SHARDS) expect(await shardSilences(index), `shard ${index}`).toEqual([{ id, endsAt: Date.parse(iso(3_600_000)) }]);
    await advanceAllShardsTo(1000);
    await expire(id);
    for (const index of SHARDS) expect(await shardSilences(index), `shard ${index}`).toEqual([{ id, endsAt: Date.parse(iso(1000)) }]);
  });

  it('mutes alerts whose groups live on four different shards with one silence, and notifies them all once it is expired', async () => {
    const quiet = SHARDS.map((index) => labelsOnShard(index, (n) => ({ alertname: `Db${n}`, team: 'db' })));
    expect(quiet.map((labels) => shardsOf(labels)[0])).toEqual(SHARDS);
    const loud = { alertname: 'Web', team: 'web' };

    const id = await silence([eq('team', 'db')]);
    await push([...quiet, loud].map((labels) => ({ labels })));
    await advanceAllShardsTo(1000);
    expect(await sentByGroup()).toEqual([{ group: 'Web', at: 1000, status: 'firing', alerts: ['Web:firing'] }]);
    for (const index of SHARDS) {
      const logged = (await storedRows('nflog', index)).length;
      expect(logged, `notification log of shard ${index}`).toBe(index === shardsOf(loud)[0] ? 1 : 0);
    }

    // The read API agrees, whichever shard holds the alert.
    const listed = await getJson<ListedAlert[]>('/api/v2/alerts');
    for (const labels of quiet) {
      expect(listed.find((a) => a.labels.alertname === labels.alertname)?.status).toEqual({ state: 'suppressed', silencedBy: [id], inhibitedBy: [] });
    }

    await advanceAllShardsTo(2000);
    await expire(id);
    await advanceAllShardsTo(6000);
    const at6 = (await sentByGroup()).filter((d) => d.at === 6000);
    expect(at6.map((d) => d.group).sort()).toEqual(quiet.map((labels) => labels.alertname).sort());
  });
});

describe('inhibition across shards', () => {
  it.each([
    [0, 3],
    [3, 0],
    [2, 1],
  ])(
    "mutes a target while its source fires with its group on shard %i and the target's on shard %i, and notifies it at its next tick once the source resolves",
    async (sourceShard, targetShard) => {
      const source = labelsOnShard(sourceShard, (n) => ({ alertname: `Down${n}`, severity: 'critical', cluster: 'a', instance: 'db1' }));
      const target = labelsOnShard(targetShard, (n) => ({ alertname: `Slow${n}`, severity: 'warning', cluster: 'a', instance: 'web-a' }));
      // Same group as the target (group_by alertname), not inhibited: another cluster.
      const bystander = { ...target, cluster: 'b', instance: 'web-b' };
      expect([shardsOf(source), shardsOf(target), shardsOf(bystander)]).toEqual([[sourceShard], [targetShard], [targetShard]]);

      await push([source, target, bystander].map((labels) => ({ labels })));
      await advanceAllShardsTo(1000);
      const at1 = await sentByGroup();
      expect(at1).toHaveLength(2);
      expect(at1).toContainEqual({ group: source.alertname, at: 1000, status: 'firing', alerts: ['db1:firing'] });
      expect(at1).toContainEqual({ group: target.alertname, at: 1000, status: 'firing', alerts: ['web-b:firing'] });
      expect(await storedRows('nflog', targetShard)).toHaveLength(1);

      const listed = await getJson<ListedAlert[]>('/api/v2/alerts');
      const sourceFingerprint = listed.find((a) => a.labels.instance === 'db1')?.fingerprint;
      expect(listed.find((a) => a.labels.instance === 'web-a')?.status).toEqual({
        state: 'suppressed',
        silencedBy: [],
        inhibitedBy: [sourceFingerprint],
      });

      await advanceAllShardsTo(2000);
      await push([{ labels: source, endsAt: iso(2000) }]);
      await advanceAllShardsTo(6000);
      const at6 = (await sentByGroup()).filter((d) => d.at === 6000);
      expect(at6).toContainEqual({ group: source.alertname, at: 6000, status: 'resolved', alerts: ['db1:resolved'] });
      expect(at6).toContainEqual({ group: target.alertname, at: 6000, status: 'firing', alerts: ['web-a:firing', 'web-b:firing'] });
    },
  );

  // BUG (src/group/shard.ts:96-101, 105-113, 258-269): a source is copied, with no
  // route, to every shard (dispatch-plan.ts:29-31), but a copy is forgotten only by
  // collectGarbage, which runs from the alarm, and nextDueAt() arms the alarm for
  // groups and flushes only. A shard that holds no group never runs an alarm, so
  // it keeps the resolved source in memory and in SQLite for good.
  // Expected [0, 0, 0, 0] a day later (the target resolves by resolve_timeout and
  // leaves too); got [0, 0, 1, 1]: shards 2 and 3, which hold no group, keep the source.
  it('forgets the resolved source on every shard, including shards that hold no group', async () => {
    const source = labelsOnShard(0, (n) => ({ alertname: `Down${n}`, severity: 'critical', cluster: 'a' }));
    const target = labelsOnShard(1, (n) => ({ alertname: `Slow${n}`, severity: 'warning', cluster: 'a' }));
    await push([{ labels: source }, { labels: target }]);
    // The source is on every shard (to inhibit there), the target only on its own.
    for (const index of SHARDS) expect((await storedRows('alerts', index)).length, `shard ${index}`).toBe(index === 1 ? 2 : 1);

    await advanceAllShardsTo(2000);
    await push([{ labels: source, endsAt: iso(2000) }]);
    await advanceAllShardsTo(24 * 3_600_000);
    const left = await Promise.all(SHARDS.map(async (index) => (await storedRows('alerts', index)).length));
    expect(left).toEqual([0, 0, 0, 0]);
  });
});
