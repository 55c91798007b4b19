/**
 * An HA Prometheus pair: two replicas evaluate the same rules a few seconds
 * apart, each computing its own startsAt and endsAt, and both push every
 * alert, batch by batch, to two Alertmanager URLs that are both edgealert (as
 * when an Alertmanager pair is replaced). Their requests arrive together:
 * each round's POSTs run concurrently through the whole ingest path.
 *
 * Alertmanager's rules (src/alert/merge.ts): copies of one alert (same
 * labels) whose active ranges overlap merge into one, keeping the earliest
 * startsAt and the latest explicit endsAt; the group is notified once per
 * tick whatever the number of copies.
 */
import { describe, expect, it } from 'vitest';
import { api, getJson, postAlerts, useConfig } from '../support/edgealert.js';
import { advanceTo, deliveries, freshStatePerTest, goTime, iso } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`);
freshStatePerTest();

const S = 1000;
const M = 60 * S;

type Replica = 'A' | 'B';
/** Replica B evaluates 3 seconds before A; the pushes of a round arrive together. */
const LAG: Record<Replica, number> = { A: 0, B: 3 * S };

interface RuleAlert {
  readonly alertname: string;
  readonly instance: string;
  /** When each replica saw the alert become active (its startsAt). */
  readonly since: Record<Replica, number>;
  /** When each replica saw it resolve, if it does. */
  readonly until?: Record<Replica, number>;
}

/**
 * The replicas disagree on every startsAt, see some alerts a round before
 * the other (Latency/i3: B first; Down/i1 and Latency/i4: A first), and
 * resolve Disk/i2 three seconds apart (at 4m, B still sees it firing).
 * No startsAt is more than 10s before the first push, so every group's
 * first flush is its group_wait (30s) after creation.
 */
const RULES: RuleAlert[] = [
  { alertname: 'Latency', instance: 'i1', since: { A: 0, B: -5 * S } },
  { alertname: 'Latency', instance: 'i2', since: { A: -8 * S, B: -2 * S } },
  { alertname: 'Latency', instance: 'i3', since: { A: 10 * S, B: -3 * S } },
  { alertname: 'Latency', instance: 'i4', since: { A: 50 * S, B: 62 * S } },
  { alertname: 'Disk', instance: 'i1', since: { A: -6 * S, B: -7 * S } },
  { alertname: 'Disk', instance: 'i2', since: { A: 5 * S, B: 8 * S }, until: { A: 235 * S, B: 238 * S } },
  { alertname: 'Down', instance: 'i1', since: { A: 15 * S, B: 18 * S } },
];

/** When the replicas push: when new alerts appear (0s, 20s), then every minute. */
const ROUNDS = [0, 20 * S, ...Array.from({ length: 11 }, (_, k) => (k + 1) * M)];

/** What `replica` sends after evaluating for round `at`: endsAt four 1m intervals ahead, or the resolution. */
function evaluate(replica: Replica, at: number) {
  const evaluatedAt = at - LAG[replica];
  return RULES.filter((r) => r.since[replica] <= evaluatedAt).map((r) => {
    const resolvedAt = r.until?.[replica];
    const endsAt = resolvedAt !== undefined && resolvedAt <= evaluatedAt ? resolvedAt : evaluatedAt + 4 * M;
    return { labels: { alertname: r.alertname, instance: r.instance }, startsAt: iso(r.since[replica]), endsAt: iso(endsAt) };
  });
}

/** A deterministic shuffle (fixed-seed LCG), so the interleaving is varied yet reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * One round: each replica splits its alerts into batches of two and posts
 * every batch to both Alertmanager URLs; all of the round's POSTs run at once.
 */
async function pushRound(at: number): Promise<number> {
  const bodies = (['A', 'B'] as const).flatMap((replica) => {
    const alerts = evaluate(replica, at);
    const batches = Array.from({ length: Math.ceil(alerts.length / 2) }, (_, i) => alerts.slice(2 * i, 2 * i + 2));
    return [...batches, ...batches];
  });
  const answers = await Promise.all(shuffled(bodies, at + 7).map((body) => postAlerts(body)));
  expect(answers.map((res) => res.status)).toEqual(bodies.map(() => 200));
  return bodies.length;
}

/** The earliest startsAt the replicas computed, as the merge keeps it. */
const earliestStart = (r: RuleAlert) => Math.min(r.since.A, r.since.B);

/** What the notifications said: when, which group, each alert as `instance:status@startsAt`. */
async function notified() {
  const sent = (await deliveries()).map((d) => ({
    at: d.at,
    group: d.message.groupLabels.alertname,
    alerts: d.message.alerts.map((a) => `${a.labels.instance}:${a.status}@${a.startsAt}`),
  }));
  return sent.sort((x, y) => x.at - y.at || (x.group ?? '').localeCompare(y.group ?? ''));
}

const firingSince = (alertname: string, instance: string) => {
  const rule = RULES.find((r) => r.alertname === alertname && r.instance === instance);
  return `${instance}:firing@${goTime(earliestStart(rule as RuleAlert))}`;
};

/**
 * Waits for the Worker's background counter flush (waitUntil) to reach the
 * Metrics object: a scrape is queued behind it, so the next test's reset()
 * does not cut it off.
 */
async function countersSettled(): Promise<void> {
  expect((await api('/metrics')).status).toBe(200);
}

describe('two Prometheus replicas pushing the same alerts concurrently', () => {
  it('notify each group once per tick, with the merged alerts, none lost', async () => {
    let posts = 0;
    for (const at of ROUNDS) {
      await advanceTo(at);
      posts += await pushRound(at);
    }
    await advanceTo(15 * M);
    // 2 replicas x 2 URLs x batches of two, over 13 rounds.
    expect(posts).toBe(194);

    const disk2 = RULES.find((r) => r.alertname === 'Disk' && r.instance === 'i2') as RuleAlert;
    const sent = await notified();
    expect(sent.map(({ at, group }) => `${at} ${group}`)).toEqual([
      // group_wait: one notification per group, though each alert came in up to eight copies.
      '30000 Disk',
      '30000 Latency',
      // Down appeared at 20s (from A alone): its group waits from then.
      '50000 Down',
      // 5m30s: Latency has i4 (first from A alone), Disk has i2 resolved.
      '330000 Disk',
      '330000 Latency',
      // Down at 5m50s and 10m50s, the others at 10m30s: nothing new.
    ]);
    const of = (at: number, group: string) => sent.find((n) => n.at === at && n.group === group)?.alerts;
    expect(of(30 * S, 'Latency')).toEqual(['i1', 'i2', 'i3'].map((i) => firingSince('Latency', i)));
    expect(of(30 * S, 'Disk')).toEqual(['i1', 'i2'].map((i) => firingSince('Disk', i)));
    expect(of(50 * S, 'Down')).toEqual([firingSince('Down', 'i1')]);
    expect(of(330 * S, 'Latency')).toEqual(['i1', 'i2', 'i3', 'i4'].map((i) => firingSince('Latency', i)));
    expect(of(330 * S, 'Disk')).toEqual([firingSince('Disk', 'i1'), `i2:resolved@${goTime(earliestStart(disk2))}`]);
    // Both copies resolved: the later explicit endsAt is kept (B's, 3s after A's).
    const resolvedNotice = (await deliveries()).find((d) => d.at === 330 * S && d.message.groupLabels.alertname === 'Disk');
    expect(resolvedNotice?.message.alerts[1]?.endsAt).toBe(goTime(238 * S));

    // The store holds one alert per label set: earliest startsAt, latest endsAt
    // (A's, which evaluated last, at the 11m round: 11m + 4m).
    const listed = await getJson<{ labels: Record<string, string>; startsAt: string; endsAt: string }[]>('/api/v2/alerts');
    const firingRules = RULES.filter((r) => r.until === undefined);
    expect(listed.map((a) => `${a.labels.alertname}/${a.labels.instance} ${a.startsAt} ${a.endsAt}`).sort()).toEqual(
      firingRules.map((r) => `${r.alertname}/${r.instance} ${iso(earliestStart(r))} ${iso(15 * M)}`).sort(),
    );
    await countersSettled();
  });
});

describe('a burst of concurrent copies of one alert', () => {
  it('is stored once, with the earliest startsAt and the latest endsAt, and notified once', async () => {
    // 64 copies, alternating replicas, each a different evaluation: startsAt
    // and endsAt spread over 9 seconds (copy k starts at -k ms x 100, ends k s after 4m).
    const copies = shuffled(
      Array.from({ length: 64 }, (_, k) => [{ labels: { alertname: 'Burst', replica_pair: 'prod' }, startsAt: iso(-(k % 90) * 100), endsAt: iso(4 * M + (k % 9) * S) }]),
      64,
    );
    const answers = await Promise.all(copies.map((body) => postAlerts(body)));
    expect(answers.map((res) => res.status)).toEqual(copies.map(() => 200));

    const listed = await getJson<{ startsAt: string; endsAt: string }[]>('/api/v2/alerts');
    expect(listed.map((a) => [a.startsAt, a.endsAt])).toEqual([[iso(-6300), iso(4 * M + 8 * S)]]);
    await advanceTo(2 * M);
    expect((await notified()).map((n) => `${n.at} ${n.alerts.join()}`)).toEqual([`30000 undefined:firing@${goTime(-6300)}`]);
  });
});
