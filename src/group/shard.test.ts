import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/index.js';
import { normalizeAlert, type PostableAlert } from '../alert/postable.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { Shard } from './shard.js';
import { memoryShardStorage } from './shard-storage.js';

/**
 * Timelines against one shard with a fake clock and a recording HTTP client:
 * the Durable Object shell does exactly this (ingest, arm alarm, runDue).
 */
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function configOf(yaml: string): Config {
  const loaded = loadConfig(yaml, {});
  if (!loaded.ok) throw new Error(loaded.error.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return loaded.value;
}

const BASE = `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5s
  repeat_interval: 1m
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
`;

interface Sent {
  at: number;
  body: { status: string; alerts: { status: string; labels: Record<string, string> }[]; groupKey: string };
}

function harness(yaml = BASE) {
  const config = configOf(yaml);
  let now = T0;
  const sent: Sent[] = [];
  const statuses: number[] = [];
  const storage = memoryShardStorage();
  const host = {
    clock: () => now,
    random: () => 0.5,
    notify: {
      externalURL: 'http://edgealert.test',
      http: async (_url: string, init: RequestInit) => {
        const status = statuses.shift() ?? 200;
        sent.push({ at: now, body: JSON.parse(String(init.body)) });
        return new Response(null, { status });
      },
    },
  };
  let shard = new Shard(config, storage, storage.snapshot(), now);
  const h = {
    sent,
    storage,
    /** Answer the next deliveries with these statuses (then 200). */
    failNext: (...codes: number[]) => statuses.push(...codes),
    push(alerts: PostableAlert[]) {
      const normalized = alerts.map((a) => {
        const r = normalizeAlert(a, { now, resolveTimeout: config.global.resolveTimeout });
        if (!r.ok) throw new Error(r.error);
        return r.value;
      });
      for (const items of planDispatch(normalized, config.route, 1).values()) shard.ingest(items, now);
    },
    /** Advance the clock to `t` ms after T0, firing every alarm due on the way, as the DO would. */
    async advanceTo(t: number) {
      for (;;) {
        const due = shard.nextDueAt();
        if (due === undefined || due > T0 + t) break;
        now = Math.max(now, due);
        await shard.runDue(host);
      }
      now = T0 + t;
    },
    /** A new shard from what was stored: a restart of the Durable Object. */
    /** `wokenAt`: the clock when the object comes back (its alarm may be late). */
    restart(wokenAt = now) {
      const alarm = shard.nextDueAt() ?? null;
      now = wokenAt;
      shard = new Shard(config, storage, storage.snapshot(), now, alarm);
    },
    get shard() {
      return shard;
    },
    iso: (t: number) => new Date(T0 + t).toISOString(),
  };
  return h;
}

const firing = (name: string, extra: Record<string, string> = {}): PostableAlert => ({
  labels: { alertname: name, ...extra },
});
const summary = (s: Sent) => ({
  at: s.at - T0,
  status: s.body.status,
  alerts: s.body.alerts.map((a) => `${a.labels.instance ?? a.labels.alertname}:${a.status}`),
});

describe('Shard timelines', () => {
  it('waits group_wait, then sends every alert that arrived meanwhile in one notification', async () => {
    const h = harness();
    h.push([firing('Disk', { instance: 'a' })]);
    await h.advanceTo(500);
    h.push([firing('Disk', { instance: 'b' })]);
    await h.advanceTo(999);
    expect(h.sent).toHaveLength(0);
    await h.advanceTo(1000);
    expect(h.sent.map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['a:firing', 'b:firing'] }]);
  });

  it('sends an alert joining after the first flush at the next group_interval tick', async () => {
    const h = harness();
    h.push([firing('Disk', { instance: 'a' })]);
    await h.advanceTo(2000);
    h.push([firing('Disk', { instance: 'b' })]);
    await h.advanceTo(5999);
    expect(h.sent).toHaveLength(1);
    await h.advanceTo(6000);
    expect(h.sent.map(summary)[1]).toEqual({ at: 6000, status: 'firing', alerts: ['a:firing', 'b:firing'] });
  });

  it('flushes at once when an alert started longer than group_wait ago', async () => {
    const h = harness();
    h.push([{ ...firing('Disk'), startsAt: new Date(T0 - 10_000).toISOString() }]);
    await h.advanceTo(0);
    expect(h.sent.map((s) => s.at - T0)).toEqual([0]);
  });

  it('does not notify again for an unchanged group until repeat_interval has elapsed', async () => {
    const h = harness();
    h.push([firing('Disk')]);
    await h.advanceTo(1000);
    for (let t = 10_000; t <= 70_000; t += 10_000) {
      h.push([firing('Disk')]); // a Prometheus-style re-send
      await h.advanceTo(t);
    }
    // Ticks at 1s + k*5s; the first one more than 60s after the first send is 66s.
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000, 66_000]);
  });

  it('sends the resolved notice and then forgets the alert and its group', async () => {
    const h = harness();
    h.push([firing('Disk')]);
    await h.advanceTo(1000);
    h.push([{ ...firing('Disk'), endsAt: h.iso(2000) }]);
    await h.advanceTo(6000);
    expect(h.sent.map(summary)).toEqual([
      { at: 1000, status: 'firing', alerts: ['Disk:firing'] },
      { at: 6000, status: 'resolved', alerts: ['Disk:resolved'] },
    ]);
    expect(h.shard.alerts.size).toBe(0);
    await h.advanceTo(11_000);
    expect(h.shard.groups.size).toBe(0);
    expect(h.storage.snapshot()).toMatchObject({ alerts: [], groups: [], jobs: [] });
  });

  it('sends nothing for a group whose only alert resolved before group_wait ended', async () => {
    const h = harness();
    h.push([{ ...firing('Disk'), startsAt: h.iso(0), endsAt: h.iso(500) }]);
    await h.advanceTo(30_000);
    expect(h.sent).toHaveLength(0);
  });

  it('with send_resolved false, drops resolved alerts from notifications and skips the all-resolved one', async () => {
    const h = harness(BASE.replace('- url: http://receiver.test/hook', '- url: http://receiver.test/hook\n        send_resolved: false'));
    h.push([firing('Disk', { instance: 'a' }), firing('Disk', { instance: 'b' })]);
    await h.advanceTo(1000);
    h.push([{ ...firing('Disk', { instance: 'a' }), endsAt: h.iso(2000) }]);
    await h.advanceTo(6000);
    h.push([{ ...firing('Disk', { instance: 'b' }), endsAt: h.iso(7000) }]);
    await h.advanceTo(20_000);
    // At 6s, a resolved and b still firing: firing set is a subset of what was sent, so nothing goes out.
    expect(h.sent.map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['a:firing', 'b:firing'] }]);
    expect(h.shard.alerts.size).toBe(0);
  });

  it('retries a failed delivery with backoff and delivers exactly once', async () => {
    const h = harness();
    h.failNext(500, 503);
    h.push([firing('Disk')]);
    await h.advanceTo(4000);
    // Attempts at 1s, +500ms, +1s (jitter neutral with random 0.5); the third succeeds.
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000, 1500, 2500]);
    await h.advanceTo(30_000);
    expect(h.sent).toHaveLength(3);
  });

  it('does not retry a 4xx other than 429, and tries again at the next tick', async () => {
    const h = harness();
    h.failNext(400);
    h.push([firing('Disk')]);
    await h.advanceTo(5999);
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000]);
    await h.advanceTo(6000);
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000, 6000]);
  });

  it('keeps resolved alerts in the group while their resolved notice is not delivered', async () => {
    const h = harness();
    h.push([firing('Disk')]);
    await h.advanceTo(1000);
    h.push([{ ...firing('Disk'), endsAt: h.iso(2000) }]);
    h.failNext(400);
    await h.advanceTo(6000);
    expect(h.shard.alerts.size).toBe(1);
    await h.advanceTo(11_000);
    expect(h.sent.map(summary).slice(1)).toEqual([
      { at: 6000, status: 'resolved', alerts: ['Disk:resolved'] },
      { at: 11_000, status: 'resolved', alerts: ['Disk:resolved'] },
    ]);
    expect(h.shard.alerts.size).toBe(0);
  });

  it('resumes timers and pending retries after a restart from storage', async () => {
    const h = harness();
    h.push([firing('Disk', { instance: 'a' })]);
    await h.advanceTo(500);
    h.restart(); // during group_wait
    await h.advanceTo(999);
    expect(h.sent).toHaveLength(0);
    h.failNext(500);
    await h.advanceTo(1000);
    h.restart(); // during the retry backoff
    await h.advanceTo(30_000);
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000, 1500]);
  });

  it('does not write to storage for an unchanged re-send, and checkpoints endsAt before the stored one lapses', async () => {
    const h = harness();
    // As Prometheus sends it: same startsAt, endsAt four minutes ahead, moved on every re-send.
    const resend = (t: number) => h.push([{ ...firing('Disk'), startsAt: h.iso(0), endsAt: h.iso(t + 240_000) }]);
    resend(0);
    await h.advanceTo(1000);
    const before = h.storage.writes;
    resend(60_000);
    expect(h.storage.writes).toBe(before);
    // At 130s the stored endsAt (240s) is within two minutes: one checkpoint row holds the new one.
    await h.advanceTo(130_000);
    const beforeCheckpoint = h.storage.writes;
    resend(130_000);
    expect(h.storage.writes).toBe(beforeCheckpoint + 1);
    expect(h.storage.snapshot().checkpoint.get(h.shard.alerts.values().next().value?.fingerprint ?? '')).toBe(T0 + 370_000);
    // A restart applies the checkpoint: the alert does not resolve at 240s.
    h.restart();
    await h.advanceTo(300_000);
    expect(h.sent.map((s) => s.body.status).filter((status) => status !== 'firing')).toEqual([]);
  });


  it('delivers an alert on every route it matches, each in its own group', async () => {
    const h = harness(`
route:
  receiver: default
  group_wait: 1s
  routes:
    - matchers: [team="db"]
      receiver: db
      continue: true
    - matchers: [severity="critical"]
      receiver: pager
receivers:
  - name: default
    webhook_configs: [{ url: http://receiver.test/default }]
  - name: db
    webhook_configs: [{ url: http://receiver.test/db }]
  - name: pager
    webhook_configs: [{ url: http://receiver.test/pager }]
`);
    h.push([firing('Disk', { team: 'db', severity: 'critical' })]);
    await h.advanceTo(1000);
    expect(h.sent.map((s) => s.body.groupKey).sort()).toEqual([
      '{}/{severity="critical"}:{}',
      '{}/{team="db"}:{}',
    ]);
  });

  it('mutes silenced alerts at the next flush and leaves the log alone while muted', async () => {
    const h = harness();
    h.shard.setSilences([
      {
        id: 's1',
        matchers: [{ name: 'instance', value: 'b', isRegex: false, isEqual: true }],
        startsAt: T0,
        endsAt: T0 + 20_000,
        updatedAt: T0,
        createdBy: 'alice',
        comment: '',
      },
    ]);
    h.push([firing('Disk', { instance: 'a' }), firing('Disk', { instance: 'b' })]);
    await h.advanceTo(1000);
    expect(h.sent.map(summary)).toEqual([{ at: 1000, status: 'firing', alerts: ['a:firing'] }]);
    // The silence ends at 20s; b then fires into a group whose log only knows a.
    await h.advanceTo(21_000);
    expect(h.sent.map(summary)[1]).toEqual({ at: 21_000, status: 'firing', alerts: ['a:firing', 'b:firing'] });
  });

  it('inhibits a target in another group while the source fires', async () => {
    const h = harness(`${BASE}
inhibit_rules:
  - source_matchers: [severity="critical"]
    target_matchers: [severity="warning"]
    equal: [cluster]
`);
    h.push([firing('Down', { severity: 'critical', cluster: 'x' }), firing('Slow', { severity: 'warning', cluster: 'x' })]);
    await h.advanceTo(1000);
    expect(h.sent.map((s) => s.body.groupKey)).toEqual(['{}:{alertname="Down"}']);
  });

  it('drops flushes inside a mute time interval and outside an active one, without logging them', async () => {
    // T0 is a Wednesday, 12:00 UTC.
    const h = harness(`
route:
  receiver: hook
  group_wait: 1s
  group_interval: 5s
  routes:
    - matchers: [team="night"]
      receiver: hook
      active_time_intervals: [night]
    - matchers: [team="day"]
      receiver: hook
      mute_time_intervals: [lunch]
receivers:
  - name: hook
    webhook_configs: [{ url: http://receiver.test/hook }]
time_intervals:
  - name: night
    time_intervals: [{ times: [{ start_time: '22:00', end_time: '24:00' }] }]
  - name: lunch
    time_intervals: [{ times: [{ start_time: '12:00', end_time: '12:01' }] }]
`);
    h.push([firing('A', { team: 'night' }), firing('B', { team: 'day' })]);
    await h.advanceTo(59_000);
    expect(h.sent).toHaveLength(0);
    // Lunch ends at 12:01; the day route's next tick after that notifies.
    await h.advanceTo(61_000);
    expect(h.sent.map((s) => [s.at - T0, s.body.groupKey])).toEqual([[61_000, '{}/{team="day"}:{}']]);
  });

  it('after eviction, runs the tick its late alarm woke it for, and no tick early when woken between ticks', async () => {
    const h = harness();
    h.push([firing('Disk', { instance: 'a' })]);
    await h.advanceTo(1000);
    h.push([firing('Disk', { instance: 'b' })]);
    h.restart(T0 + 2000); // woken by a request between ticks: the 1s tick must not run again
    await h.advanceTo(5999);
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000]);
    h.restart(T0 + 6005); // woken by the alarm of the 6s tick, 5 ms late
    await h.advanceTo(6005);
    expect(h.sent.map(summary)[1]).toEqual({ at: 6005, status: 'firing', alerts: ['a:firing', 'b:firing'] });
  });

  it('spreads a storm over a rate-limited receiver: one notification per token, none lost', async () => {
    const h = harness(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 1s
  group_interval: 5m
receivers:
  - name: hook
    rate_limit: 1/s
    webhook_configs: [{ url: http://receiver.test/hook }]
`);
    h.push(['A', 'B', 'C', 'D'].map((name) => firing(name)));
    await h.advanceTo(10_000);
    expect(h.sent.map((s) => s.at - T0)).toEqual([1000, 2000, 3000, 4000]);
    expect(new Set(h.sent.map((s) => s.body.groupKey)).size).toBe(4);
  });
});
