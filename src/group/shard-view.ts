/** A read-only copy of a shard's alerts and groups, as the read API needs them (RPC-safe plain data). */
import type { Alert } from '../alert/types.js';
import type { CounterValues } from '../metrics/counters.js';
import type { DurableObjectUsage } from '../metrics/durable-object-usage.js';
import type { Shard } from './shard.js';

export interface GroupView {
  readonly groupKey: string;
  readonly routeId: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly fingerprints: readonly string[];
}

export interface ShardView {
  readonly alerts: readonly Alert[];
  readonly groups: readonly GroupView[];
  readonly counters: CounterValues;
  /** The shard object's own billed usage since it started (set by the Durable Object, not the shard). */
  readonly usage?: DurableObjectUsage;
}

export function shardView(shard: Shard): ShardView {
  return {
    alerts: [...shard.alerts.values()],
    counters: { ...shard.counters },
    groups: [...shard.groups.values()].map((g) => ({
      groupKey: g.groupKey,
      routeId: g.routeId,
      labels: g.labels,
      fingerprints: [...g.members],
    })),
  };
}
