/**
 * An alert as the pipeline holds it after ingest: validated, defaulted and
 * fingerprinted. Times are milliseconds since the Unix epoch.
 */
import type { LabelSet } from './labels.js';

export interface Alert {
  /** FNV-1a 64 of the label set, 16 hex digits (Alertmanager's fingerprint). */
  readonly fingerprint: string;
  readonly labels: LabelSet;
  readonly annotations: LabelSet;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly generatorURL: string;
  /** When this alert was last received (used to tell whether it changed since a flush). */
  readonly updatedAt: number;
  /** endsAt was not sent and was set to now + resolve_timeout. */
  readonly timeout: boolean;
  /** The W3C trace id of the request that first sent it (kept across re-sends), for its notifications' traceparent. */
  readonly traceId?: string;
}

/** An alert is resolved at `now` once its endsAt is not after now (Alertmanager's ResolvedAt). */
export function isResolvedAt(alert: Pick<Alert, 'endsAt'>, now: number): boolean {
  return alert.endsAt <= now;
}
