/**
 * When groups flush, the same timeline against the real Alertmanager and
 * edgealert: group_wait batching, alerts joining after the first flush,
 * re-sent alerts merging, repeat_interval. One pair of peers for the file;
 * each test has its own route (matched on `scenario`) and webhook path.
 */
import { describe, expect, it } from 'vitest';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing } from './harness/expected.js';
import { scenarioGroup, usePeerPair } from './harness/peer-pair.js';
import type { RunningPeer } from './harness/peer-process.js';

// repeat_interval 3s is deliberately not a multiple of group_interval 2s: the
// real Alertmanager's repeat lands on either of two ticks otherwise (README, c).
const config = (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
    - matchers: [scenario="batching"]
      receiver: batching
    - matchers: [scenario="late-join"]
      receiver: late-join
    - matchers: [scenario="merge"]
      receiver: merge
    - matchers: [scenario="repeat"]
      receiver: repeat
      repeat_interval: 3s
receivers:
  - name: blackhole
  - name: batching
    webhook_configs: [{ url: '${hook('/batching')}' }]
  - name: late-join
    webhook_configs: [{ url: '${hook('/late-join')}' }]
  - name: merge
    webhook_configs: [{ url: '${hook('/merge')}' }]
  - name: repeat
    webhook_configs: [{ url: '${hook('/repeat')}' }]
`;

/** The group of `alertname` on the route of `scenario` (receiver named after the scenario). */
const group = (scenario: string, alertname: string) => scenarioGroup(scenario, { alertname });

describe.skipIf(!(await alertmanagerAvailable()))('flush timing: Alertmanager 0.25 and edgealert, same timeline', () => {
  const suite = usePeerPair('flush timing', config);
  const compare = suite.compare;

  it('sends alerts that arrive within group_wait together in the first notification', async () => {
    const a = (i: string) => ({ alertname: 'Batched', scenario: 'batching', i });
    const b = (i: string) => ({ alertname: 'BatchedToo', scenario: 'batching', i });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: a('1') }] },
        { at: 300, push: [{ labels: b('1') }] }, // a second group: its own group_wait, from 300 ms
        { at: 400, push: [{ labels: a('2') }] },
        { at: 700, push: [{ labels: a('3') }, { labels: b('2') }] }, // 300 ms before the flush: margin for a slow push
      ],
      { durationMs: 3_800, paths: ['/batching'] }, // through the ticks at 3000 / 3300, which send nothing
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group('batching', 'Batched'), [firing(a('1')), firing(a('2')), firing(a('3'))]),
      note(1_300, group('batching', 'BatchedToo'), [firing(b('1')), firing(b('2'))]),
    ]);
    compare(runs);
  });

  it('sends an alert that joins after the first flush at the next group_interval tick', async () => {
    const l = (i: string) => ({ alertname: 'Late', scenario: 'late-join', i });
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels: l('1') }] },
        { at: 1_500, push: [{ labels: l('2') }] }, // after the first flush (1000): waits for the tick at 3000
        { at: 3_500, push: [{ labels: l('3') }] }, // after the tick at 3000: waits for 5000
      ],
      { durationMs: 5_600, paths: ['/late-join'] },
    );
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, group('late-join', 'Late'), [firing(l('1'))]),
      note(3_000, group('late-join', 'Late'), [firing(l('1')), firing(l('2'))]),
      note(5_000, group('late-join', 'Late'), [firing(l('1')), firing(l('2')), firing(l('3'))]),
    ]);
    compare(runs);
  });

  it('does not notify again when a firing alert is re-sent with a later endsAt, and keeps the earliest startsAt', async () => {
    const labels = { alertname: 'Resent', scenario: 'merge' };
    const runs = await suite.pair().run(
      [
        { at: 0, push: [{ labels, annotations: { summary: 'first' }, startsAt: 'now', endsAt: 'now+1m' }] },
        // Prometheus-style re-sends: later startsAt and endsAt, new annotations.
        { at: 1_500, push: [{ labels, annotations: { summary: 'second' }, startsAt: 'now', endsAt: 'now+2m' }] },
        { at: 2_500, push: [{ labels, annotations: { summary: 'third' }, startsAt: 'now', endsAt: 'now+3m' }] },
      ],
      { durationMs: 5_600, paths: ['/merge'] }, // ticks at 3000 and 5000 send nothing
    );
    expectAlertmanagerFollows(runs.alertmanager, [note(1_000, group('merge', 'Resent'), [firing(labels)])]);
    compare(runs);

    // The merged alert: first startsAt, last endsAt, last annotations.
    const t0 = runs.alertmanager.startedAt;
    expect(runs.edgealert.startedAt).toBe(t0);
    const want = { annotations: { summary: 'third' }, startsAt: iso(t0), endsAt: iso(t0 + 2_500 + 180_000) };
    const [amAlert, edgeAlert] = await Promise.all([storedAlert(suite.pair().alertmanager.peer, 'Resent'), storedAlert(suite.pair().edgealert.peer, 'Resent')]);
    expect(amAlert, 'Alertmanager GET /api/v2/alerts').toEqual(want);
    expect(edgeAlert, 'edgealert GET /api/v2/alerts (Alertmanager shows the merged alert as expected)').toEqual(want);
  });

  it('notifies again at the first group_interval tick after repeat_interval has elapsed', async () => {
    const labels = { alertname: 'Repeated', scenario: 'repeat' };
    const runs = await suite.pair().run([{ at: 0, push: [{ labels }] }], { durationMs: 10_500, paths: ['/repeat'] });
    // Ticks at 1000, 3000, 5000, 7000, 9000; repeat_interval 3s has elapsed at 5000 and 9000, not at 3000 or 7000.
    expectAlertmanagerFollows(
      runs.alertmanager,
      [1_000, 5_000, 9_000].map((at) => note(at, group('repeat', 'Repeated'), [firing(labels)])),
    );
    compare(runs);
  });
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** The alert named `alertname` as GET /api/v2/alerts shows it: annotations and times. */
async function storedAlert(peer: RunningPeer, alertname: string): Promise<unknown> {
  const alerts = (await (await fetch(`${peer.url}/api/v2/alerts`)).json()) as {
    labels: Record<string, string>;
    annotations: unknown;
    startsAt: string;
    endsAt: string;
  }[];
  const found = alerts.find((a) => a.labels.alertname === alertname);
  return found && { annotations: found.annotations, startsAt: found.startsAt, endsAt: found.endsAt };
}
