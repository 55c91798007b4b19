/**
 * Which heartbeats received alerts ping: a firing alert matching all of a
 * heartbeat's matchers (Prometheus' always-firing Watchdog) pings it. Alerts
 * already resolved do not: a Watchdog that stopped must not keep it alive.
 */
import { isResolvedAt, type Alert } from '../alert/types.js';
import type { HeartbeatConfig } from '../config/types.js';
import { matchesLabels } from '../matcher/index.js';

/** Names of the heartbeats these alerts ping at `now`, in config order. */
export function heartbeatsPingedBy(heartbeats: readonly HeartbeatConfig[], alerts: readonly Alert[], now: number): string[] {
  return heartbeats
    .filter((hb) => hb.matchers.length > 0 && alerts.some((a) => !isResolvedAt(a, now) && matchesLabels(hb.matchers, a.labels)))
    .map((hb) => hb.name);
}

/**
 * Per-isolate throttle: a heartbeat pinged less than a quarter of its timeout
 * ago (by this isolate) is not pinged again, so a Watchdog re-sent every
 * minute costs no Durable Object request on most pushes.
 */
export class PingThrottle {
  private readonly sent = new Map<string, number>();

  /** The heartbeats to ping now, remembered as pinged. */
  take(heartbeats: readonly HeartbeatConfig[], names: readonly string[], now: number): string[] {
    return names.filter((name) => {
      const hb = heartbeats.find((h) => h.name === name);
      const last = this.sent.get(name);
      // A clock that went back (tests) counts as stale.
      if (hb && last !== undefined && now >= last && now - last < hb.timeout / 4) return false;
      this.sent.set(name, now);
      return true;
    });
  }

  /** Forgets a send that failed, so the next alert tries again. */
  forget(name: string): void {
    this.sent.delete(name);
  }

  clear(): void {
    this.sent.clear();
  }
}
