import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../alert/fingerprint.js';
import type { LabelSet } from '../alert/labels.js';
import type { Alert } from '../alert/types.js';
import { loadConfig, type Route } from '../config/index.js';
import { groupId, groupLabelsFor } from './group-labels.js';
import { matchRoutes } from './match-routes.js';
import { matchesLabels } from '../matcher/index.js';
import type { Matcher } from '../matcher/types.js';
import { planDispatch, shardOf } from './dispatch-plan.js';

function tree(routeYaml: string): Route {
  const loaded = loadConfig(`route:\n${routeYaml}\nreceivers: [{name: web}, {name: ops}]\n`, {});
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.route;
}

function alert(labels: LabelSet): Alert {
  return { fingerprint: fingerprint(labels), labels, annotations: {}, startsAt: 0, endsAt: 1, generatorURL: '', updatedAt: 0, timeout: false };
}

// Every alert lands on the root's children: db (continue), then web or the fallback.
const root = tree(`
  receiver: web
  group_by: [alertname]
  routes:
    - matchers: [team=db]
      receiver: ops
      continue: true
    - matchers: [service=web]
      group_by: [instance]
    - matchers: [team=db]
`);

describe('planDispatch', () => {
  it('puts everything in shard 0, one item per alert with its routes in tree order, when there is one shard', () => {
    const a = alert({ alertname: 'A', team: 'db' });
    const b = alert({ alertname: 'B', service: 'web', instance: 'h1' });
    const plan = planDispatch([a, b], root, 1);
    expect([...plan.keys()]).toEqual([0]);
    expect(plan.get(0)).toEqual([
      { alert: a, routeIds: ['0.0', '0.2'] },
      { alert: b, routeIds: ['0.1'] },
    ]);
  });

  it('sends each (alert, route) to the shard owning its group, one item per alert and shard', () => {
    const alerts = Array.from({ length: 40 }, (_, i) =>
      alert(i % 2 === 0 ? { alertname: `A${i}`, team: 'db' } : { alertname: `B${i}`, service: 'web', instance: `h${i}` }),
    );
    const plan = planDispatch(alerts, root, 4);

    for (const [shard, items] of plan) {
      // One call per shard touched, never an empty one.
      expect(items.length).toBeGreaterThan(0);
      // An alert appears at most once per shard, with all its routes there.
      expect(new Set(items.map((i) => i.alert)).size).toBe(items.length);
      for (const { alert: a, routeIds } of items) {
        for (const id of routeIds) {
          const route = matchRoutes(root, a.labels).find((r) => r.id === id) as Route;
          expect(shardOf(groupId(route, groupLabelsFor(route, a.labels)), 4)).toBe(shard);
        }
      }
    }
    // Nothing lost: over all shards each alert gets exactly the routes it matches.
    for (const a of alerts) {
      const ids = [...plan.values()].flatMap((items) => items.filter((i) => i.alert === a).flatMap((i) => i.routeIds));
      expect(ids.sort()).toEqual(matchRoutes(root, a.labels).map((r) => r.id).sort());
    }
    // With 20 different groups per route, more than one shard is used.
    expect(plan.size).toBeGreaterThan(1);
  });

  it('sends alerts of the same group to the same shard', () => {
    const plan = planDispatch([alert({ alertname: 'A', team: 'db', instance: 'h1' }), alert({ alertname: 'A', team: 'db', instance: 'h2' })], root, 8);
    const shardsOfRoute = (id: string): number[] => [...plan].filter(([, items]) => items.some((i) => i.routeIds.includes(id))).map(([s]) => s);
    expect(shardsOfRoute('0.0')).toHaveLength(1);
    expect(plan.get(shardsOfRoute('0.0')[0] as number)?.filter((i) => i.routeIds.includes('0.0'))).toHaveLength(2);
  });

  it('plans nothing for no alerts', () => {
    expect(planDispatch([], root, 4).size).toBe(0);
  });
});

describe('planDispatch: inhibition sources', () => {
  const loaded = loadConfig(
    `
route: {receiver: web, group_by: [alertname]}
receivers: [{name: web}]
inhibit_rules:
  - source_matchers: [severity=critical]
    target_matchers: [severity=warning]
    equal: [cluster]
`,
    {},
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const { route: inhibitRoot, inhibitRules } = loaded.value;
  const sources = inhibitRules.map((r) => r.sourceMatchers);

  it('sends a source alert to every shard, with routes only where its groups live, so each shard can mute its targets', () => {
    const source = alert({ alertname: 'NodeDown', severity: 'critical', cluster: 'eu' });
    const plan = planDispatch([source], inhibitRoot, 4, sources);
    const home = shardOf(groupId(inhibitRoot, { alertname: 'NodeDown' }), 4);
    expect([...plan.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const [shard, items] of plan) {
      expect(items).toEqual([{ alert: source, routeIds: shard === home ? ['0'] : [] }]);
    }
  });

  it('sends a non-source alert only to the shards owning its groups', () => {
    const target = alert({ alertname: 'Latency', severity: 'warning', cluster: 'eu' });
    const plan = planDispatch([target], inhibitRoot, 4, sources);
    expect([...plan.values()].flat()).toEqual([{ alert: target, routeIds: ['0'] }]);
  });

  it('adds nothing with a single shard, where every alert is already present', () => {
    const source = alert({ alertname: 'NodeDown', severity: 'critical' });
    expect(planDispatch([source], inhibitRoot, 1, sources)).toEqual(new Map([[0, [{ alert: source, routeIds: ['0'] }]]]));
  });
});

describe('shardOf', () => {
  // With 2^32 shards the modulo is a no-op, so the raw FNV-1a 32 shows:
  // these are the published FNV-1a 32 test vectors.
  it.each([
    ['', 0x811c9dc5, 'the offset basis'],
    ['a', 0xe40c292c, 'one byte'],
    ['foobar', 0xbf9cf968, 'the classic test string'],
  ])('hashes %j to 0x%s with FNV-1a 32 (%s)', (id, want) => {
    expect(shardOf(id, 2 ** 32)).toBe(want);
  });

  // Pinned: groups are stored in the shard that owns them, so a change in
  // this function would strand every stored group in the wrong shard.
  it.each([
    ['0|{}', 16],
    ['0.1|{alertname="DiskFull"}', 16],
    ['0.0.2|{alertname="X", service="web"}', 7],
  ])('is FNV-1a 32 of %j modulo %i, the same on every call', (id, shards) => {
    expect(shardOf(id, shards)).toBe(fnv1a32(id) % shards);
    expect(shardOf(id, shards)).toBe(shardOf(id, shards));
  });

  it.each([[2], [3], [7], [16], [1000]])('stays in [0, %i) and is an integer', (shards) => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const s = shardOf(`0.${i % 5}|{alertname="A${i}"}`, shards);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(shards);
      seen.add(s);
    }
    // Spread: with 500 ids every shard of a small count is used.
    if (shards <= 16) expect(seen.size).toBe(shards);
  });

  it.each([[1], [0], [-3]])('is 0 for %i shards (one shard, or a nonsensical count)', (shards) => {
    expect(shardOf('0|{alertname="X"}', shards)).toBe(0);
  });
});

/** FNV-1a 32 over UTF-8 bytes, written independently (ids here are ASCII). */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5n;
  for (const byte of Buffer.from(text, 'utf8')) hash = ((hash ^ BigInt(byte)) * 0x01000193n) & 0xffffffffn;
  return Number(hash);
}

/** planDispatch as it was before its one-shard shortcut: every alert through the per-shard map. */
function referencePlanDispatch(alerts: readonly Alert[], routeRoot: Route, shards: number, inhibitSources: readonly (readonly Matcher[])[]) {
  const perShard = new Map<number, { alert: Alert; routeIds: string[] }[]>();
  for (const a of alerts) {
    const routeIdsByShard = new Map<number, string[]>();
    if (shards > 1 && inhibitSources.some((matchers) => matchesLabels(matchers, a.labels))) {
      for (let shard = 0; shard < shards; shard++) routeIdsByShard.set(shard, []);
    }
    for (const route of matchRoutes(routeRoot, a.labels)) {
      const shard = shardOf(groupId(route, groupLabelsFor(route, a.labels)), shards);
      routeIdsByShard.set(shard, [...(routeIdsByShard.get(shard) ?? []), route.id]);
    }
    for (const [shard, routeIds] of routeIdsByShard) perShard.set(shard, [...(perShard.get(shard) ?? []), { alert: a, routeIds }]);
  }
  return perShard;
}

describe('planDispatch, differential', () => {
  it('plans as the per-shard map did, for any alerts, shard count and inhibition sources', () => {
    const sources: Matcher[][] = [[{ type: '=', name: 'severity', value: 'critical' }]];
    const labels = fc.record(
      { alertname: fc.constantFrom('A', 'B', 'C'), team: fc.constantFrom('db', 'app'), service: fc.constantFrom('web', 'api'), instance: fc.constantFrom('h1', 'h2'), severity: fc.constantFrom('critical', 'warning') },
      { requiredKeys: ['alertname'] },
    );
    fc.assert(
      fc.property(fc.array(labels, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (sets, shards, inhibit) => {
        const alerts = sets.map((set) => alert({ ...set }));
        const want = referencePlanDispatch(alerts, root, shards, inhibit ? sources : []);
        expect(planDispatch(alerts, root, shards, inhibit ? sources : [])).toEqual(want);
      }),
      { seed: 20_261_125, numRuns: 500 },
    );
  });
});
