/**
 * The identity of a webhook delivery for edge dedup: what it says, not how it
 * was sent. Two deliveries with the same group key, receiver and alerts (label
 * sets, statuses, start and end times) are the same news: an HA pair's twin
 * delivery, or a retry. Times are part of it so that an alert that resolves and
 * fires again (a new startsAt) is never mistaken for a repeat. Annotations are
 * left out, as the notification log leaves them out.
 */
import { sha256Hex } from '../util/hex.js';
import { fingerprint } from '../alert/fingerprint.js';
import type { WebhookPayload } from './upstream-webhook.js';

/** A hex SHA-256 of the delivery's content, usable as a KV key. */
export async function deliveryKey(payload: WebhookPayload, upstreamReceiver = ''): Promise<string> {
  const alerts = payload.alerts.map((a) => `${fingerprint(a.labels)}:${a.status}:${a.startsAt}:${a.endsAt}`).sort();
  const canonical = JSON.stringify([payload.groupKey, payload.receiver, upstreamReceiver, alerts]);
  return sha256Hex(canonical);
}
