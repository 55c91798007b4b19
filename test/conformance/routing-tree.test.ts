/**
 * Routing, the same alerts against the real Alertmanager and edgealert: a
 * tree using `continue`, every matcher operator (in `matchers`, `match` and
 * `match_re`), missing labels and anchored regexes, and `group_by: ['...']`.
 * Every receiver posts to its own path, so the paths tell where alerts went.
 */
import { describe, expect, it } from 'vitest';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing } from './harness/expected.js';
import { usePeerPair } from './harness/peer-pair.js';

const ROUTING_RECEIVERS = ['routing-default', 'page', 'not-ops', 'web', 'web-staging', 'prod', 'other-env'] as const;

const config = (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - matchers: [scenario="routing"]
      receiver: routing-default
      routes:
        - match: { severity: critical }     # match, match_re and matchers are ANDed
          matchers: ['alertname=~"R.+"']
          receiver: page
          continue: true
        - matchers: [team!="ops"]           # a missing team is "" and matches
          receiver: not-ops
          continue: true
        - matchers: ['service=~"web|api"']  # anchored: "webserver" does not match
          receiver: web
          group_by: [alertname, service]
          routes:
            - match: { env: staging }
              receiver: web-staging        # inherits group_by [alertname, service]
        - match_re: { env: prod }           # anchored: "production" does not match
          matchers: [service!~"web.*"]
          receiver: prod
        - matchers: [env!~"prod|staging"]   # anchored: "production" matches; a missing env matches
          receiver: other-env
    - matchers: [scenario="group-by-all"]
      receiver: group-by-all
      group_by: ['...']
      routes:
        - matchers: [host="c"]
          receiver: group-by-all-child     # inherits group_by ['...']
receivers:
  - name: blackhole
${[...ROUTING_RECEIVERS, 'group-by-all', 'group-by-all-child']
  .map((name) => `  - name: ${name}\n    webhook_configs: [{ url: '${hook(`/${name}`)}' }]`)
  .join('\n')}
`;

describe.skipIf(!(await alertmanagerAvailable()))('routing: Alertmanager 0.25 and edgealert, same alerts', () => {
  const suite = usePeerPair('routing', config);
  const compare = suite.compare;

  it('walks the tree with continue and every matcher operator, landing one alert on several receivers', async () => {
    // alertname -> labels, and the receivers it must reach (in tree order).
    const cases: Record<string, { labels: Record<string, string>; receivers: string[] }> = {
      R1: { labels: { severity: 'critical', team: 'ops', service: 'web', env: 'prod' }, receivers: ['page', 'web'] },
      R2: { labels: { team: 'dev', service: 'webserver', env: 'production' }, receivers: ['not-ops', 'other-env'] },
      R3: { labels: { severity: 'warning', team: 'ops', service: 'api', env: 'staging' }, receivers: ['web-staging'] },
      R4: { labels: { team: 'ops', service: 'db', env: 'prod' }, receivers: ['prod'] },
      R5: { labels: { service: 'db', env: 'staging' }, receivers: ['not-ops'] },
      R6: { labels: { team: 'ops', service: 'db', env: 'staging' }, receivers: ['routing-default'] },
      R7: { labels: { severity: 'critical', team: 'ops' }, receivers: ['page', 'other-env'] },
    };
    const labelsOf = (alertname: string) => ({ alertname, scenario: 'routing', ...cases[alertname]!.labels });
    const runs = await suite.pair().run([{ at: 0, push: Object.keys(cases).map((name) => ({ labels: labelsOf(name) })) }], {
      durationMs: 1_800,
      paths: ROUTING_RECEIVERS.map((name) => `/${name}`),
    });

    const routeKey: Record<string, string> = {
      'routing-default': '{}/{scenario="routing"}',
      page: '{}/{scenario="routing"}/{alertname=~"R.+",severity="critical"}', // matchers sorted by name
      'not-ops': '{}/{scenario="routing"}/{team!="ops"}',
      web: '{}/{scenario="routing"}/{service=~"web|api"}',
      'web-staging': '{}/{scenario="routing"}/{service=~"web|api"}/{env="staging"}',
      // Alertmanager 0.25 prints a `match_re` matcher with the anchors it added (not so for `matchers`).
      prod: '{}/{scenario="routing"}/{env=~"^(?:prod)$",service!~"web.*"}',
      'other-env': '{}/{scenario="routing"}/{env!~"prod|staging"}',
    };
    const groupedByService = new Set(['web', 'web-staging']);
    const expected = Object.entries(cases).flatMap(([alertname, { labels, receivers }]) =>
      receivers.map((receiver) => {
        const groupLabels: Record<string, string> = groupedByService.has(receiver) ? { alertname, service: labels.service! } : { alertname };
        const printed = Object.entries(groupLabels).map(([k, v]) => `${k}="${v}"`).join(', ');
        return note(1_000, { receiver, groupKey: `${routeKey[receiver]}:{${printed}}`, groupLabels }, [firing(labelsOf(alertname))]);
      }),
    );
    expectAlertmanagerFollows(runs.alertmanager, expected);
    compare(runs);
    // Each receiver got its notifications on its own path.
    for (const n of runs.edgealert.notifications) expect(n.path).toBe(`/${n.receiver}`);
  });

  it("groups by every label with group_by ['...'], one group per distinct label set", async () => {
    const g = (labels: Record<string, string>) => ({ alertname: 'Everything', scenario: 'group-by-all', ...labels });
    const groupOf = (receiver: string, labels: Record<string, string>, routeKey: string) => {
      const printed = Object.keys(labels).sort().map((k) => `${k}="${labels[k]}"`).join(', ');
      return { receiver, groupKey: `${routeKey}:{${printed}}`, groupLabels: labels };
    };
    const top = '{}/{scenario="group-by-all"}';
    const child = `${top}/{host="c"}`;
    const runs = await suite.pair().run(
      [
        {
          at: 0,
          push: [
            { labels: g({ host: 'a' }) },
            { labels: g({ host: 'b' }) },
            { labels: g({ host: 'c', severity: 'page' }) },
          ],
        },
        // The empty label is dropped: the same alert as host="a", so the same group (nothing new at 2500).
        // A label set seen for the first time is a group of its own, with its own group_wait.
        { at: 500, push: [{ labels: g({ host: 'a', empty: '' }) }, { labels: g({ host: 'b', severity: 'warn' }) }] },
      ],
      { durationMs: 3_800, paths: ['/group-by-all', '/group-by-all-child'] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, groupOf('group-by-all', g({ host: 'a' }), top), [firing(g({ host: 'a' }))]),
      note(1_000, groupOf('group-by-all', g({ host: 'b' }), top), [firing(g({ host: 'b' }))]),
      note(1_000, groupOf('group-by-all-child', g({ host: 'c', severity: 'page' }), child), [firing(g({ host: 'c', severity: 'page' }))]),
      note(1_500, groupOf('group-by-all', g({ host: 'b', severity: 'warn' }), top), [firing(g({ host: 'b', severity: 'warn' }))]),
    ]);
    compare(runs);
  });
});
