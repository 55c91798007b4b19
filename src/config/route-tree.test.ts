import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import type { Route } from './types.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

/** Loads `route:` (YAML, indented under `route:`) with receivers a, b, c and time intervals t, u. */
function tree(routeYaml: string): Route {
  const text = `route:\n${routeYaml}\nreceivers: [{name: a}, {name: b}, {name: c}]\ntime_intervals: [{name: t}, {name: u}]\n`;
  const loaded = loadConfig(text, {});
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.route;
}

/** The node at a tree position such as "0.1.0". */
function at(root: Route, id: string): Route {
  let node = root;
  for (const i of id.split('.').slice(1)) {
    const child = node.routes[Number(i)];
    if (!child) throw new Error(`no route ${id}`);
    node = child;
  }
  expect(node.id).toBe(id);
  return node;
}

describe('root defaults', () => {
  it("uses Alertmanager's DefaultRouteOpts when the root sets nothing", () => {
    const root = tree('  receiver: a');
    expect(root).toMatchObject({
      id: '0',
      key: '{}',
      receiver: 'a',
      groupBy: [],
      groupByAll: false,
      groupWait: 30 * S,
      groupInterval: 5 * M,
      repeatInterval: 4 * H,
      matchers: [],
      continue: false,
      muteTimeIntervals: [],
      activeTimeIntervals: [],
      routes: [],
    });
  });
});

describe('inheritance', () => {
  const root = tree(`
  receiver: a
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2m
  repeat_interval: 3h
  routes:
    - matchers: [x="0"]
      mute_time_intervals: [t]
      active_time_intervals: [u]
      continue: true
      routes:
        - matchers: [y="0"]
    - matchers: [x="1"]
      receiver: b
      group_by: [cluster, service]
      group_wait: 10s
      group_interval: 20m
      repeat_interval: 30h
      routes:
        - matchers: [y="1"]
          group_by: []
    - matchers: [x="2"]
      group_by: ['...']
      routes:
        - matchers: [y="2"]
        - matchers: [y="3"]
          group_by: [host]
`);

  it.each([
    ['0.0', 'receiver', 'a', 'a child without receiver takes its parent\'s'],
    ['0.0.0', 'receiver', 'a', 'inheritance goes through several levels'],
    ['0.1', 'receiver', 'b', 'an own receiver replaces the parent\'s'],
    ['0.1.0', 'receiver', 'b', 'a grandchild inherits the overridden receiver'],
    ['0.0', 'groupBy', ['alertname'], 'group_by is inherited'],
    ['0.1', 'groupBy', ['cluster', 'service'], 'a non-empty group_by replaces the parent\'s'],
    ['0.1.0', 'groupBy', ['cluster', 'service'], 'group_by: [] inherits, like an absent group_by'],
    ['0.2', 'groupByAll', true, "group_by: ['...'] groups by all labels"],
    ['0.2', 'groupBy', ['alertname'], "'...' keeps the parent's labels (unused), as Alertmanager does"],
    ['0.2.0', 'groupByAll', true, 'group-by-all is inherited'],
    ['0.2.1', 'groupByAll', false, 'own labels under a group-by-all parent turn it off'],
    ['0.2.1', 'groupBy', ['host'], '... and are used'],
    ['0.0', 'groupWait', 1 * S, 'group_wait is inherited'],
    ['0.1', 'groupWait', 10 * S, 'an own group_wait replaces it'],
    ['0.1.0', 'groupWait', 10 * S, 'the replaced group_wait is inherited further'],
    ['0.0.0', 'groupInterval', 2 * M, 'group_interval is inherited'],
    ['0.1.0', 'groupInterval', 20 * M, 'an overridden group_interval is inherited'],
    ['0.0.0', 'repeatInterval', 3 * H, 'repeat_interval is inherited'],
    ['0.1.0', 'repeatInterval', 30 * H, 'an overridden repeat_interval is inherited'],
    ['0.0', 'muteTimeIntervals', ['t'], 'own mute_time_intervals are kept'],
    ['0.0.0', 'muteTimeIntervals', [], 'mute_time_intervals are NOT inherited'],
    ['0.0', 'activeTimeIntervals', ['u'], 'own active_time_intervals are kept'],
    ['0.0.0', 'activeTimeIntervals', [], 'active_time_intervals are NOT inherited'],
    ['0.0', 'continue', true, 'own continue is kept'],
    ['0.0.0', 'continue', false, 'continue is NOT inherited'],
  ])('%s.%s = %j: %s', (id, field, want, _why) => {
    expect(at(root, id)[field as keyof Route]).toEqual(want);
  });

  it('numbers every node by its position', () => {
    const ids: string[] = [];
    const walk = (r: Route) => {
      ids.push(r.id);
      r.routes.forEach(walk);
    };
    walk(root);
    expect(ids).toEqual(['0', '0.0', '0.0.0', '0.1', '0.1.0', '0.2', '0.2.0', '0.2.1']);
  });
});

describe('matchers and route keys', () => {
  it('merges match, match_re and matchers and sorts them by name, value, type', () => {
    // Checked with `amtool config routes show` (0.25), which prints this node as
    // {a="1",b=~"x,y",c!="z",code="0500",ok="yes",service=~"^(?:foo|bar)$"}.
    const root = tree(`
  receiver: a
  routes:
    - match_re: {service: "foo|bar"}
      match: {code: 0500, ok: yes}
      matchers: ['a=1, b=~"x,y"', '{c!="z"}']
`);
    const node = at(root, '0.0');
    expect(node.matchers).toEqual([
      { name: 'a', type: '=', value: '1' },
      { name: 'b', type: '=~', value: 'x,y' },
      { name: 'c', type: '!=', value: 'z' },
      { name: 'code', type: '=', value: '0500' },
      { name: 'ok', type: '=', value: 'yes' },
      { name: 'service', type: '=~', value: '^(?:foo|bar)$' },
    ]);
    expect(node.key).toBe('{}/{a="1",b=~"x,y",c!="z",code="0500",ok="yes",service=~"^(?:foo|bar)$"}');
  });

  it('orders equal names by value, then by operator', () => {
    // amtool config routes show prints {x=~"a",x="b",x!="b"} for this node.
    const root = tree(`
  receiver: a
  routes:
    - matchers: ['x!="b"', 'x="b"', 'x=~"a"']
`);
    expect(at(root, '0.0').matchers.map((m) => `${m.name}${m.type}${m.value}`)).toEqual(['x=~a', 'x=b', 'x!=b']);
  });

  it.each([
    ['0', '{}', 'the root prints an empty set'],
    ['0.0', '{}/{severity="critical"}', 'a child appends its matchers'],
    ['0.0.0', '{}/{severity="critical"}/{team="db"}', 'keys chain down the tree'],
    ['0.1', '{}/{}', 'a child without matchers still adds a level'],
    ['0.1.0', '{}/{}/{msg="say \\"hi\\"\\n"}', 'values are escaped like Alertmanager (\\" and \\n)'],
  ])('key of %s is %s: %s', (id, key, _why) => {
    // amtool config routes show prints the same per-node sets, incl. {msg="say \"hi\"\n"}.
    const root = tree(`
  receiver: a
  routes:
    - matchers: [severity="critical"]
      routes: [{matchers: [team="db"]}]
    - receiver: b
      routes:
        - match: {msg: "say \\"hi\\"\\n"}
`);
    expect(at(root, id).key).toBe(key);
  });
});
