/**
 * The loaded `heartbeats:` and `silence_expiry_notice:` (edgealert
 * extensions) and the alertnames of the alerts they raise. Built by
 * heartbeat-config.ts; read by heartbeat/ and silence/ in the Worker, which
 * must not pull in the config schemas (they run at build time).
 */
import type { Matcher } from '../matcher/types.js';

/** The alertname of a missed heartbeat's alert. */
export const HEARTBEAT_ALERTNAME = 'HeartbeatMissing';
/** The alertname of a silence's expiry notice. */
export const SILENCE_EXPIRING_ALERTNAME = 'SilenceExpiring';

/** A loaded heartbeat. */
export interface HeartbeatConfig {
  readonly name: string;
  /** Alerts matching these (all of them) count as a ping; empty: only the ping endpoint pings. */
  readonly matchers: readonly Matcher[];
  readonly timeout: number;
  /** Receiver of the synthetic route; undefined: routed by the tree. */
  readonly receiver?: string;
  /** Extra labels and annotations of the HeartbeatMissing alert. */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** The escalation policy of the synthetic route: the heartbeat's own, else the root route's; absent with `none` or without a receiver. */
  readonly escalation?: string;
}

/** A loaded silence_expiry_notice. */
export interface SilenceExpiryNotice {
  readonly receiver: string;
  /** How long before a silence ends the notice goes out (ms). */
  readonly before: number;
}
