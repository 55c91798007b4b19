/**
 * The HeartbeatMissing alert: labels `{alertname="HeartbeatMissing",
 * heartbeat="NAME"}` plus the heartbeat's configured labels, a summary and a
 * description saying what was missed. It enters the pipeline like a pushed
 * alert (routing, grouping, silences, inhibition).
 */
import { fingerprint } from '../alert/fingerprint.js';
import type { Alert } from '../alert/types.js';
import { formatDuration } from '../config/duration.js';
import { HEARTBEAT_ALERTNAME } from '../config/heartbeat-types.js';
import type { HeartbeatConfig } from '../config/types.js';

export interface HeartbeatAlertTimes {
  readonly startsAt: number;
  /** In the future while missing; `now` to resolve. */
  readonly endsAt: number;
  readonly lastPingAt: number | null;
  readonly now: number;
}

/** The alert for a missed heartbeat. */
export function heartbeatAlert(hb: HeartbeatConfig, times: HeartbeatAlertTimes): Alert {
  const labels = { ...hb.labels, alertname: HEARTBEAT_ALERTNAME, heartbeat: hb.name };
  const last = times.lastPingAt === null ? 'never since edgealert began tracking it' : `last at ${new Date(times.lastPingAt).toISOString()}`;
  return {
    fingerprint: fingerprint(labels),
    labels,
    annotations: {
      summary: `Heartbeat ${hb.name} missing: nothing arrived within ${formatDuration(hb.timeout)}`,
      description: `edgealert expected a ping from heartbeat "${hb.name}" at least every ${formatDuration(hb.timeout)}; ${last}.`,
      ...hb.annotations,
    },
    startsAt: times.startsAt,
    endsAt: times.endsAt,
    generatorURL: '',
    updatedAt: times.now,
    timeout: false,
  };
}
