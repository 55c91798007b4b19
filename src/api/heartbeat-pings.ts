/**
 * Alerts arriving at the ingest endpoints ping the heartbeats they match
 * (Prometheus' Watchdog). Per isolate, a heartbeat pinged less than a quarter
 * of its timeout ago is not pinged again, so most pushes cost no call to the
 * Heartbeats object. A failed ping never fails ingest: the next alert tries again.
 */
import type { Alert } from '../alert/types.js';
import type { Config } from '../config/types.js';
import { heartbeatsPingedBy, PingThrottle } from '../heartbeat/ping-matchers.js';

const throttle = new PingThrottle();

/** The one Heartbeats object. */
export function heartbeatsStub(env: Env) {
  return env.HEARTBEATS.get(env.HEARTBEATS.idFromName('heartbeats'));
}

/** Pings the heartbeats these alerts match (throttled); resolves once done, never rejects. */
export async function pingFromAlerts(env: Env, config: Config, alerts: readonly Alert[], now: number): Promise<void> {
  if (config.heartbeats.length === 0) return;
  const names = throttle.take(config.heartbeats, heartbeatsPingedBy(config.heartbeats, alerts, now), now);
  if (names.length === 0) return;
  try {
    await heartbeatsStub(env).ping(names);
  } catch (error) {
    for (const name of names) throttle.forget(name);
    console.error(JSON.stringify({ level: 'error', event: 'heartbeat_ping_failed', message: (error as Error).message }));
  }
}

/** Forgets this isolate's recent pings (tests whose fake clock starts over). */
export function forgetHeartbeatPings(): void {
  throttle.clear();
}
