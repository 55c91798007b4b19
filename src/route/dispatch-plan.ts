/**
 * Where received alerts go: every route they match, and for each the shard
 * that owns the resulting aggregation group, so ingest makes one call per
 * shard touched.
 */
import type { Alert } from '../alert/types.js';
import type { Route } from '../config/types.js';
import type { IngestItem } from '../group/shard.js';
import { groupId, groupLabelsFor } from './group-labels.js';
import { matchRoutes } from './match-routes.js';
import { matchesLabels } from '../matcher/index.js';
import type { Matcher } from '../matcher/types.js';

/**
 * Alerts batched per shard index (0-based), with the routes each joins on
 * that shard. An alert matching the source side of an inhibit rule also goes
 * to every other shard (with no routes), so that inhibition works across
 * shards: each shard mutes its targets against every source.
 */
export function planDispatch(
  alerts: readonly Alert[],
  root: Route,
  shards: number,
  inhibitSources: readonly (readonly Matcher[])[] = [],
): Map<number, IngestItem[]> {
  const perShard = new Map<number, IngestItem[]>();
  for (const alert of alerts) {
    const routeIdsByShard = new Map<number, string[]>();
    if (shards > 1 && inhibitSources.some((matchers) => matchesLabels(matchers, alert.labels))) {
      for (let shard = 0; shard < shards; shard++) routeIdsByShard.set(shard, []);
    }
    for (const route of matchRoutes(root, alert.labels)) {
      const shard = shardOf(groupId(route, groupLabelsFor(route, alert.labels)), shards);
      const ids = routeIdsByShard.get(shard);
      if (ids) ids.push(route.id);
      else routeIdsByShard.set(shard, [route.id]);
    }
    for (const [shard, routeIds] of routeIdsByShard) {
      const items = perShard.get(shard);
      if (items) items.push({ alert, routeIds });
      else perShard.set(shard, [{ alert, routeIds }]);
    }
  }
  return perShard;
}

/** The shard owning a group: FNV-1a 32 of its id, modulo the shard count. */
export function shardOf(id: string, shards: number): number {
  if (shards <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}
