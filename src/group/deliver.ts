/**
 * One delivery attempt of a flush job to one integration, and what it means
 * for the job: sent, retried later (backoff, Retry-After, before the
 * deadline), or given up.
 */
import { retryDelay } from '../notify/backoff.js';
import type { NotifyContext, Notifier } from '../notify/integration.js';
import type { NotifyOutcome } from '../notify/outcome.js';
import { notificationFor, type Delivery, type FlushJob } from './flush-job.js';

export interface AttemptResult {
  readonly outcome: NotifyOutcome;
  /** The delivery after the attempt (state, attempts, next due time). */
  readonly delivery: Delivery;
}

/**
 * Tries to deliver. An integration without resolved alerts and nothing firing
 * is done without a request (its log entry still records the resolution).
 */
export async function attemptDelivery(
  job: FlushJob,
  delivery: Delivery,
  notifier: Notifier,
  ctx: NotifyContext,
  clock: () => number,
  random: () => number,
): Promise<AttemptResult> {
  const notification = notificationFor(job, delivery);
  if (notification.alerts.length === 0) {
    return { outcome: { ok: true }, delivery: { ...delivery, state: 'sent' } };
  }
  const outcome = await notifier.notify(notification, ctx);
  const attempts = delivery.attempts + 1;
  if (outcome.ok) return { outcome, delivery: { ...delivery, attempts, state: 'sent', ...(outcome.memo ? { memo: outcome.memo } : {}) } };
  const dueAt = clock() + retryDelay(attempts, random(), outcome.retryAfterMs);
  const state = outcome.retry && dueAt < job.deadline ? 'pending' : 'failed';
  return { outcome, delivery: { ...delivery, attempts, state, dueAt, lastError: outcome.message, failureReason: outcome.reason } };
}
