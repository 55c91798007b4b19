/** A heartbeat as GET /api/v1/heartbeats lists it. */
import { formatDuration } from '../config/duration.js';
import type { HeartbeatConfig } from '../config/types.js';
import type { HeartbeatRecord, HeartbeatState } from './state.js';
import { deadlineOf } from './transitions.js';

export interface HeartbeatView {
  readonly name: string;
  readonly state: HeartbeatState;
  readonly timeout: string;
  readonly receiver: string | null;
  /** RFC 3339, or null when never pinged. */
  readonly lastPingAt: string | null;
  /** When the next ping is due (RFC 3339). */
  readonly deadline: string;
  /** While missing: since when. */
  readonly missingSince: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The listing of one heartbeat; `record` undefined: not tracked yet (as if first seen `now`). */
export function heartbeatView(hb: HeartbeatConfig, record: HeartbeatRecord | undefined, now: number): HeartbeatView {
  const r = record ?? { name: hb.name, state: 'waiting' as const, since: now, lastPingAt: null, missingSince: null, alertEndsAt: null };
  return {
    name: hb.name,
    state: r.state,
    timeout: formatDuration(hb.timeout),
    receiver: hb.receiver ?? null,
    lastPingAt: iso(r.lastPingAt),
    deadline: new Date(deadlineOf(hb, r)).toISOString(),
    missingSince: iso(r.missingSince),
  };
}
