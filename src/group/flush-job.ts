/**
 * A flush in progress: the notification a tick produced for one group and
 * the delivery state of each integration of its receiver. It is stored, so
 * retries resume after a restart; it ends when every integration has been
 * delivered or given up, or when the next group_interval tick arrives.
 */
import * as z from 'zod';
import { notificationSchema } from '../notify/notification.js';
import { FAILURE_REASONS } from '../notify/outcome.js';

export const DELIVERY_STATES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const deliverySchema = z.object({
  /** Position of the integration in its receiver. */
  index: z.number(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number(),
  /** When the next attempt is due (pending only). */
  dueAt: z.number(),
  /** Whether this integration gets resolved alerts. */
  sendResolved: z.boolean(),
  /** The last failure, safe to show (no secrets). */
  lastError: z.string().optional(),
  failureReason: z.enum(FAILURE_REASONS).optional(),
  /** What the integration asked to remember once sent (goes to the notification log). */
  memo: z.record(z.string(), z.string()).optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const flushJobSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  tickAt: z.number(),
  /** Retries stop here: the next tick takes over. */
  deadline: z.number(),
  repeatInterval: z.number(),
  /** The notification, muted alerts already removed. */
  notification: notificationSchema,
  /**
   * The resolved alerts of the whole snapshot (muted ones too) with their
   * updatedAt: after a successful flush they leave the group unless re-sent.
   */
  resolvedSnapshot: z.array(z.object({ fingerprint: z.string(), updatedAt: z.number() })),
  deliveries: z.array(deliverySchema),
});
export type FlushJob = z.infer<typeof flushJobSchema>;

/** Whether every delivery has reached a final state. */
export function isSettled(job: FlushJob): boolean {
  return job.deliveries.every((d) => d.state !== 'pending');
}

/** Whether the flush succeeded for every integration (so resolved alerts may be dropped). */
export function allDelivered(job: FlushJob): boolean {
  return job.deliveries.every((d) => d.state === 'sent' || d.state === 'skipped');
}

/** The earliest pending attempt, if any, leaving out the deliveries `skip` names (by index). */
export function nextAttemptAt(job: FlushJob, skip: (index: number) => boolean = () => false): number | undefined {
  let due: number | undefined;
  for (const d of job.deliveries) {
    if (d.state === 'pending' && !skip(d.index) && (due === undefined || d.dueAt < due)) due = d.dueAt;
  }
  return due;
}

/** The notification an integration receives: without resolved alerts unless it sends them. */
export function notificationFor(job: FlushJob, delivery: Delivery): FlushJob['notification'] {
  if (delivery.sendResolved) return job.notification;
  return { ...job.notification, alerts: job.notification.alerts.filter((a) => a.status === 'firing') };
}

/** Label hashes (fingerprints) of the job's firing and resolved alerts, as the notification log records them. */
export function alertSets(job: FlushJob): { firing: Set<string>; resolved: Set<string> } {
  const firing = new Set<string>();
  const resolved = new Set<string>();
  for (const a of job.notification.alerts) (a.status === 'firing' ? firing : resolved).add(a.fingerprint);
  return { firing, resolved };
}
