/**
 * Heartbeats from a test file: the Heartbeats object's alarm on the fake
 * clock, a clock that fires its alarm and shard 0's in the order they fall
 * due, the ping endpoint and the cron trigger.
 */
import { createExecutionContext, createScheduledController, runDurableObjectAlarm, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test';
import { beforeEach } from 'vitest';
import { forgetHeartbeatPings } from '../../../src/api/heartbeat-pings.js';
import worker from '../../../src/index.js';
import { api, testEnv } from './edgealert.js';
import { deliveries, elapsed, fireAlarm, nextAlarm, setClock, settle, T0 } from './timeline.js';

/** The one Heartbeats object. */
export function heartbeatsObject(): DurableObjectStub {
  return testEnv.HEARTBEATS.get(testEnv.HEARTBEATS.idFromName('heartbeats')) as unknown as DurableObjectStub;
}

/** The isolate's ping throttle starts empty in every test (the fake clock starts over at T0). */
export function freshPingThrottlePerTest(): void {
  beforeEach(() => forgetHeartbeatPings());
}

/** When the Heartbeats object's alarm is set, in ms after T0, or null. */
export async function heartbeatAlarm(): Promise<number | null> {
  const at = await runInDurableObject(heartbeatsObject(), (_i, state) => state.storage.getAlarm());
  return at === null ? null : at - T0;
}

/** Deletes the Heartbeats object's alarm: an alarm that never ran. */
export async function loseHeartbeatAlarm(): Promise<void> {
  await runInDurableObject(heartbeatsObject(), (_i, state) => state.storage.deleteAlarm());
}

/**
 * Moves the fake clock to `ms` after T0, firing on the way every alarm of the
 * Heartbeats object and of shard 0 that falls due, earliest first (the
 * Heartbeats object first on a tie), each with the clock at its due time.
 */
export async function advanceAllTo(ms: number): Promise<void> {
  for (let fired = 0; fired < 1000; fired++) {
    const [hb, sh] = await Promise.all([heartbeatAlarm(), nextAlarm(0)]);
    const hbDue = hb !== null && hb <= ms ? hb : Infinity;
    const shDue = sh !== null && sh <= ms ? sh : Infinity;
    if (hbDue === Infinity && shDue === Infinity) return setClock(ms);
    if (hbDue <= shDue) {
      setClock(Math.max(elapsed(), hbDue));
      await runDurableObjectAlarm(heartbeatsObject());
      await settle(); // a heartbeat's alert flushes at once: stamp what it sent now
    } else {
      setClock(Math.max(elapsed(), shDue));
      await fireAlarm(0);
    }
  }
  throw new Error('advanceAllTo: more than 1000 alarms');
}

/** POST /api/v1/heartbeats/{name}. */
export function ping(name: string, headers: Record<string, string> = {}): Promise<Response> {
  return api(`/api/v1/heartbeats/${name}`, { method: 'POST', headers });
}

/** Runs the Worker's cron trigger now, as Cloudflare would, and waits for its work. */
export async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/5 * * * *' }), testEnv, ctx);
  await waitOnExecutionContext(ctx);
  await settle();
}

/** What each delivery to `path` said: time, status and each alert's `heartbeat-or-alertname:status`. */
export async function sentTo(path: string) {
  return (await deliveries())
    .filter((d) => d.path === path)
    .map((d) => ({ at: d.at, status: d.message.status, alerts: d.message.alerts.map((a) => `${a.labels.heartbeat ?? a.labels.alertname}:${a.status}`) }));
}
