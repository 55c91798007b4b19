/**
 * Where received alerts go: every route they match, and for each the shard
 * that owns the resulting aggregation group, so ingest makes one call per
 * shard touched.
 */
import type { Alert } from '../alert/types.js';
import type { Route } from '../config/types.js';
import type { IngestItem } from '../group/shard.js';
import { alertGroupId } from './group-labels.js';
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
  const add = (shard: number, item: IngestItem) => {
    const items = perShard.get(shard);
    if (items) items.push(item);
    else perShard.set(shard, [item]);
  };
  for (const alert of alerts) {
    const routes = matchRoutes(root, alert.labels);
    // One shard holds every group and every inhibition source: no group id to work out.
    if (shards <= 1) {
      if (routes.length > 0) add(0, { alert, routeIds: routes.map((route) => route.id) });
      continue;
    }
    for (const [shard, routeIds] of routeIdsByShard(alert, routes, shards, inhibitSources)) add(shard, { alert, routeIds });
  }
  return perShard;
}

/** With several shards: the routes of an alert on each shard that gets it (every shard, for an inhibition source). */
function routeIdsByShard(alert: Alert, routes: readonly Route[], shards: number, inhibitSources: readonly (readonly Matcher[])[]): Map<number, string[]> {
  const byShard = new Map<number, string[]>();
  if (inhibitSources.some((matchers) => matchesLabels(matchers, alert.labels))) {
    for (let shard = 0; shard < shards; shard++) byShard.set(shard, []);
  }
  for (const route of routes) {
    const shard = shardOf(alertGroupId(route, alert), shards);
    const ids = byShard.get(shard);
    if (ids) ids.push(route.id);
    else byShard.set(shard, [route.id]);
  }
  return byShard;
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
