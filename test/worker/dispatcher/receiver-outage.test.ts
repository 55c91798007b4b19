/**
 * A receiver down for ten minutes while Prometheus keeps evaluating: alerts
 * fire and resolve during the outage, every flush fails, and once the
 * receiver is back the group's current state arrives, nothing lost and
 * nothing sent twice beyond what the notification log allows.
 *
 * What Alertmanager semantics require (dispatch.go, notify.go):
 * - a tick's flush is retried with backoff until the group_interval deadline
 *   (the flush context's timeout), always with that tick's notification;
 * - a failed flush logs nothing, so the next tick decides against the last
 *   *successful* notification and sends the group as it is then;
 * - resolved alerts leave the group only after a successful flush, so an
 *   alert that fired and resolved within the outage still reaches the
 *   receiver (as resolved: it no longer fires when the receiver is back);
 * - once delivered, a tick with nothing new sends nothing (dedup).
 *
 * The outage is timed on the fake clock: a spy on `fetch` in the shared
 * isolate (the Dispatcher's HTTP client calls the global `fetch`) either
 * scripts a 503 for that very request on the recording receiver (so the
 * answer crosses the real outbound path) or fails the request as a refused
 * connection does in workerd (fetch rejects). Math.random is pinned so the
 * jitter is zero and the retry times are exact.
 */
import { abortAllDurableObjects } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, storedRows, useConfig } from '../support/edgealert.js';
import { receiver } from '../support/receiver.js';
import { advanceTo, elapsed, freshStatePerTest, iso, push, type WebhookMessage } from '../support/timeline.js';

useConfig(`
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 30s
  group_interval: 1m
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://receiver.test/hook
        send_resolved: true
`);
freshStatePerTest();

const S = 1000;
const M = 60 * S;

/** The receiver is down from 1m to 11m. */
const OUTAGE = { from: 1 * M, until: 11 * M };

/** When each instance of the `Outage` rule is active (Prometheus evaluates every minute). */
const ACTIVE: Record<string, [from: number, to: number]> = {
  a1: [0, 2 * M], // resolves during the outage
  a2: [1 * M, 15 * M], // fires as the outage starts, outlives it
  a3: [3 * M, 5 * M], // fires and resolves, both within the outage
  a4: [7 * M, 16 * M], // fires during the outage, outlives it
};
const LAST_EVALUATION = 20 * M;

/**
 * What Prometheus sends after evaluating at `at`: active alerts with endsAt
 * four evaluation intervals ahead, resolved ones with their resolution time
 * for 15 minutes (its resolvedRetention).
 */
function evaluation(at: number) {
  return Object.entries(ACTIVE).flatMap(([instance, [from, to]]) => {
    const labels = { alertname: 'Outage', instance };
    if (at < from) return [];
    if (at < to) return [{ labels, startsAt: iso(from), endsAt: iso(at + 4 * M) }];
    return at - to < 15 * M ? [{ labels, startsAt: iso(from), endsAt: iso(to) }] : [];
  });
}

/** Delays between the attempts of one flush with zero jitter: 0.5s doubling (src/notify/backoff.ts). */
const ATTEMPT_OFFSETS = [0, 0.5 * S, 1.5 * S, 3.5 * S, 7.5 * S, 15.5 * S, 31.5 * S];

type Failure = 'status 503' | 'connection refused';

interface Attempt {
  readonly at: number;
  readonly ok: boolean;
  readonly alerts: string[];
}

/** Every notification request of the test, as the Dispatcher made it. */
const attempts: Attempt[] = [];

function receiverDownDuringOutage(failure: Failure): void {
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const at = elapsed();
    const message = JSON.parse(String(init?.body)) as WebhookMessage;
    const down = at >= OUTAGE.from && at < OUTAGE.until;
    attempts.push({ at, ok: !down, alerts: message.alerts.map((a) => `${a.labels.instance}:${a.status}`) });
    if (down && failure === 'connection refused') throw new TypeError('Network connection lost.');
    if (down) await receiver.answerNext(503);
    return realFetch(input, init);
  });
}

/**
 * Runs Prometheus's evaluations from 0 to 20m, every alarm firing on the
 * way, and restarts every Durable Object (rebuilt from storage by the next
 * call) at each of `restarts`.
 */
async function runPrometheus(restarts: readonly number[]): Promise<void> {
  const events = [
    ...Array.from({ length: LAST_EVALUATION / M + 1 }, (_, k) => ({ at: k * M, run: () => push(evaluation(k * M)) })),
    ...restarts.map((at) => ({ at, run: abortAllDurableObjects })),
  ].sort((a, b) => a.at - b.at);
  for (const { at, run } of events) {
    await advanceTo(at);
    await run();
  }
  await advanceTo(40 * M);
}

/** The value of one series on GET /metrics (0 when absent). */
async function metric(series: string): Promise<number> {
  const text = await (await api('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

/** The attempts of the flush of the tick at `tick`, all failed, all carrying `alerts`. */
const failedFlush = (tick: number, alerts: string[], offsets = ATTEMPT_OFFSETS): Attempt[] =>
  offsets.map((offset) => ({ at: tick + offset, ok: false, alerts }));

const A1_FIRING = ['a1:firing', 'a2:firing'];
const A1_RESOLVED = ['a1:resolved', 'a2:firing'];
const A3_FIRING = ['a1:resolved', 'a2:firing', 'a3:firing'];
const A3_RESOLVED = ['a1:resolved', 'a2:firing', 'a3:resolved'];
const A4_FIRING = ['a1:resolved', 'a2:firing', 'a3:resolved', 'a4:firing'];

/**
 * Every attempt, in order. Ticks are 30s + k x 1m (group_wait 30s, then
 * group_interval). Each failed tick tries 7 times: the 8th retry would be
 * due at +63.5s, past the next tick, so the flush gives up and that tick
 * starts over with the group as it is then.
 */
const EXPECTED: Attempt[] = [
  { at: 30 * S, ok: true, alerts: ['a1:firing'] },
  ...failedFlush(1.5 * M, A1_FIRING),
  ...failedFlush(2.5 * M, A1_RESOLVED),
  ...failedFlush(3.5 * M, A3_FIRING),
  ...failedFlush(4.5 * M, A3_FIRING),
  ...failedFlush(5.5 * M, A3_RESOLVED),
  ...failedFlush(6.5 * M, A3_RESOLVED),
  ...failedFlush(7.5 * M, A4_FIRING),
  ...failedFlush(8.5 * M, A4_FIRING),
  ...failedFlush(9.5 * M, A4_FIRING),
  // The tick at 10m30s: six attempts fail, the seventh (11m01.5s, before the
  // 11m30s deadline) finds the receiver back and delivers that tick's notification.
  ...failedFlush(10.5 * M, A4_FIRING, ATTEMPT_OFFSETS.slice(0, 6)),
  { at: 10.5 * M + 31.5 * S, ok: true, alerts: A4_FIRING },
  // 11m30s to 15m30s: nothing new (a1 and a3 were delivered resolved; Prometheus'
  // re-sends of them rejoin the group but are already logged as resolved).
  // 15m: a2 resolves. The re-sent a1 and a3 are still in the group, so they come along.
  { at: 15.5 * M, ok: true, alerts: ['a1:resolved', 'a2:resolved', 'a3:resolved', 'a4:firing'] },
  // 16m: a4 resolves, nothing fires any more.
  { at: 16.5 * M, ok: true, alerts: ['a1:resolved', 'a2:resolved', 'a3:resolved', 'a4:resolved'] },
];

interface Case {
  readonly failure: Failure;
  /** Restarts of every Durable Object during the outage: between two ticks, and between two retries of one. */
  readonly restarts: readonly number[];
}

describe.each<Case>([
  { failure: 'status 503', restarts: [] },
  { failure: 'connection refused', restarts: [] },
  { failure: 'status 503', restarts: [3 * M + 10 * S, 10.5 * M + 1 * S] },
])('a receiver down for 10 minutes ($failure, restarts at $restarts)', ({ failure, restarts }) => {
  beforeEach(() => {
    attempts.length = 0;
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    receiverDownDuringOutage(failure);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('retries each tick until its deadline, then delivers the current state once it is back, none twice', async () => {
    const reason = failure === 'status 503' ? 'serverError' : 'networkError';
    const before = {
      total: await metric('alertmanager_notifications_total{integration="webhook"}'),
      failed: await metric(`alertmanager_notifications_failed_total{integration="webhook",reason="${reason}"}`),
    };

    await runPrometheus(restarts);

    expect(attempts).toEqual(EXPECTED);
    // Nothing lost: every instance reached the receiver, the ones still firing
    // at the recovery as firing, and every one finally as resolved.
    const delivered = attempts.filter((a) => a.ok);
    expect(delivered.at(-1)?.alerts).toEqual(Object.keys(ACTIVE).map((i) => `${i}:resolved`));
    expect(delivered.find((a) => a.at > OUTAGE.until)?.alerts).toEqual(A4_FIRING);
    // The receiver saw exactly these requests, with these answers.
    const seen = (await receiver.requests()).map((r) => r.status);
    const down = failure === 'status 503' ? EXPECTED.filter((a) => !a.ok).map(() => 503) : [];
    expect(seen.filter((s) => s !== 200)).toEqual(down);
    expect(seen.filter((s) => s === 200)).toHaveLength(delivered.length);
    // No flush left behind.
    expect(await storedRows('jobs')).toEqual([]);

    // /metrics counts every attempt, and every failed one by reason (a
    // shard's counters start again from zero when it restarts, as
    // Alertmanager's do: Prometheus' rate() handles the reset).
    const failed = EXPECTED.filter((a) => !a.ok).length;
    expect(failed).toBe(69);
    if (restarts.length > 0) return;
    expect((await metric('alertmanager_notifications_total{integration="webhook"}')) - before.total).toBe(EXPECTED.length);
    expect((await metric(`alertmanager_notifications_failed_total{integration="webhook",reason="${reason}"}`)) - before.failed).toBe(failed);
  });
});
