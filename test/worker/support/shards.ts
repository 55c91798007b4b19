/**
 * Timelines with several Dispatcher shards (`shards: N` in the config): where
 * an alert's groups live, and a clock that fires every shard's alarms in the
 * order they fall due.
 */
import { runtimeConfig } from '../../../src/durable/runtime-config.js';
import { shardOf } from '../../../src/route/dispatch-plan.js';
import { groupId, groupLabelsFor } from '../../../src/route/group-labels.js';
import { matchRoutes } from '../../../src/route/match-routes.js';
import { testEnv } from './edgealert.js';
import { elapsed, fireAlarm, nextAlarm, setClock } from './timeline.js';

/** The shard count of this file's config. */
export function shardCount(): number {
  return runtimeConfig(testEnv).shards;
}

/** The shard owning the group of every route these labels match, in route order. */
export function shardsOf(labels: Record<string, string>): number[] {
  const config = runtimeConfig(testEnv);
  return matchRoutes(config.route, labels).map((route) => shardOf(groupId(route, groupLabelsFor(route, labels)), config.shards));
}

/**
 * The first labels `make(i)` (i = 0, 1, ...) whose only group lives on shard
 * `index`: label sets to put a group where a test wants it.
 */
export function labelsOnShard(index: number, make: (i: number) => Record<string, string>): Record<string, string> {
  for (let i = 0; i < 10_000; i++) {
    const labels = make(i);
    const shards = shardsOf(labels);
    if (shards.length === 1 && shards[0] === index) return labels;
  }
  throw new Error(`labelsOnShard: no labels found for shard ${index}`);
}

/**
 * `advanceTo` (timeline.ts) over every shard: moves the fake clock to `ms`
 * after T0, firing each shard's alarm that falls due on the way, earliest
 * first, with the clock at its due time.
 */
export async function advanceAllShardsTo(ms: number, shards = shardCount()): Promise<void> {
  if (ms < elapsed()) throw new Error(`advanceAllShardsTo(${ms}): the clock is already at ${elapsed()}`);
  for (let fired = 0; ; fired++) {
    if (fired > 1000) throw new Error('advanceAllShardsTo: more than 1000 alarms, is a Dispatcher re-arming in a loop?');
    const dues = await Promise.all(Array.from({ length: shards }, (_, i) => nextAlarm(i)));
    let index = -1;
    for (const [i, due] of dues.entries()) {
      if (due !== null && due <= ms && (index < 0 || due < (dues[index] ?? Infinity))) index = i;
    }
    if (index < 0) break;
    setClock(Math.max(elapsed(), dues[index] ?? elapsed()));
    await fireAlarm(index);
  }
  setClock(ms);
}
