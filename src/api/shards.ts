/** Reaching the Dispatcher shards: one Durable Object per shard index, by name. */
import type { IngestItem } from '../group/shard.js';
import type { ShardView } from '../group/shard-view.js';
import { encodeShardBatch } from '../route/shard-batch.js';

/** The stub of shard `index`. */
export function shardStub(env: Env, index: number) {
  return env.DISPATCHER.get(env.DISPATCHER.idFromName(`shard-${index}`));
}

/** Sends each shard its batch, in parallel: one RPC per shard touched (src/route/shard-batch.ts: why as one string). */
export async function sendToShards(env: Env, batches: ReadonlyMap<number, IngestItem[]>): Promise<void> {
  await Promise.all([...batches].map(([index, items]) => shardStub(env, index).ingest(encodeShardBatch(items))));
}

/** The views of every shard, for reads that span them all. */
export async function viewAllShards(env: Env, shards: number): Promise<ShardView[]> {
  return Promise.all(Array.from({ length: shards }, (_, i) => shardStub(env, i).view() as Promise<ShardView>));
}

/** The one Silences object. */
export function silencesStub(env: Env) {
  return env.SILENCES.get(env.SILENCES.idFromName('silences'));
}

/** The one OnCall object: incidents, schedule overrides, pages. */
export function oncallStub(env: Env) {
  return env.ONCALL.get(env.ONCALL.idFromName('oncall'));
}
