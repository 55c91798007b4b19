/**
 * Time intervals, the same timeline against the real Alertmanager and
 * edgealert: mute_time_intervals and active_time_intervals that do or do not
 * cover "now". The intervals are built from the clock when the file starts,
 * from fields that cannot change their answer while it runs (about 30 s):
 * calendar fields list today and tomorrow (UTC), `times` ranges are an hour
 * either side of now, split in two where they would cross midnight. Each
 * "misses" interval is a list of items that each get exactly one field wrong,
 * so a field read wrongly as "always" shows up as a route muted or notifying
 * when it should not. One pair of peers for the file; each route has its own
 * receiver and webhook path.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { alertmanagerAvailable } from './harness/alertmanager.js';
import { expectAlertmanagerFollows, expectedNotification as note, firing } from './harness/expected.js';
import {
  arrivalDeltas,
  expectSameNotifications,
  startPeerPair,
  summarizeDeltas,
  type PairRun,
  type PeerPair,
} from './harness/peer-pair.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A zone without DST, 5h30 ahead of UTC: its wall clock is never UTC's. */
const ZONE = 'Asia/Kolkata';
const ZONE_OFFSET_MIN = 330;

/** `times` ranges covering `minute` ± 60 of a day (0..1439), split at midnight. */
function timesAround(minute: number): { start_time: string; end_time: string }[] {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const start = minute - 60;
  const end = minute + 60;
  const ranges: [number, number][] = [[Math.max(0, start), Math.min(1440, end)]];
  if (start < 0) ranges.push([1440 + start, 1440]);
  if (end > 1440) ranges.push([0, end - 1440]);
  return ranges.map(([s, e]) => ({ start_time: hhmm(s), end_time: hhmm(e) }));
}

/** The named intervals, from the UTC clock at `nowMs`. */
function timeIntervals(nowMs: number): string {
  const now = new Date(nowMs);
  const tomorrow = new Date(nowMs + 86_400_000);
  const year = now.getUTCFullYear();
  const day = now.getUTCDate();
  const utcMinute = now.getUTCHours() * 60 + now.getUTCMinutes();
  const zoneMinute = (utcMinute + ZONE_OFFSET_MIN) % 1440;
  const both = (today: string, next: string) => (today === next ? [today] : [today, next]);
  // Fields holding today and tomorrow (UTC).
  const covering = {
    weekdays: both(WEEKDAYS[now.getUTCDay()]!, WEEKDAYS[tomorrow.getUTCDay()]!),
    days_of_month: both(String(day), String(tomorrow.getUTCDate())),
    months: both(MONTHS[now.getUTCMonth()]!, MONTHS[tomorrow.getUTCMonth()]!),
    years: [`${year}:${year + 1}`],
    times: timesAround(utcMinute),
  };
  // Values holding neither today nor tomorrow, one per field.
  const missing = {
    weekdays: [WEEKDAYS[(now.getUTCDay() + 3) % 7]],
    days_of_month: [String(((day + 9) % 28) + 1)],
    months: [MONTHS[(now.getUTCMonth() + 4) % 12]],
    years: [`${year - 3}:${year - 2}`],
    times: timesAround((utcMinute + 720) % 1440),
  };
  const fields = Object.keys(covering) as (keyof typeof covering)[];
  const interval = (name: string, items: object[]) => ({ name, time_intervals: items });
  const intervals = [
    interval('covers-now', [covering]),
    interval('misses-now', fields.map((field) => ({ ...covering, [field]: missing[field] }))),
    // The same hour either side of now, on the zone's wall clock.
    interval('covers-now-in-zone', [{ times: timesAround(zoneMinute), location: ZONE }]),
    // Now on the UTC wall clock, read in the zone: 5h30 off.
    interval('misses-now-in-zone', [{ times: timesAround(utcMinute), location: ZONE }]),
  ];
  return JSON.stringify(intervals); // YAML accepts JSON
}

/** Route receiver names (each with its own webhook path) and their route lines. */
const ROUTES: Record<string, string> = {
  // mute_time_intervals
  'mute-covered': 'mute_time_intervals: [covers-now]',
  'mute-covered-in-zone': 'mute_time_intervals: [covers-now-in-zone]',
  'mute-missed': 'mute_time_intervals: [misses-now, misses-now-in-zone]',
  // active_time_intervals
  'active-missed': 'active_time_intervals: [misses-now, misses-now-in-zone]',
  'active-covered': 'active_time_intervals: [covers-now]',
  'active-covered-in-zone': 'active_time_intervals: [covers-now-in-zone]',
  'active-any-covered': 'active_time_intervals: [misses-now, covers-now-in-zone]',
  'active-and-mute-covered': 'active_time_intervals: [covers-now]\n      mute_time_intervals: [covers-now-in-zone]',
};
/** Routes with a child (matched on child="yes"), which inherits neither list. */
const WITH_CHILD = new Set(['mute-covered', 'active-missed']);
const child = (name: string) => `${name}-child`;
const RECEIVERS = [...Object.keys(ROUTES), ...[...WITH_CHILD].map(child)];

const config = (intervals: string) => (hook: (path: string) => string): string => `
route:
  receiver: blackhole
  group_by: [alertname]
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
  routes:
${Object.entries(ROUTES)
  .map(([name, lines]) => {
    const route = `    - matchers: [scenario="${name}"]\n      receiver: ${name}\n      ${lines}`;
    return WITH_CHILD.has(name) ? `${route}\n      routes:\n        - matchers: [child="yes"]\n          receiver: ${child(name)}` : route;
  })
  .join('\n')}
receivers:
  - name: blackhole
${RECEIVERS.map((name) => `  - name: ${name}\n    webhook_configs: [{ url: '${hook(`/${name}`)}' }]`).join('\n')}
time_intervals: ${intervals}
`;

const alertOf = (scenario: string, extra: Record<string, string> = {}) => ({ alertname: 'Timed', scenario, ...extra });
const groupOf = (scenario: string, isChild = false) => ({
  receiver: isChild ? child(scenario) : scenario,
  groupKey: `{}/{scenario="${scenario}"}${isChild ? '/{child="yes"}' : ''}:{alertname="Timed"}`,
  groupLabels: { alertname: 'Timed' },
});

describe.skipIf(!(await alertmanagerAvailable()))('time intervals: Alertmanager 0.25 and edgealert, same timeline', () => {
  let pair: PeerPair;
  const deltas: number[] = [];
  const compare = (runs: PairRun): void => {
    deltas.push(...arrivalDeltas(runs));
    expectSameNotifications(runs);
  };

  /** Pushes one alert per scenario (and one for the child route where asked), runs through the tick at 3000. */
  const runScenarios = (scenarios: readonly string[]) =>
    pair.run(
      [
        {
          at: 0,
          push: scenarios.flatMap((s) => [
            { labels: alertOf(s) },
            ...(WITH_CHILD.has(s) ? [{ labels: alertOf(s, { child: 'yes' }) }] : []),
          ]),
        },
      ],
      { durationMs: 3_500, paths: scenarios.flatMap((s) => [`/${s}`, `/${child(s)}`]) },
    );

  beforeAll(async () => {
    const intervals = timeIntervals(Date.now());
    console.log(`time intervals built at ${new Date().toISOString()}: ${intervals}`);
    pair = await startPeerPair(config(intervals));
  });
  afterAll(async () => {
    console.log(summarizeDeltas('time intervals', deltas));
    await pair?.stop();
  });

  it('mutes a route while one of its mute_time_intervals covers now (UTC or a location), not its child routes, and not when none covers now', async () => {
    const runs = await runScenarios(['mute-covered', 'mute-covered-in-zone', 'mute-missed']);
    // Muted flushes send nothing at 1000 or at the tick at 3000.
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, groupOf('mute-covered', true), [firing(alertOf('mute-covered', { child: 'yes' }))]),
      note(1_000, groupOf('mute-missed'), [firing(alertOf('mute-missed'))]),
    ]);
    compare(runs);
  });

  it('mutes a route whose active_time_intervals do not cover now, but not its child routes', async () => {
    const runs = await runScenarios(['active-missed']);
    expectAlertmanagerFollows(runs.alertmanager, [
      note(1_000, groupOf('active-missed', true), [firing(alertOf('active-missed', { child: 'yes' }))]),
    ]);
    compare(runs);
  });

  it('notifies a route when one of its active_time_intervals covers now, unless a mute_time_interval covers now too', async () => {
    const scenarios = ['active-covered', 'active-covered-in-zone', 'active-any-covered', 'active-and-mute-covered'];
    const runs = await runScenarios(scenarios);
    expectAlertmanagerFollows(
      runs.alertmanager,
      scenarios.filter((s) => s !== 'active-and-mute-covered').map((s) => note(1_000, groupOf(s), [firing(alertOf(s))])),
    );
    compare(runs);
  });
});
