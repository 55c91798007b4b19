/**
 * Resolved alerts, the same timeline against the real Alertmanager and
 * edgealert: resolved notices with send_resolved true, silence for a group
 * resolved before its first flush, and send_resolved false. One pair of
 * peers for the file; each test has its own route and webhook path.
 *
 * No test re-fires a group after it emptied: Alertmanager 0.25 removes empty
 * groups on a 30 s maintenance timer, so whether such an alert waits for
 * group_wait or for the old group's next tick depends on that timer's phase.
 */
import { describe, it } from 'vitest';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing, resolved } from './harness/expected.js';
import { scenarioGroup, usePeerPair } from './harness/peer-pair.js';

const config = (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - matchers: [scenario="resolve"]
      receiver: resolve
    - matchers: [scenario="resolve-early"]
      receiver: resolve-early
    - matchers: [scenario="no-resolved"]
      receiver: no-resolved
receivers:
  - name: blackhole
  - name: resolve
    webhook_configs: [{ url: '${hook('/resolve')}', send_resolved: true }]
  - name: resolve-early
    webhook_configs: [{ url: '${hook('/resolve-early')}' }]
  - name: no-resolved
    webhook_configs: [{ url: '${hook('/no-resolved')}', send_resolved: false }]
`;

const group = (scenario: string, alertname: string) => scenarioGroup(scenario, { alertname });

describe.skipIf(!(await alertmanagerAvailable()))('resolved alerts: Alertmanager 0.25 and edgealert, same timeline', () => {
  const suite = usePeerPair('resolved alerts', config);
  const compare = suite.compare;

  it('sends resolved alerts to a webhook with send_resolved true, then a resolved notice when all have resolved', async () => {
    const r = (i: string) => ({ alertname: 'Resolving', scenario: 'resolve', i });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: r('1') }, { labels: r('2') }] },
        { at: 1_500, push: [{ labels: r('1'), startsAt: 'now-1500ms', endsAt: 'resolved' }] },
        { at: 3_500, push: [{ labels: r('2'), startsAt: 'now-3500ms', endsAt: 'resolved' }] },
      ],
      { durationMs: 7_600, paths: ['/resolve'] }, // the tick at 7000 has nothing left to send
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group('resolve', 'Resolving'), [firing(r('1')), firing(r('2'))]),
      note(3_000, group('resolve', 'Resolving'), [resolved(r('1')), firing(r('2'))]),
      note(5_000, group('resolve', 'Resolving'), [resolved(r('2'))]),
    ]);
    compare(runs);
  });

  it('sends nothing for a group whose only alert resolves before group_wait ends', async () => {
    const labels = (alertname: string) => ({ alertname, scenario: 'resolve-early' });
    const runs = await suite.pair().run(
      [
        {
          at: 0,
          push: [
            { labels: labels('EndsBeforeFlush'), endsAt: 'now+500ms' },
            { labels: labels('ResolvedOnArrival'), startsAt: 'now-1s', endsAt: 'resolved' },
            { labels: labels('ResolvedByResend') },
            { labels: labels('Control') }, // proves the route delivers
          ],
        },
        { at: 500, push: [{ labels: labels('ResolvedByResend'), startsAt: 'now-500ms', endsAt: 'resolved' }] },
      ],
      { durationMs: 3_600, paths: ['/resolve-early'] }, // through the ticks at 3000
    );
    expectAlertmanagerFollows(runs.alertmanager, [note(1_000, group('resolve-early', 'Control'), [firing(labels('Control'))])]);
    compare(runs);
  });

  it('leaves resolved alerts out of a webhook with send_resolved false, and sends no notice when all have resolved', async () => {
    const n = (i: string) => ({ alertname: 'Quiet', scenario: 'no-resolved', i });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: n('1') }, { labels: n('2') }] },
        // 1 resolves while 3 starts firing: the tick at 3000 sends 2 and 3 only.
        { at: 1_500, push: [{ labels: n('1'), startsAt: 'now-1500ms', endsAt: 'resolved' }, { labels: n('3') }] },
        // Everything resolved: the tick at 5000 logs it but sends nothing.
        {
          at: 3_500,
          push: [
            { labels: n('2'), startsAt: 'now-3500ms', endsAt: 'resolved' },
            { labels: n('3'), startsAt: 'now-2s', endsAt: 'resolved' },
          ],
        },
      ],
      { durationMs: 7_600, paths: ['/no-resolved'] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group('no-resolved', 'Quiet'), [firing(n('1')), firing(n('2'))]),
      note(3_000, group('no-resolved', 'Quiet'), [firing(n('2')), firing(n('3'))]),
    ]);
    compare(runs);
  });
});
