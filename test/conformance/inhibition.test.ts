/**
 * Inhibition, the same timeline against the real Alertmanager and edgealert:
 * `equal` labels, a source and its target resolved together, a source in
 * one group muting a target in another, and alerts that are both source and
 * target. The first also compares what GET /api/v2/alerts says
 * (suppressed, inhibitedBy). One pair of peers for the file; each
 * test has its own route, webhook path and inhibit rule (matched on its own
 * `scenario`), so the alerts of one test never inhibit another's.
 */
import { describe, expect, it } from 'vitest';
import { fingerprints, mutingStatuses } from './harness/alert-status.js';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing, resolved } from './harness/expected.js';
import { formatLabels } from './harness/notification.js';
import { scenarioGroup, usePeerPair } from './harness/peer-pair.js';
import { eq, pairedSilence } from './harness/silences.js';

const SCENARIOS = ['inhibit-equal', 'inhibit-resolve', 'inhibit-groups', 'inhibit-self'] as const;

const config = (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - matchers: [scenario="inhibit-equal"]
      receiver: inhibit-equal
    - matchers: [scenario="inhibit-resolve"]
      receiver: inhibit-resolve
      group_by: [cluster, side]        # one pair in one group, the other pair split over two
    - matchers: [scenario="inhibit-groups"]
      receiver: inhibit-groups
    - matchers: [scenario="inhibit-self"]
      receiver: inhibit-self
receivers:
  - name: blackhole
${SCENARIOS.map((s) => `  - name: ${s}\n    webhook_configs: [{ url: '${hook(`/${s}`)}' }]`).join('\n')}
inhibit_rules:
  # Targets are every alert of the scenario, so sources are targets too.
  - source_matchers: [scenario="inhibit-self", severity="critical"]
    target_matchers: [scenario="inhibit-self"]
    equal: [cluster]
${SCENARIOS.filter((s) => s !== 'inhibit-self').map(
  (s) => `  - source_matchers: [scenario="${s}", severity="critical"]
    target_matchers: [scenario="${s}", severity="warning"]
    equal: [cluster]`,
).join('\n')}
`;

/** A group on the route of `scenario`, grouped by `groupLabels` (receiver named after the scenario). */
const group = scenarioGroup;

describe.skipIf(!(await alertmanagerAvailable()))('inhibition: Alertmanager 0.25 and edgealert, same timeline', () => {
  const suite = usePeerPair('inhibition', config);
  const compare = suite.compare;

  it('mutes targets whose equal labels match a firing source, and only those (a label missing on both sides is equal)', async () => {
    const scenario = 'inhibit-equal';
    const source = (cluster?: string) => ({ alertname: 'ClusterDown', scenario, severity: 'critical', ...(cluster ? { cluster } : {}) });
    const target = (cluster?: string) => ({ alertname: 'HighLatency', scenario, severity: 'warning', ...(cluster ? { cluster } : {}) });
    const other = { alertname: 'HighLatency', scenario, severity: 'info', cluster: 'a' }; // not a target
    const runs = await suite.pair().run(
      [
        {
          at: 0,
          push: [
            { labels: source('a') },
            { labels: source() }, // no cluster: inhibits targets without one
            { labels: target('a') }, // muted by source a
            { labels: target('b') },
            { labels: target('c') },
            { labels: target() }, // muted by the source without cluster
            { labels: other },
          ],
        },
      ],
      { durationMs: 3_500, paths: [`/${scenario}`] }, // through the tick at 3000: still muted, nothing new
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group(scenario, { alertname: 'ClusterDown' }), [firing(source('a')), firing(source())]),
      note(1_000, group(scenario, { alertname: 'HighLatency' }), [firing(target('b')), firing(target('c')), firing(other)]),
    ]);
    compare(runs);

    // GET /api/v2/alerts: each muted target is suppressed, inhibited by its source's fingerprint.
    const filter = `scenario="${scenario}"`;
    const fp = await fingerprints(suite.pair().alertmanager.peer, filter);
    const inhibited = (labels: Record<string, string>, by: Record<string, string>) => [
      formatLabels(labels),
      { state: 'suppressed', silencedBy: [], inhibitedBy: [fp[formatLabels(by)]] },
    ];
    const active = (labels: Record<string, string>) => [formatLabels(labels), { state: 'active', silencedBy: [], inhibitedBy: [] }];
    const want = Object.fromEntries([
      active(source('a')),
      active(source()),
      inhibited(target('a'), source('a')),
      active(target('b')),
      active(target('c')),
      inhibited(target(), source()),
      active(other),
    ]);
    const [am, edge] = await Promise.all([suite.pair().alertmanager.peer, suite.pair().edgealert.peer].map((peer) => mutingStatuses(peer, filter)));
    expect(am, 'Alertmanager GET /api/v2/alerts').toEqual(want);
    expect(edge, 'edgealert GET /api/v2/alerts (Alertmanager shows the statuses as expected)').toEqual(am);
  });

  it('sends resolved notices for a source and its target resolved together: the never-notified target only where its group had notified', async () => {
    const scenario = 'inhibit-resolve';
    // Pair "a": source and target in one group {cluster=a, side=both}.
    // Pair "b": source in {cluster=b, side=source}, target in {cluster=b, side=target}.
    const alert = (cluster: string, side: string, severity: string) => ({
      alertname: severity === 'critical' ? 'DbDown' : 'DbSlow',
      scenario,
      cluster,
      side,
      severity,
    });
    const all = [
      alert('a', 'both', 'critical'),
      alert('a', 'both', 'warning'),
      alert('b', 'source', 'critical'),
      alert('b', 'target', 'warning'),
    ];
    const runs = await suite.pair().run(
      [
        { at: 0, push: all.map((labels) => ({ labels })) },
        { at: 1_500, push: all.map((labels) => ({ labels, endsAt: 'resolved' as const })) },
      ],
      { durationMs: 5_500, paths: [`/${scenario}`] }, // through the tick at 5000: nothing left to send
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group(scenario, { cluster: 'a', side: 'both' }), [firing(alert('a', 'both', 'critical'))]),
      note(1_000, group(scenario, { cluster: 'b', side: 'source' }), [firing(alert('b', 'source', 'critical'))]),
      // At 3000 the source is resolved, so it mutes nothing: the target goes out as resolved with it.
      note(3_000, group(scenario, { cluster: 'a', side: 'both' }), [
        resolved(alert('a', 'both', 'critical')),
        resolved(alert('a', 'both', 'warning')),
      ]),
      note(3_000, group(scenario, { cluster: 'b', side: 'source' }), [resolved(alert('b', 'source', 'critical'))]),
      // {cluster=b, side=target} never notified, so its resolved target is not sent.
    ]);
    compare(runs);
  });

  it('mutes a target in another group than its source, and notifies it at the tick after the source resolves', async () => {
    const scenario = 'inhibit-groups';
    const source = { alertname: 'NodeDown', scenario, severity: 'critical', cluster: 'a' };
    const target = (cluster: string) => ({ alertname: 'PodCrashLooping', scenario, severity: 'warning', cluster });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: source }, { labels: target('a') }, { labels: target('b') }] },
        { at: 1_500, push: [{ labels: source, endsAt: 'resolved' }] },
      ],
      { durationMs: 5_500, paths: [`/${scenario}`] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group(scenario, { alertname: 'NodeDown' }), [firing(source)]),
      note(1_000, group(scenario, { alertname: 'PodCrashLooping' }), [firing(target('b'))]),
      note(3_000, group(scenario, { alertname: 'NodeDown' }), [resolved(source)]),
      note(3_000, group(scenario, { alertname: 'PodCrashLooping' }), [firing(target('a')), firing(target('b'))]),
    ]);
    compare(runs);
  });

  it('never lets an alert inhibit itself or another alert that is also a source, and a silenced source still inhibits', async () => {
    const scenario = 'inhibit-self';
    const crit = (cluster: string, i = '1') => ({ alertname: 'Critical', scenario, severity: 'critical', cluster, i });
    const warn = (cluster: string) => ({ alertname: 'Warning', scenario, severity: 'warning', cluster });
    const silence = pairedSilence({ matchers: [eq('scenario', scenario), eq('cluster', 'b'), eq('severity', 'critical')] });
    const runs = await suite.pair().run(
      [
        silence.create(0),
        {
          at: 200,
          push: [
            { labels: crit('a', '1') }, // source and target: the other critical of cluster a does not mute it
            { labels: crit('a', '2') },
            { labels: warn('a') }, // muted by the criticals of cluster a
            { labels: crit('b') }, // silenced, but still a source
            { labels: warn('b') }, // muted by the silenced critical
            { labels: warn('c') }, // no critical in cluster c
          ],
        },
      ],
      { durationMs: 1_800, paths: [`/${scenario}`] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_200, group(scenario, { alertname: 'Critical' }), [firing(crit('a', '1')), firing(crit('a', '2'))]),
      note(1_200, group(scenario, { alertname: 'Warning' }), [firing(warn('c'))]),
    ]);
    compare(runs);
  });
});
