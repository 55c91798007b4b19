/**
 * Timelines on a fake clock, driven through the Dispatcher's alarm.
 *
 * The Worker and its Durable Objects run in the test's isolate, so faking
 * `Date` (vi.setSystemTime) moves their clock too. The clock starts at T0, far
 * in the future of the real one: every alarm the Dispatcher sets is then years
 * away in real time, never fires by itself, and runs only when a test fires
 * it (`advanceTo`, `fireAlarm`: runDurableObjectAlarm) with the fake clock at
 * its due time or later.
 * Nothing depends on real time, so timelines are exact, as in
 * src/group/shard.test.ts: push at t=0, nothing at t=999, one webhook at t=1000.
 */
import { reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { postAlerts, shard } from './edgealert.js';
import { receiver, type RecordedRequest } from './receiver.js';

/** The instant every test starts at. */
export const T0 = Date.UTC(2040, 0, 1, 12, 0, 0);

/** `ms` after T0 as an RFC 3339 timestamp, for startsAt / endsAt. */
export const iso = (ms: number): string => new Date(T0 + ms).toISOString();

/** `ms` after T0 as Alertmanager prints it in webhooks (Go's RFC3339Nano: no trailing zero fraction). */
export const goTime = (ms: number): string => iso(ms).replace(/\.?0*Z$/, 'Z');

/** Milliseconds since T0 on the fake clock. */
export const elapsed = (): number => Date.now() - T0;

/** Alertmanager's webhook body, version 4. */
export interface WebhookMessage {
  receiver: string;
  status: 'firing' | 'resolved';
  alerts: {
    status: 'firing' | 'resolved';
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
    fingerprint: string;
  }[];
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  version: string;
  groupKey: string;
  truncatedAlerts: number;
}

/** A request the Dispatcher sent, with the fake time (ms after T0) of the alarm that sent it. */
export interface Delivery extends RecordedRequest {
  readonly at: number;
  readonly path: string;
  readonly message: WebhookMessage;
}

const delivered: Delivery[] = [];

/**
 * Every test of the file starts from nothing: no Durable Object state (so
 * no alerts, groups, log or timers), an empty receiver answering 200, and the
 * fake clock at T0.
 */
export function freshStatePerTest(): void {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await reset();
    await receiver.reset();
    delivered.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Posts alerts (at the current fake time); they must be accepted. */
export async function push(alerts: unknown[]): Promise<void> {
  const res = await postAlerts(alerts);
  expect(res.status, await res.clone().text()).toBe(200);
}

/** When shard 0's alarm is set, in ms after T0, or null. */
export async function nextAlarm(index = 0): Promise<number | null> {
  const at = await runInDurableObject(shard(index), (_instance, state) => state.storage.getAlarm());
  return at === null ? null : at - T0;
}

/**
 * Fires shard `index`'s alarm now, as workerd would, and records what it
 * sent. An instance that is not in memory is rebuilt from storage by this
 * very call, as when an alarm wakes an evicted object. False if no alarm was set.
 */
export async function fireAlarm(index = 0): Promise<boolean> {
  await settle(index);
  const ran = await runDurableObjectAlarm(shard(index));
  await collect();
  return ran;
}

/**
 * Waits until shard `index` has no delivery attempt under way: what is due
 * when alerts arrive (group_wait 0s) is flushed by the push itself, whose
 * deliveries finish after its answer. Then records what was sent.
 */
export async function settle(index = 0): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const underWay = await runInDurableObject(shard(index), (instance) => (instance as unknown as DispatcherInternals).shard?.attemptsUnderWay() ?? 0);
    if (underWay === 0) return collect();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`settle(${index}): deliveries still under way after 500 polls`);
}

/** The Dispatcher's loaded shard, which settle() looks into. */
interface DispatcherInternals {
  readonly shard?: { attemptsUnderWay(): number };
}

/** Moves the fake clock forward to `ms` after T0 (never back). */
export function setClock(ms: number): void {
  if (T0 + ms < Date.now()) throw new Error(`setClock(${ms}): the clock is already at ${elapsed()}`);
  vi.setSystemTime(T0 + ms);
}

/**
 * Moves the fake clock to `ms` after T0, firing on the way every alarm of
 * shard 0 that falls due, each with the clock at its due time, as workerd
 * would.
 */
export async function advanceTo(ms: number, index = 0): Promise<void> {
  if (T0 + ms < Date.now()) throw new Error(`advanceTo(${ms}): the clock is already at ${elapsed()}`);
  await settle(index); // what pushes sent is stamped with the time they sent it
  for (let fired = 0; ; fired++) {
    if (fired > 1000) throw new Error('advanceTo: more than 1000 alarms, is the Dispatcher re-arming in a loop?');
    const due = await nextAlarm(index);
    if (due === null || due > ms) break;
    // An alarm set in the past (overdue) fires now.
    setClock(Math.max(elapsed(), due));
    await fireAlarm(index);
  }
  setClock(ms);
}

/** Picks up the requests the receiver got since the last look, stamped with the current fake time. */
async function collect(): Promise<void> {
  const all = await receiver.requests();
  for (const request of all.slice(delivered.length)) {
    delivered.push({ ...request, at: elapsed(), path: new URL(request.url).pathname, message: JSON.parse(request.body) });
  }
}

/** Every webhook request sent so far in this test (failed ones included), oldest first. */
export async function deliveries(): Promise<Delivery[]> {
  await collect();
  return [...delivered];
}

/** A delivery in short: when, overall status, and each alert as `instance-or-alertname:status`. */
export function summary(d: Delivery) {
  return {
    at: d.at,
    status: d.message.status,
    alerts: d.message.alerts.map((a) => `${a.labels.instance ?? a.labels.alertname}:${a.status}`),
  };
}

/** A firing alert as Prometheus posts it (no startsAt / endsAt). */
export function firing(alertname: string, labels: Record<string, string> = {}) {
  return { labels: { alertname, ...labels } };
}

/** The same alert resolved at `ms` after T0. */
export function resolved(alertname: string, labels: Record<string, string> = {}, ms = elapsed()) {
  return { labels: { alertname, ...labels }, endsAt: iso(ms) };
}
