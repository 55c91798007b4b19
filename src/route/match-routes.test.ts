import { describe, expect, it } from 'vitest';
import type { LabelSet } from '../alert/labels.js';
import { loadConfig, type Route } from '../config/index.js';
import { findRoute, matchRoutes } from './match-routes.js';

/**
 * Loads a routing tree through the real config loader. Every route names
 * its receiver after itself, so a test can read which routes matched.
 */
function tree(routeYaml: string): Route {
  const receivers = ['root', 'a', 'b', 'c', 'd', 'e', 'f'].map((n) => `{name: ${n}}`).join(', ');
  const loaded = loadConfig(`route:\n${routeYaml}\nreceivers: [${receivers}]\n`, {});
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value.route;
}

/** The receivers of the routes an alert matched, in match order. */
const matched = (root: Route, labels: LabelSet): string[] => matchRoutes(root, labels).map((r) => r.receiver);

describe('matchRoutes: matchers', () => {
  const root = tree(`
  receiver: root
  routes:
    - receiver: a
      matchers: ['team!="ops"', service=web]
    - receiver: b
      match_re: {severity: 'crit|page'}
    - receiver: c
      match: {env: prod}
      match_re: {region: 'eu-.*'}
      matchers: [tier=~"front.*"]
    - receiver: d
      matchers: [owner=""]
`);

  it.each([
    [{ service: 'web' }, ['a'], 'a missing label is "": team!="ops" matches an alert without team'],
    [{ service: 'web', team: 'ops' }, ['d'], 'team="ops" fails a; only d matches (owner missing = "")'],
    [{ severity: 'crit' }, ['b'], 'a regex matches the whole value'],
    [{ severity: 'critical' }, ['d'], 'anchored: "crit|page" does not match "critical"'],
    [{ severity: 'xpage' }, ['d'], 'anchored at the start too, around the whole alternation'],
    [{ env: 'prod', region: 'eu-west', tier: 'frontend' }, ['c'], 'match, match_re and matchers together, all ANDed'],
    [{ env: 'prod', region: 'us-east', tier: 'frontend' }, ['d'], 'one of the ANDed matchers fails'],
    [{ env: 'prod', region: 'eu-west', tier: 'frontend', owner: 'me' }, ['c'], 'c matches first and stops the walk'],
    [{ owner: 'me' }, ['root'], 'no child matches: the parent itself is the match'],
  ] as [LabelSet, string[], string][])('%j -> %j (%s)', (labels, want) => {
    expect(matched(root, labels)).toEqual(want);
  });

  it('matches label values with line feeds and unicode exactly', () => {
    const r = tree(`
  receiver: root
  routes:
    - receiver: a
      match: {v: "é\\nx"}
`);
    expect(matched(r, { v: 'é\nx' })).toEqual(['a']);
    expect(matched(r, { v: 'é' })).toEqual(['root']);
  });
});

describe('matchRoutes: the walk', () => {
  const root = tree(`
  receiver: root
  routes:
    - receiver: a
      matchers: [team=db]
      continue: true
    - receiver: b
      matchers: [team=db, severity=critical]
    - receiver: c
      matchers: [team=db]
    - receiver: d
      matchers: [team=web]
      routes:
        - receiver: e
          matchers: [severity=critical]
          continue: true
        - receiver: f
          matchers: [env=prod]
    - receiver: e
      matchers: [team=web]
`);

  it.each([
    [{ team: 'db', severity: 'critical' }, ['a', 'b'], 'continue on a goes on to b; b matches without continue and stops c'],
    [{ team: 'db' }, ['a', 'c'], 'b does not match, so c gets its turn'],
    [{ team: 'web', severity: 'critical', env: 'prod' }, ['e', 'f'], 'nested: e continues to f inside d, and d (no continue) stops the sibling e'],
    [{ team: 'web', severity: 'critical' }, ['e'], 'one nested match is enough, d itself is not added'],
    [{ team: 'web' }, ['d'], 'no child of d matches: d is the match'],
    [{ team: 'other' }, ['root'], 'no child of the root matches: the root is the match'],
    [{ severity: 'critical', env: 'prod' }, ['root'], "children of a non-matching route are never tried, even if they'd match"],
  ] as [LabelSet, string[], string][])('%j -> %j (%s)', (labels, want) => {
    expect(matched(root, labels)).toEqual(want);
  });

  it('returns the route objects of the tree in tree order', () => {
    const routes = matchRoutes(root, { team: 'web', severity: 'critical', env: 'prod' });
    expect(routes.map((r) => r.id)).toEqual(['0.3.0', '0.3.1']);
    expect(routes[0]).toBe(root.routes[3]?.routes[0]);
  });

  it('does not add a continuing route that has children a second time', () => {
    const r = tree(`
  receiver: root
  routes:
    - receiver: a
      continue: true
      routes:
        - receiver: b
          matchers: [x=1]
    - receiver: c
`);
    expect(matched(r, { x: '1' })).toEqual(['b', 'c']);
    expect(matched(r, { x: '2' })).toEqual(['a', 'c']);
  });

  it('lets a continue on the last child fall back to nothing more (no implicit parent match)', () => {
    const r = tree(`
  receiver: root
  routes:
    - receiver: a
      matchers: [x=1]
      continue: true
`);
    expect(matched(r, { x: '1' })).toEqual(['a']);
  });

  it('matches every alert at a root without children', () => {
    expect(matched(tree('  receiver: root'), { alertname: 'X' })).toEqual(['root']);
    expect(matched(tree('  receiver: root'), {})).toEqual(['root']);
  });
});

describe('findRoute', () => {
  const root = tree(`
  receiver: root
  routes:
    - receiver: a
    - receiver: b
      routes:
        - receiver: c
`);

  it.each([
    ['0', 'root', 'the root'],
    ['0.0', 'a', 'a first-level child'],
    ['0.1.0', 'c', 'a nested child'],
    ['0.2', undefined, 'an index past the last child (the tree changed since the id was stored)'],
    ['0.0.0', undefined, 'a child of a leaf'],
    ['1', undefined, 'ids start at the root "0"'],
    ['', undefined, 'empty id'],
    ['0.x', undefined, 'not a number'],
  ] as [string, string | undefined, string][])('%j -> %s (%s)', (id, receiver) => {
    expect(findRoute(root, id)?.receiver).toBe(receiver);
  });
});
