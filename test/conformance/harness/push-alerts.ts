/**
 * Pushing alerts the way Prometheus does: POST /api/v2/alerts with a JSON
 * array. Times are written relative to a given instant (time-expression.ts).
 */
import type { RunningPeer } from './peer-process.js';
import { resolveTime, type TimeExpression } from './time-expression.js';

/**
 * An alert to push. `resolved` as endsAt means "ends at the push instant".
 * A time left out is not sent, so the peer fills in its default.
 */
export interface AlertToPush {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly startsAt?: TimeExpression;
  readonly endsAt?: TimeExpression | 'resolved';
  readonly generatorURL?: string;
}

/** The peer's answer to a push. */
export interface PushResult {
  readonly status: number;
  readonly body: string;
}

/** The JSON array POST /api/v2/alerts gets for `alerts` pushed at wall-clock `nowMs`. */
export function alertsPayload(alerts: readonly AlertToPush[], nowMs: number): object[] {
  return alerts.map(({ labels, annotations, startsAt, endsAt, generatorURL }) => ({
    labels,
    ...(annotations === undefined ? {} : { annotations }),
    ...(startsAt === undefined ? {} : { startsAt: resolveTime(startsAt, nowMs) }),
    ...(endsAt === undefined ? {} : { endsAt: resolveTime(endsAt === 'resolved' ? 'now' : endsAt, nowMs) }),
    ...(generatorURL === undefined ? {} : { generatorURL }),
  }));
}

/** POSTs `alerts` (times relative to `nowMs`) to the peer and returns its answer, whatever the status. */
export async function pushAlerts(peer: RunningPeer, alerts: readonly AlertToPush[], nowMs = Date.now()): Promise<PushResult> {
  const response = await fetch(`${peer.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alertsPayload(alerts, nowMs)),
  });
  return { status: response.status, body: await response.text() };
}
