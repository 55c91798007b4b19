/**
 * What one tick of a group sends: for each integration of the route's
 * receiver, the dedup decision against the notification log. Pure: the
 * shard supplies the alerts, the log and the clock.
 */
import type { Route } from '../config/types.js';
import type { NflogEntry } from '../nflog/entry.js';
import { needsUpdate } from '../nflog/needs-update.js';
import type { NotifyAlert } from '../notify/notification.js';
import type { AggregationGroup } from './aggregation-group.js';
import type { Delivery, FlushJob } from './flush-job.js';

export interface FlushInput {
  readonly group: AggregationGroup;
  readonly route: Route;
  /** The group's alerts at the tick, in notification order. */
  readonly snapshot: readonly NotifyAlert[];
  /** The snapshot without muted alerts. */
  readonly alerts: readonly NotifyAlert[];
  /** send_resolved of each integration of the receiver, in order. */
  readonly sendResolved: readonly boolean[];
  readonly nflogEntry: (integrationIndex: number) => NflogEntry | undefined;
  readonly now: number;
  /** notify_on_silence_end: notify firing alerts whatever the log says (see notify/silence-options.ts). */
  readonly forceNotify?: boolean;
}

/**
 * Builds the flush job for a tick; every delivery is either pending (due now)
 * or skipped. When every alert is muted nothing is delivered and the log is
 * left alone (Alertmanager stops the pipeline before dedup).
 */
export function planFlush(input: FlushInput): FlushJob {
  const firing = new Set<string>();
  const resolved = new Set<string>();
  for (const a of input.alerts) (a.status === 'firing' ? firing : resolved).add(a.fingerprint);
  const integrations = input.alerts.length === 0 ? [] : input.sendResolved;
  const deliveries = integrations.map((sendResolved, index): Delivery => {
    const decision = needsUpdate({
      entry: input.nflogEntry(index),
      firing,
      resolved,
      sendResolved,
      repeatInterval: input.route.repeatInterval,
      now: input.now,
    });
    const notify = decision.notify || (input.forceNotify === true && firing.size > 0);
    return { index, state: notify ? 'pending' : 'skipped', attempts: 0, dueAt: input.now, sendResolved };
  });
  return {
    id: `${input.group.id}@${input.now}`,
    groupId: input.group.id,
    tickAt: input.now,
    deadline: input.now + input.route.groupInterval,
    repeatInterval: input.route.repeatInterval,
    notification: {
      receiver: input.route.receiver,
      groupKey: input.group.groupKey,
      groupLabels: { ...input.group.labels },
      alerts: [...input.alerts],
    },
    resolvedSnapshot: input.snapshot
      .filter((a) => a.status === 'resolved')
      .map((a) => ({ fingerprint: a.fingerprint, updatedAt: a.updatedAt })),
    deliveries,
  };
}
