/**
 * Silences, the same timeline against the real Alertmanager and edgealert:
 * a silence created before its alerts arrive, every matcher operator in a
 * silence, expiring a silence while its alerts fire, and an alert resolving
 * while silenced. The first two also compare what GET /api/v2/alerts says
 * (suppressed, silencedBy). Silences are
 * created and expired through API v2 on each peer at a timeline step
 * (`harness/silences.ts`). One pair of peers for the file; each test has its
 * own route, webhook path and a silence that matches only its own
 * `scenario`, so silences of earlier tests never mute a later one.
 */
import { describe, expect, it } from 'vitest';
import { mutingStatuses } from './harness/alert-status.js';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing, resolved } from './harness/expected.js';
import { formatLabels } from './harness/notification.js';
import { type PeerPair, scenarioGroup, usePeerPair } from './harness/peer-pair.js';
import { eq, ne, nre, pairedSilence, re, type PairedSilence } from './harness/silences.js';

const SCENARIOS = ['silence-before', 'silence-operators', 'silence-expire', 'silence-expire-notified', 'silence-resolved'] as const;

const config = (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
${SCENARIOS.map((s) => `    - matchers: [scenario="${s}"]\n      receiver: ${s}`).join('\n')}
receivers:
  - name: blackhole
${SCENARIOS.map((s) => `  - name: ${s}\n    webhook_configs: [{ url: '${hook(`/${s}`)}' }]`).join('\n')}
`;

/** The group of `alertname` on the route of `scenario` (receiver named after the scenario). */
const group = (scenario: string, alertname: string) => scenarioGroup(scenario, { alertname });

describe.skipIf(!(await alertmanagerAvailable()))('silences: Alertmanager 0.25 and edgealert, same timeline', () => {
  const suite = usePeerPair('silences', config);
  const compare = suite.compare;

  it('mutes alerts with a silence created before they arrive: nothing for a fully silenced group, only the unsilenced alerts of a partly silenced group', async () => {
    const scenario = 'silence-before';
    const muted = (i: string) => ({ alertname: 'AllSilenced', scenario, i, mute: 'yes' });
    const partial = (i: string, mute: string) => ({ alertname: 'PartlySilenced', scenario, i, mute });
    const silence = pairedSilence({ matchers: [eq('scenario', scenario), eq('mute', 'yes')] });
    const runs = await suite.pair().run(
      [
        silence.create(0),
        {
          at: 200,
          push: [
            { labels: muted('1') },
            { labels: muted('2') },
            { labels: partial('1', 'yes') },
            { labels: partial('2', 'no') },
            { labels: { alertname: 'PartlySilenced', scenario, i: '3' } }, // no `mute` label: "" is not "yes"
          ],
        },
      ],
      { durationMs: 3_800, paths: [`/${scenario}`] }, // through the tick at 3200, which sends nothing
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_200, group(scenario, 'PartlySilenced'), [
        firing(partial('2', 'no')),
        firing({ alertname: 'PartlySilenced', scenario, i: '3' }),
      ]),
    ]);
    compare(runs);

    // GET /api/v2/alerts: the silenced alerts are suppressed by that silence, the others active.
    const all: Record<string, string>[] = [muted('1'), muted('2'), partial('1', 'yes'), partial('2', 'no'), { alertname: 'PartlySilenced', scenario, i: '3' }];
    const want = Object.fromEntries(
      all.map((labels) => [
        formatLabels(labels),
        labels.mute === 'yes'
          ? { state: 'suppressed', silencedBy: ['mute-yes'], inhibitedBy: [] }
          : { state: 'active', silencedBy: [], inhibitedBy: [] },
      ]),
    );
    const [am, edge] = await statusesOnBothPeers(suite.pair(), `scenario="${scenario}"`, silence, 'mute-yes');
    expect(am, 'Alertmanager GET /api/v2/alerts').toEqual(want);
    expect(edge, 'edgealert GET /api/v2/alerts (Alertmanager shows the statuses as expected)').toEqual(am);
  });

  it('mutes exactly the alerts matched by a silence with =~, != and !~ matchers (anchored, missing labels are "")', async () => {
    const scenario = 'silence-operators';
    // scenario="silence-operators", team=~"db|cache", env!="staging", host!~"canary-.*"
    const silence = pairedSilence({
      matchers: [eq('scenario', scenario), re('team', 'db|cache'), ne('env', 'staging'), nre('host', 'canary-.*')],
    });
    const alert = (i: string, labels: Record<string, string>) => ({ alertname: 'Operators', scenario, i, ...labels });
    const silenced = [
      alert('1', { team: 'db', env: 'prod', host: 'web-1' }),
      alert('2', { team: 'cache', host: 'h-2' }), // no env: "" != "staging"
      alert('3', { team: 'db', env: 'prod' }), // no host: "" !~ "canary-.*"
      alert('4', { team: 'cache', env: 'prod', host: 'xcanary-1' }), // anchored: "xcanary-1" does not match canary-.*
    ];
    const notified = [
      alert('5', { team: 'db', env: 'staging', host: 'web-1' }), // env!="staging" fails
      alert('6', { team: 'db', env: 'prod', host: 'canary-1' }), // host!~"canary-.*" fails
      alert('7', { team: 'dbx', env: 'prod', host: 'web-1' }), // anchored: "dbx" does not match db|cache
      alert('8', { env: 'prod', host: 'web-1' }), // no team: "" does not match db|cache
      alert('9', { team: 'DB', env: 'prod', host: 'web-1' }), // case-sensitive
    ];
    const runs = await suite.pair().run(
      [silence.create(0), { at: 200, push: [...silenced, ...notified].map((labels) => ({ labels })) }],
      { durationMs: 1_800, paths: [`/${scenario}`] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [note(1_200, group(scenario, 'Operators'), notified.map(firing))]);
    compare(runs);

    const want = Object.fromEntries([
      ...silenced.map((labels) => [formatLabels(labels), { state: 'suppressed', silencedBy: ['operators'], inhibitedBy: [] }]),
      ...notified.map((labels) => [formatLabels(labels), { state: 'active', silencedBy: [], inhibitedBy: [] }]),
    ]);
    const [am, edge] = await statusesOnBothPeers(suite.pair(), `scenario="${scenario}"`, silence, 'operators');
    expect(am, 'Alertmanager GET /api/v2/alerts').toEqual(want);
    expect(edge, 'edgealert GET /api/v2/alerts (Alertmanager shows the statuses as expected)').toEqual(am);
  });

  it('notifies the alerts of an expired silence (DELETE) at their group\'s next tick, not at once', async () => {
    const scenario = 'silence-expire';
    const all = (i: string) => ({ alertname: 'WasSilenced', scenario, i, mute: 'yes' });
    const part = (i: string, mute: string) => ({ alertname: 'WasPartlySilenced', scenario, i, mute });
    const silence = pairedSilence({ matchers: [eq('scenario', scenario), eq('mute', 'yes')] });
    const runs = await suite.pair().run(
      [
        silence.create(0),
        { at: 200, push: [{ labels: all('1') }, { labels: all('2') }, { labels: part('1', 'yes') }, { labels: part('2', 'no') }] },
        // First flush at 1200: WasSilenced sends nothing, WasPartlySilenced only i=2.
        silence.expire(2_000),
        // The next tick, 3200, decides: WasSilenced was never logged (first notification),
        // WasPartlySilenced has a firing alert the log lacks. Nothing at 5200.
      ],
      { durationMs: 5_800, paths: [`/${scenario}`] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_200, group(scenario, 'WasPartlySilenced'), [firing(part('2', 'no'))]),
      note(3_200, group(scenario, 'WasSilenced'), [firing(all('1')), firing(all('2'))]),
      note(3_200, group(scenario, 'WasPartlySilenced'), [firing(part('1', 'yes')), firing(part('2', 'no'))]),
    ]);
    compare(runs);
  });

  it('after a silence on already-notified alerts is expired, notifies at the next tick only what the notification log lacks', async () => {
    const scenario = 'silence-expire-notified';
    const quiet = { alertname: 'QuietAfterSilence', scenario, i: '1' };
    const joined = (i: string) => ({ alertname: 'JoinedDuringSilence', scenario, i });
    const silence = pairedSilence({ matchers: [eq('scenario', scenario)] });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: quiet }, { labels: joined('1') }] },
        // 1000: both groups notify their first alert.
        silence.create(1_200),
        { at: 1_500, push: [{ labels: joined('2') }] }, // would go out at 3000 without the silence
        // 3000: every alert is silenced: nothing, and the log is not updated.
        silence.expire(3_500),
        // 5000: JoinedDuringSilence has a firing alert the log lacks; QuietAfterSilence has none
        // (and repeat_interval 1h has not elapsed): the end of a silence itself notifies nothing.
      ],
      { durationMs: 5_600, paths: [`/${scenario}`] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group(scenario, 'QuietAfterSilence'), [firing(quiet)]),
      note(1_000, group(scenario, 'JoinedDuringSilence'), [firing(joined('1'))]),
      note(5_000, group(scenario, 'JoinedDuringSilence'), [firing(joined('1')), firing(joined('2'))]),
    ]);
    compare(runs);
  });

  it('never sends the resolved notice of an alert that resolved while silenced, even after the silence ends', async () => {
    const scenario = 'silence-resolved';
    const alert = (i: string) => ({ alertname: 'ResolvedWhileSilenced', scenario, i });
    // Created at 1200, ends on its own at 3200 (no DELETE).
    const silence = pairedSilence({ matchers: [eq('scenario', scenario), eq('i', '1')], endsAt: 'now+2s' });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: alert('1') }, { labels: alert('2') }] },
        silence.create(1_200),
        { at: 1_500, push: [{ labels: alert('1'), endsAt: 'resolved' }] },
        // 3000: i=1 resolved but silenced, i=2 already notified: nothing, and i=1 leaves the group.
        { at: 4_000, push: [{ labels: alert('2'), endsAt: 'resolved' }] },
        // 5000: the silence has ended, everything is resolved: a resolved notice, for i=2 only.
        // (Kept under 5 s after the first notice: see "Timeline pitfalls" in the README on idle connections.)
      ],
      { durationMs: 5_600, paths: [`/${scenario}`] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group(scenario, 'ResolvedWhileSilenced'), [firing(alert('1')), firing(alert('2'))]),
      note(5_000, group(scenario, 'ResolvedWhileSilenced'), [resolved(alert('2'))]),
    ]);
    compare(runs);
  });
});

/** GET /api/v2/alerts muting statuses on Alertmanager and edgealert, the silence's id on each named `name`. */
function statusesOnBothPeers(pair: PeerPair, filter: string, silence: PairedSilence, name: string) {
  return Promise.all(
    [pair.alertmanager.peer, pair.edgealert.peer].map((peer) =>
      mutingStatuses(peer, filter, new Map([[silence.ids.get(peer.url) ?? '?', name]])),
    ),
  );
}
