/**
 * What one delivery attempt of a flush leaves behind besides its state:
 * Alertmanager's notification counters and latency histogram, and the
 * `notification_attempt` log line in the trace of the notification.
 */
import { increment, type CounterValues } from '../metrics/counters.js';
import { NOTIFICATION_LATENCY } from '../metrics/families.js';
import { observe } from '../metrics/histogram.js';
import type { Logger, TraceIds } from '../observability/log.js';
import type { Delivery, FlushJob } from './flush-job.js';

export interface AttemptRecord {
  readonly job: FlushJob;
  readonly integration: string;
  /** The delivery after the attempt. */
  readonly delivery: Delivery;
  readonly seconds: number;
  readonly span: TraceIds;
}

export function recordAttempt(counters: CounterValues, log: Logger | undefined, { job, integration, delivery, seconds, span }: AttemptRecord): void {
  increment(counters, 'alertmanager_notifications_total', { integration });
  if (delivery.state !== 'sent') increment(counters, 'alertmanager_notifications_failed_total', { integration, reason: delivery.failureReason ?? 'other' });
  observe(counters, NOTIFICATION_LATENCY, { integration }, seconds);
  log?.withTrace(span)[delivery.state === 'failed' ? 'warn' : 'info']('notification_attempt', {
    group_key: job.notification.groupKey,
    receiver: job.notification.receiver,
    integration,
    outcome: delivery.state === 'sent' ? 'success' : delivery.state === 'pending' ? 'retry' : 'failed',
    reason: delivery.state === 'sent' ? undefined : delivery.failureReason,
    attempt: delivery.attempts,
  });
}
